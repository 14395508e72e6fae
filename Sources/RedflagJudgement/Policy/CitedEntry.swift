import RedflagCore
import RedflagJournal

/// An entry behind a reason, traceable to its source.
public struct CitedEntry: Hashable, Sendable, Codable {
    /// Path relative to the notes directory.
    public var file: String
    /// 1-based line where the entry starts.
    public var line: Int
    /// The entry's date; nil for an undated entry.
    public var date: CalendarDate?
    /// The start of the entry's text, at most `CitedEntry.quoteLimit` characters (an ellipsis
    /// marks a cut), whitespace collapsed.
    public var quote: String
    /// The entry's canonical tags (`tag` or `tag/subtype`), in order, each once.
    public var tags: [String]

    /// The longest quote, in characters, ellipsis included.
    public static let quoteLimit = 120

    public init(file: String, line: Int, date: CalendarDate?, quote: String, tags: [String]) {
        self.file = file
        self.line = line
        self.date = date
        self.quote = quote
        self.tags = tags
    }

    /// Cites `entry`, quoting the start of its text.
    public init(_ entry: Entry) {
        var seen = Set<String>()
        self.init(
            file: entry.file, line: entry.line, date: entry.date, quote: CitedEntry.quote(entry.text),
            tags: entry.tags.map(\.qualifiedName).filter { seen.insert($0).inserted })
    }

    /// `file:line`.
    public var reference: String { "\(file):\(line)" }

    /// Collapses whitespace and cuts `text` to `quoteLimit` characters, ending a cut with `…`.
    public static func quote(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard collapsed.count > quoteLimit else { return collapsed }
        var cut = String(collapsed.prefix(quoteLimit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > quoteLimit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}
