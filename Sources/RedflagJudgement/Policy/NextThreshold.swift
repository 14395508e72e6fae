import RedflagCore
import RedflagJournal

/// How far a rule is from its next outcome: "2 more #late within 365 days → fire".
public struct NextThreshold: Hashable, Sendable, Codable {
    /// The outcome the rule would reach.
    public var outcome: Verdict
    /// How many more matching entries reach it.
    public var more: Int
    /// The tag to count, as shown (`late`, `abuse/verbal`).
    public var tag: String
    /// The window the entries must fall in, in days; nil when any date counts.
    public var window: Int?
    /// True when one more incident after a `#warned` entry would also reach `outcome`.
    public var orAfterWarning: Bool
    /// The same, as an English sentence.
    public var sentence: String

    public init(outcome: Verdict, more: Int, tag: String, window: Int?, orAfterWarning: Bool = false) {
        self.outcome = outcome
        self.more = more
        self.tag = tag
        self.window = window
        self.orAfterWarning = orAfterWarning
        var sentence = "\(more) more #\(tag)"
        if let window { sentence += " within \(window) days" }
        if orAfterWarning { sentence += " (or 1 more after a #warned entry)" }
        self.sentence = sentence + " → \(outcome.rawValue)"
    }
}
