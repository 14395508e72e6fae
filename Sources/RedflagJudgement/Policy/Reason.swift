import RedflagCore
import RedflagJournal

/// Why an assessment is what it is: one rule that reached *watch* or *fire*, with its evidence.
public struct Reason: Hashable, Sendable, Codable {
    /// The rule's id (`late`, `abuse-verbal`).
    public var rule: String
    /// The tag counted, as shown (`late`, `abuse/verbal`).
    public var tag: String
    /// The sign's meaning in one sentence.
    public var principle: String
    /// What the rule reached: `watch` or `fire`.
    public var outcome: Verdict
    /// True when positive context softened this *watch* to *keep* (see `Softening`).
    public var softened: Bool
    /// Every entry behind the outcome, in date order (for a repeat after a warning, the
    /// `#warned` entry too).
    public var entries: [CitedEntry]
    /// The number of matching incidents counted (within the window, when the rule has one).
    public var count: Int
    /// The window counted, in days; nil for "ever".
    public var window: Int?
    /// What it would take to reach the next outcome; nil at *fire* or when nothing more can happen.
    public var nextThreshold: NextThreshold?
    /// What to do, when the sign calls for it ("collect what is owed before ending the relationship").
    public var advice: String?
    /// One line: "fire: 3 #late within 365 days (threshold 3)".
    public var summary: String

    public init(
        rule: String, tag: String, principle: String, outcome: Verdict, softened: Bool, entries: [CitedEntry],
        count: Int, window: Int?, nextThreshold: NextThreshold?, advice: String?, summary: String
    ) {
        self.rule = rule
        self.tag = tag
        self.principle = principle
        self.outcome = outcome
        self.softened = softened
        self.entries = entries
        self.count = count
        self.window = window
        self.nextThreshold = nextThreshold
        self.advice = advice
        self.summary = summary
    }
}
