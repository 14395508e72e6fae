import RedflagCore

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
    /// How the directory is laid out (detected): which files are a client's, which are shared.
    public var layout: NotesLayout
    /// Entries of shared notes that no single client claims (`Attribution`); not in `entries`.
    public var unattributed: [UnattributedEntry]

    public init(
        root: String, configuration: Configuration, clients: [Client], files: [ParsedFile], diagnostics: [Diagnostic],
        layout: NotesLayout = .plain, unattributed: [UnattributedEntry] = []
    ) {
        self.root = root
        self.configuration = configuration
        self.clients = clients
        self.files = files
        self.diagnostics = diagnostics
        self.layout = layout
        self.unattributed = unattributed
    }

    /// Every attributed entry, in output order (client, date with undated last, file, line).
    public var entries: [Entry] {
        // Sort positions (file, entry), not the (large) entries themselves, and copy each entry
        // once, at the end: far fewer copies and reference counts.
        var positions: [(file: Int, entry: Int)] = []
        for (fileIndex, file) in files.enumerated() {
            for (entryIndex, entry) in file.entries.enumerated() where !entry.client.rawValue.isEmpty {
                positions.append((fileIndex, entryIndex))
            }
        }
        positions.sort { Entry.outputOrder(files[$0.file].entries[$0.entry], files[$1.file].entries[$1.entry]) }
        return positions.map { files[$0.file].entries[$0.entry] }
    }

    /// Every diagnostic: directory-level ones first, then each file's, in path order.
    public var allDiagnostics: [Diagnostic] {
        diagnostics + files.flatMap(\.diagnostics)
    }

    /// The client whose id, name or alias is `query` (case-insensitive).
    public func client(matching query: String) -> Client? {
        clients.first { $0.id.rawValue == query.lowercased() } ?? clients.first { $0.matches(query) }
    }

    /// Up to three client ids, names or aliases closest to `query`, for "did you mean" errors.
    public func closestClients(to query: String) -> [String] {
        let names = clients.flatMap { [$0.id.rawValue, $0.name] + $0.aliases }
        let byDistance = Spelling.suggestions(for: query, in: names)
        let bySubstring = clients.filter {
            $0.name.lowercased().contains(query.lowercased()) || $0.id.rawValue.contains(query.lowercased())
        }.map(\.id.rawValue)
        var seen = Set<String>()
        return (bySubstring + byDistance).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }
}
