import RedflagCore
import RedflagJournal

/// Why an assessment is what it is: one rule that reached *watch* or *fire* (or, in
/// `Assessment.noted`, one that saw its sign below *watch*), with its evidence.
///
/// Machine-shaped: counts, thresholds and dates. What to do about it, in words, is the output
/// layer's (`RedflagOutput`'s `Advice` and `PlainWords`).
public struct Reason: Hashable, Sendable, Codable {
    /// The rule's id (`late`, `abuse-verbal`).
    public var rule: String
    /// The tag counted, as shown (`late`, `abuse/verbal`).
    public var tag: String
    /// The sign's meaning in one sentence.
    public var principle: String
    /// What the rule reached: `watch` or `fire` (`keep` for a sign only noted).
    public var outcome: Verdict
    /// True when positive context softened this *watch* to *keep* (see `Softening`).
    public var softened: Bool
    /// Every incident behind the outcome, in date order (for a repeat after a warning, the
    /// `#warned` entry too). A tag on a dated heading is cited once, at the heading's line.
    public var entries: [CitedEntry]
    /// The number of incidents counted (within the window, when the rule has one).
    public var count: Int
    /// The window counted, in days; nil for "ever".
    public var window: Int?
    /// The count at which the rule watches, for this client's billing; nil for never.
    public var watchAt: Int?
    /// The count at which the rule fires, for this client's billing; nil for never.
    public var fireAt: Int?
    /// The date of the `#warned` entry that answered an earlier incident (rules that fire on a
    /// repeat after a warning); nil when there is none.
    public var warned: CalendarDate?
    /// True when the outcome is *fire* because the sign came back after that warning.
    public var repeatedAfterWarning: Bool
    /// True when the rule concerns payment and no `#paid` entry is dated on or after its latest
    /// incident: something is still owed.
    public var owed: Bool
    /// What it would take to reach the next outcome; nil at *fire* or when nothing more can happen.
    public var nextThreshold: NextThreshold?
    /// One terse line for machines and logs: "fire: 3 #late within 365 days (watch at 2, fire at 3)".
    public var summary: String

    public init(
        rule: String, tag: String, principle: String, outcome: Verdict, softened: Bool, entries: [CitedEntry],
        count: Int, window: Int?, watchAt: Int? = nil, fireAt: Int? = nil, warned: CalendarDate? = nil,
        repeatedAfterWarning: Bool = false, owed: Bool = false, nextThreshold: NextThreshold?, summary: String
    ) {
        self.rule = rule
        self.tag = tag
        self.principle = principle
        self.outcome = outcome
        self.softened = softened
        self.entries = entries
        self.count = count
        self.window = window
        self.watchAt = watchAt
        self.fireAt = fireAt
        self.warned = warned
        self.repeatedAfterWarning = repeatedAfterWarning
        self.owed = owed
        self.nextThreshold = nextThreshold
        self.summary = summary
    }
}
