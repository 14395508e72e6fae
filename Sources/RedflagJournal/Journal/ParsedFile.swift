import RedflagCore

/// YAML front matter of a notes file: the lines between a first-line `---` and the next `---`.
public struct FrontMatter: Hashable, Sendable {
    /// Line of the opening `---` (always 1) and of the closing `---`.
    public var startLine: Int
    public var endLine: Int
    /// The parsed YAML (nil when empty or invalid; the problem is then in the file's diagnostics).
    public var value: YAMLValue?
}

/// A Markdown heading of a notes file.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var line: Int
    /// Plain text of the heading.
    public var text: String
    /// The date the heading opens a section for, when its text starts with a valid `YYYY-MM-DD`.
    public var date: CalendarDate?
    /// The first word when it has the shape of a date but is not one (`2024-02-30`).
    public var invalidDate: String?
}

/// An HTML comment (`<!-- ... -->`) of a notes file, where suppressions live.
public struct HTMLComment: Hashable, Sendable {
    /// Text between `<!--` and `-->`, trimmed.
    public var text: String
    public var line: Int
    public var column: Int
    public var endLine: Int
}

/// Everything redflag read from one notes file.
public struct ParsedFile: Hashable, Sendable {
    /// Path relative to the notes directory, `/`-separated.
    public var path: String
    /// Client id the file belongs to.
    public var client: String
    public var source: SourceText
    public var frontMatter: FrontMatter?
    /// The known keys of the front matter.
    public var fields: FrontMatterFields
    public var entries: [Entry]
    public var headings: [Heading]
    public var comments: [HTMLComment]
    public var diagnostics: [Diagnostic]
    /// True when the file uses CRLF line endings.
    public var usesCRLF: Bool
    /// True when the file starts with a UTF-8 byte order mark.
    public var hasBOM: Bool
}

/// A whole notes directory: its clients, files, entries and the problems met reading them.
public struct Journal: Hashable, Sendable {
    /// The notes directory as given by the user.
    public var root: String
    public var configuration: Configuration
    /// Clients sorted by id.
    public var clients: [Client]
    /// Files sorted by path.
    public var files: [ParsedFile]
    /// Problems with folders, files and the configuration (each file's own are also in `files`).
    public var diagnostics: [Diagnostic]

    public init(
        root: String, configuration: Configuration, clients: [Client], files: [ParsedFile], diagnostics: [Diagnostic]
    ) {
        self.root = root
        self.configuration = configuration
        self.clients = clients
        self.files = files
        self.diagnostics = diagnostics
    }

    /// Every entry, in output order (client, date with undated last, file, line).
    public var entries: [Entry] {
        // Sort positions, not the (large) entries themselves: far fewer copies and reference counts.
        let all = files.flatMap(\.entries)
        return all.indices.sorted { Entry.outputOrder(all[$0], all[$1]) }.map { all[$0] }
    }

    /// Every diagnostic: directory-level ones first, then each file's, in path order.
    public var allDiagnostics: [Diagnostic] {
        diagnostics + files.flatMap(\.diagnostics)
    }

    /// The client whose id, name or alias is `query` (case-insensitive).
    public func client(matching query: String) -> Client? {
        clients.first { $0.id == query.lowercased() } ?? clients.first { $0.matches(query) }
    }

    /// Up to three client ids, names or aliases closest to `query`, for "did you mean" errors.
    public func closestClients(to query: String) -> [String] {
        let names = clients.flatMap { [$0.id, $0.name] + $0.aliases }
        let byDistance = Spelling.suggestions(for: query, in: names)
        let bySubstring = clients.filter {
            $0.name.lowercased().contains(query.lowercased()) || $0.id.contains(query.lowercased())
        }.map(\.id)
        var seen = Set<String>()
        return (bySubstring + byDistance).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }
}
