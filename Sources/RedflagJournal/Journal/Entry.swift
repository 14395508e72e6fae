import RedflagCore

/// One journal entry: a dated (or undated) block of a client's notes, with its tags.
///
/// An entry is a paragraph, an item of a top-level list (with its nested lists) or a block quote
/// inside a dated section, or a block that carries its own date. `line`/`endLine` are 1-based
/// lines of `file`, a path relative to the notes directory.
public struct Entry: Hashable, Sendable, Codable {
    /// The client id (slug).
    public var client: ClientID
    public var date: CalendarDate?
    /// `HH:MM` from a dated heading, when given.
    public var time: String?
    /// The title after the date in a dated heading, when given.
    public var title: String?
    /// Where the entry is written: its first line and column through its last line.
    public var range: SourceRange
    /// Plain text (inline markup removed; blocks joined by newlines), date prefix removed.
    public var text: String
    /// The entry's Markdown source, exactly as written (front matter never included).
    public var markdown: String
    /// Tags of the entry's own text, then those inherited from its dated heading and front matter.
    public var tags: [Tag]
    /// Pages the entry links (`[[Acme]]`, `[Acme](acme.md)`, a `client:: [[Acme]]` property), as
    /// written: what `Attribution` reads to find the client of a block in a shared daily note.
    public var links: [String] = []
    /// Pages linked by the nearest enclosing heading that links any (`## [[Acme]]`).
    public var headingLinks: [String] = []

    public init(
        client: ClientID, date: CalendarDate?, time: String? = nil, title: String? = nil, file: String,
        line: Int, column: Int = 1, endLine: Int, text: String, markdown: String, tags: [Tag]
    ) {
        self.client = client
        self.date = date
        self.time = time
        self.title = title
        self.range = SourceRange(start: SourceLocation(file: file, line: line, column: column), endLine: endLine)
        self.text = text
        self.markdown = markdown
        self.tags = tags
    }

    public var location: SourceLocation { range.start }

    /// The file, relative to the notes directory.
    public var file: String {
        get { range.start.file }
        set { range.start.file = newValue }
    }

    /// The entry's first line (1-based).
    public var line: Int {
        get { range.start.line }
        set { range.start.line = newValue }
    }

    /// The column (1-based UTF-8 bytes) where the entry's block starts.
    public var column: Int {
        get { range.start.column }
        set { range.start.column = newValue }
    }

    /// The entry's last line (1-based).
    public var endLine: Int {
        get { range.endLine }
        set { range.endLine = newValue }
    }

    /// Canonical tag names on this entry, each once, in first-seen order.
    public var tagNames: [String] {
        var seen = Set<String>()
        return tags.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    public func hasTag(_ name: String) -> Bool { tags.contains { $0.name == name } }

    /// Deterministic output order: client, date (undated last), file, line.
    public static func outputOrder(_ lhs: Entry, _ rhs: Entry) -> Bool {
        if lhs.client != rhs.client { return lhs.client < rhs.client }
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
