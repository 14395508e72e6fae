import RedflagCore
import RedflagJournal

/// One entry of a timeline: the journal `Entry` and what the timeline knows about it.
///
public struct TimelineEntry: Hashable, Sendable, Codable {
    /// The entry as parsed.
    public var entry: Entry
    /// True when the entry carries at least one of the nine incident tags.
    public var isIncident: Bool
    /// True when the entry carries `#paid`, `#referral` or `#praise`.
    public var isPositive: Bool
    /// True when the entry is dated after the timeline's `asOf`: listed, never judged.
    public var isFuture: Bool

    public init(entry: Entry, isIncident: Bool, isPositive: Bool, isFuture: Bool) {
        self.entry = entry
        self.isIncident = isIncident
        self.isPositive = isPositive
        self.isFuture = isFuture
    }

    /// Classifies `entry` against `asOf`.
    public init(_ entry: Entry, asOf: CalendarDate) {
        self.entry = entry
        isIncident = entry.tags.contains { Vocabulary.signs.contains($0.name) }
        isPositive = entry.tags.contains { Timeline.positiveTags.contains($0.name) }
        isFuture = entry.date.map { $0 > asOf } ?? false
    }

    /// The entry's incident tags (canonical names), each once, in first-seen order.
    public var signs: [String] { entry.tagNames.filter { Vocabulary.signs.contains($0) } }
}
