import RedflagCore
import RedflagJournal

/// One entry of a timeline: the journal `Entry` and what the timeline knows about it.
///
/// Encodes as a flat object: `date` (`YYYY-MM-DD` or absent), `time`, `title`, `file`, `line`
/// (1-based), `column` (1-based UTF-8 bytes), `endLine`, `text`, `markdown`, `tags`,
/// `isIncident`, `isPositive`, `isFuture`.
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

    enum CodingKeys: String, CodingKey {
        case date, time, title, file, line, column, endLine, text, markdown, tags
        case isIncident, isPositive, isFuture
        case client
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entry = Entry(
            client: try container.decodeIfPresent(ClientID.self, forKey: .client) ?? "",
            date: try container.decodeIfPresent(CalendarDate.self, forKey: .date),
            time: try container.decodeIfPresent(String.self, forKey: .time),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decodeIfPresent(Int.self, forKey: .column) ?? 1,
            endLine: try container.decodeIfPresent(Int.self, forKey: .endLine) ?? 0,
            text: try container.decode(String.self, forKey: .text),
            markdown: try container.decodeIfPresent(String.self, forKey: .markdown) ?? "",
            tags: try container.decode([Tag].self, forKey: .tags))
        isIncident = try container.decode(Bool.self, forKey: .isIncident)
        isPositive = try container.decode(Bool.self, forKey: .isPositive)
        isFuture = try container.decode(Bool.self, forKey: .isFuture)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.client, forKey: .client)
        try container.encodeIfPresent(entry.date, forKey: .date)
        try container.encodeIfPresent(entry.time, forKey: .time)
        try container.encodeIfPresent(entry.title, forKey: .title)
        try container.encode(entry.file, forKey: .file)
        try container.encode(entry.line, forKey: .line)
        try container.encode(entry.column, forKey: .column)
        try container.encode(entry.endLine, forKey: .endLine)
        try container.encode(entry.text, forKey: .text)
        try container.encode(entry.markdown, forKey: .markdown)
        try container.encode(entry.tags, forKey: .tags)
        try container.encode(isIncident, forKey: .isIncident)
        try container.encode(isPositive, forKey: .isPositive)
        try container.encode(isFuture, forKey: .isFuture)
    }
}
