import Foundation
import RedflagCore

/// How a notes directory is laid out, detected from its paths and tool folders: which files are
/// a client's own (by their place in the tree), which are shared (daily notes, journals, pages
/// that belong to whichever client they link), and which are templates (never read).
///
/// Pure: built from relative paths and the names of the tool folders found at the root, so the
/// same value comes out of the disk walk and of in-memory tests.
public struct NotesLayout: Hashable, Sendable {
    /// The note-taking tool the directory looks like it belongs to.
    public enum Tool: String, Hashable, Sendable, Codable {
        /// Plain Markdown: one client per top-level `NAME.md` or `NAME/`.
        case plain
        /// An Obsidian vault (`.obsidian/`).
        case obsidian
        /// A Logseq graph (`logseq/`, or `journals/` and `pages/`).
        case logseq
        /// A Foam workspace (`.foam/`).
        case foam
    }

    /// What a file is, from its place in the tree.
    public enum Role: Hashable, Sendable {
        /// The notes of one client: `acme.md`, `acme/…`, `Clients/Acme.md`, `Clients/Acme/…`,
        /// `pages/Clients___Acme.md`. `name` is the name as written in the path.
        case client(id: ClientID, name: String)
        /// A shared note: a daily note, a journal, a page of a graph. Its blocks go to the client
        /// they link; its front matter may make it a client's own page.
        case shared(page: String)
        /// A template: not notes, never read.
        case template
    }

    public var tool: Tool
    /// True when clients are pages (a Logseq graph, or a `Clients/` folder) rather than every
    /// top-level file and folder.
    public var clientsArePages: Bool
    /// Top-level folders (lowercased) whose notes are shared journals.
    public var journalFolders: Set<String>
    /// Top-level folders (lowercased) that hold templates.
    public var templateFolders: Set<String>
    /// The folder (lowercased) that holds one file or folder per client, when there is one.
    public var clientsFolder: String?
    /// False when `redflag.yml` turned the vault conventions off: every top-level file and folder
    /// is a client, as in plain notes.
    public var enabled: Bool

    /// Folders that hold daily notes in the tools' defaults and common habits.
    static let defaultJournalFolders: Set<String> = [
        "journals", "journal", "daily", "dailies", "daily notes", "daily-notes", "diary", "calendar",
    ]
    static let defaultTemplateFolders: Set<String> = ["templates", "_templates", "template"]

    /// Detects the layout. `paths` are the notes files (relative, `/`-separated); `markers` the
    /// names found at the root that are not notes (`.obsidian`, `logseq`, `.foam`); `settings`
    /// what the tools' own configuration says (`dailyFolder`, `templatesFolder`).
    public static func detect(
        paths: [String], markers: Set<String> = [], settings: [String: String] = [:],
        configuration: Configuration = .standard
    ) -> NotesLayout {
        let topFolders = Set(
            paths.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count > 1 ? parts[0].lowercased() : nil
            })
        let markerNames = Set(markers.map { $0.lowercased() })
        let tool: Tool
        if markerNames.contains("logseq") || (topFolders.contains("journals") && topFolders.contains("pages")) {
            tool = .logseq
        } else if markerNames.contains(".obsidian") {
            tool = .obsidian
        } else if markerNames.contains(".foam") {
            tool = .foam
        } else {
            tool = .plain
        }
        var journals = defaultJournalFolders
        var templates = defaultTemplateFolders
        if let daily = settings["dailyFolder"]?.split(separator: "/").first { journals.insert(daily.lowercased()) }
        if let folder = settings["templatesFolder"]?.split(separator: "/").first {
            templates.insert(folder.lowercased())
        }
        let clientsFolder = topFolders.contains("clients") ? "clients" : nil
        let enabled = configuration.uses(.vaultLayout)
        if !configuration.uses(.sharedJournals) { journals = [] }
        return NotesLayout(
            tool: tool, clientsArePages: tool == .logseq || clientsFolder != nil, journalFolders: journals,
            templateFolders: templates, clientsFolder: clientsFolder, enabled: enabled)
    }

    /// The layout of plain notes: every top-level file and folder is a client.
    public static let plain = NotesLayout(
        tool: .plain, clientsArePages: false, journalFolders: [], templateFolders: [], clientsFolder: nil,
        enabled: false)

    /// The role of the file at `path` (relative to the notes root).
    public func role(of path: String) -> Role {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first else { return .shared(page: path) }
        let stem = Self.stem(parts.last ?? path)
        guard enabled else {
            return .client(id: NotesDirectory.clientID(forRelativePath: path), name: Self.stem(first))
        }
        let top = first.lowercased()
        if parts.count > 1, templateFolders.contains(top) { return .template }
        if parts.count > 1, let clientsFolder, top == clientsFolder {
            let name = parts.count > 2 ? parts[1] : stem
            return .client(id: ClientID(slugging: name), name: name)
        }
        if parts.count > 1, journalFolders.contains(top) { return .shared(page: stem) }
        if tool == .logseq, parts.count > 1, top == "pages" {
            let page = Self.logseqPageName(stem)
            let namespace = page.split(separator: "/").map(String.init)
            if namespace.count > 1, namespace[0].lowercased() == "clients" {
                return .client(id: ClientID(slugging: namespace[1]), name: namespace[1])
            }
            return .shared(page: page)
        }
        // A daily note at the top is shared by all clients, not a client named after a day.
        if parts.count == 1, !journalFolders.isEmpty, JournalParser.fileDate(path) != nil {
            return .shared(page: stem)
        }
        if clientsArePages { return .shared(page: stem) }
        if parts.count == 1 { return .client(id: ClientID(slugging: stem), name: stem) }
        return .client(id: ClientID(slugging: first), name: first)
    }

    /// File name without `.md`.
    static func stem(_ name: String) -> String {
        name.lowercased().hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Logseq's file name of a page back to its name: `Clients___Acme` → `Clients/Acme`,
    /// `%2F` and other percent escapes decoded.
    static func logseqPageName(_ stem: String) -> String {
        let name = stem.replacingOccurrences(of: "___", with: "/")
        return name.removingPercentEncoding ?? name
    }
}
