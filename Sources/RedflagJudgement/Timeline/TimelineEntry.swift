import RedflagCore
import RedflagJournal

/// One entry of a timeline: the journal `Entry` and what the timeline knows about it.
///
/// The entry is held in a shared, copy-on-write box: judging copies timeline entries often (filters,
/// month-end cuts, occurrences), and copying an `Entry` itself retains each of its many strings and
/// arrays; a box is one retain. Reading `entry` borrows it; changing it copies the box first when it
/// is shared, so a `TimelineEntry` behaves as a plain value.
public struct TimelineEntry: Hashable, Sendable, Codable {
    /// The box holding the entry: never changed while shared (see `entry`'s `_modify`).
    private final class Box: @unchecked Sendable {
        var entry: Entry
        init(_ entry: Entry) { self.entry = entry }
    }

    private var box: Box

    /// The entry as parsed.
    public var entry: Entry {
        _read { yield box.entry }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.entry) }
            yield &box.entry
        }
    }
    /// True when the entry carries at least one of the nine incident tags.
    public var isIncident: Bool
    /// True when the entry carries `#paid`, `#referral` or `#praise`.
    public var isPositive: Bool
    /// True when the entry is dated after the timeline's `asOf`: listed, never judged.
    public var isFuture: Bool

    public init(entry: Entry, isIncident: Bool, isPositive: Bool, isFuture: Bool) {
        box = Box(entry)
        self.isIncident = isIncident
        self.isPositive = isPositive
        self.isFuture = isFuture
    }

    /// Classifies `entry` against `asOf`.
    public init(_ entry: Entry, asOf: CalendarDate) {
        self.init(
            entry: entry, isIncident: entry.tags.contains { Vocabulary.signs.contains($0.name) },
            isPositive: entry.tags.contains { Timeline.positiveTags.contains($0.name) },
            isFuture: entry.date.map { $0 > asOf } ?? false)
    }

    /// The entry's incident tags (canonical names), each once, in first-seen order.
    public var signs: [String] { entry.tagNames.filter { Vocabulary.signs.contains($0) } }

    // A value: equal and hashed by the entry and the flags, encoded as `entry`, `isIncident`,
    // `isPositive`, `isFuture` (as before the box).

    private enum CodingKeys: String, CodingKey {
        case entry, isIncident, isPositive, isFuture
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entry: try container.decode(Entry.self, forKey: .entry),
            isIncident: try container.decode(Bool.self, forKey: .isIncident),
            isPositive: try container.decode(Bool.self, forKey: .isPositive),
            isFuture: try container.decode(Bool.self, forKey: .isFuture))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry, forKey: .entry)
        try container.encode(isIncident, forKey: .isIncident)
        try container.encode(isPositive, forKey: .isPositive)
        try container.encode(isFuture, forKey: .isFuture)
    }

    public static func == (lhs: TimelineEntry, rhs: TimelineEntry) -> Bool {
        lhs.isIncident == rhs.isIncident && lhs.isPositive == rhs.isPositive && lhs.isFuture == rhs.isFuture
            && (lhs.box === rhs.box || lhs.entry == rhs.entry)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entry)
        hasher.combine(isIncident)
        hasher.combine(isPositive)
        hasher.combine(isFuture)
    }
}
