import RedflagCore
import RedflagJournal

/// An incident (or `#warned` entry) behind a reason, traceable to its source: an entry, or the
/// dated section whose heading carries the tag.
public struct CitedEntry: Hashable, Sendable, Codable {
    /// Path relative to the notes directory.
    public var file: String
    /// 1-based line where the entry starts (for a section, the line of its tagged heading).
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

    /// Cites `occurrence`: its entry, or, for a tag inherited from a dated heading (or front
    /// matter), the section at the heading's line, quoting the section's title and first entry.
    public init(_ occurrence: TagOccurrence) {
        let first = occurrence.first.entry
        guard let line = occurrence.sectionLine else {
            self.init(first)
            return
        }
        var seen = Set<String>()
        let text = [first.title, first.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
        self.init(
            file: first.file, line: line, date: first.date, quote: CitedEntry.quote(text),
            tags: occurrence.entries.flatMap { $0.entry.tags.map(\.qualifiedName) }.filter { seen.insert($0).inserted })
    }

    /// Dated before undated; then date, file, line.
    public static func chronological(_ lhs: CitedEntry, _ rhs: CitedEntry) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (lhs.file, lhs.line) < (rhs.file, rhs.line)
        }
    }

    /// `file:line`.
    public var reference: String { "\(file):\(line)" }

    /// Collapses whitespace and cuts `text` to `quoteLimit` characters, ending a cut with `…`.
    /// Reads only as far as the quote needs: a long entry is not split whole. ASCII text (where
    /// each byte is a character) is read byte by byte; anything else by characters.
    public static func quote(_ text: String) -> String {
        asciiQuote(text) ?? characterQuote(text)
    }

    /// `quote(text)` read as UTF-8 bytes, or nil when a non-ASCII byte comes before the quote is
    /// complete (a character may then span several scalars: `characterQuote` reads it).
    static func asciiQuote(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(quoteLimit + 1)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                // The ASCII characters with Unicode's White_Space property: tab, line feed, vertical
                // tab, form feed, carriage return (a CR LF pair is one character, all whitespace), space.
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !collapsed.isEmpty
                    continue
                }
                if pendingSpace {
                    collapsed.append(0x20)
                    pendingSpace = false
                }
                collapsed.append(byte)
                if collapsed.count > quoteLimit { break }
            }
            guard collapsed.count > quoteLimit else { return String(decoding: collapsed, as: UTF8.self) }
            var cut = collapsed[..<(quoteLimit - 1)]
            if let space = cut.lastIndex(of: 0x20), space > quoteLimit / 2 { cut = cut[..<space] }
            return String(decoding: cut, as: UTF8.self) + "…"
        }
    }

    /// `quote(text)` read character by character (any text).
    static func characterQuote(_ text: String) -> String {
        var collapsed = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if pendingSpace {
                collapsed.append(" ")
                count += 1
                pendingSpace = false
            }
            collapsed.append(character)
            count += 1
            if count > quoteLimit { break }
        }
        guard count > quoteLimit else { return collapsed }
        var cut = String(collapsed.prefix(quoteLimit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > quoteLimit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}
