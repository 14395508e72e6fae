import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagKit
import RedflagLint

extension LanguageServer {
    /// One open document inside its notes directory: the workspace, the journal with the
    /// document's current text in place of the file on disk, and the document's path in it.
    struct Context {
        var workspace: Workspace
        var journal: Journal
        /// Path relative to the notes directory.
        var path: String
        var file: ParsedFile
    }

    /// The context of `uri`, or a message saying why there is none.
    func context(_ uri: String) -> Result<Context, ContextError> {
        guard let document = documents[uri] else { return .failure(ContextError("not open")) }
        guard let full = TextDocument.path(fromURI: uri) else {
            return .failure(ContextError("only file: documents are linted"))
        }
        let inside = rootPath.map { full.hasPrefix(($0.hasSuffix("/") ? $0 : $0 + "/")) } ?? false
        let notesRoot = Self.notesRoot(containing: full, workspaceRoot: inside ? rootPath : nil)
        let loaded: (workspace: Workspace, journal: Journal)
        if let cached = diskJournals[notesRoot] {
            loaded = cached
        } else {
            do {
                let workspace = try Workspace.open(notes: notesRoot)
                loaded = (workspace, workspace.load())
            } catch {
                let messages = error.diagnostics.map { "\($0.file):\($0.line ?? 0): \($0.message)" }
                return .failure(ContextError(messages.joined(separator: "; ")))
            }
            diskJournals[notesRoot] = loaded
        }
        let path = Self.relative(full, to: notesRoot)
        var parser = JournalParser(configuration: loaded.journal.configuration)
        parser.pageReferencesAreTags = loaded.journal.layout.tool == .logseq
        let client =
            loaded.journal.files.first { $0.path == path }?.client ?? NotesDirectory.clientID(forRelativePath: path)
        let parsed = parser.parse(path: path, client: client, bytes: Array(document.text.utf8))
        let files = loaded.journal.files.filter { $0.path != path } + [parsed]
        let journal = NotesDirectory.assemble(
            root: notesRoot, configuration: loaded.journal.configuration, files: files, layout: loaded.journal.layout,
            diagnostics: loaded.journal.diagnostics)
        let file = journal.files.first { $0.path == path } ?? parsed
        return .success(Context(workspace: loaded.workspace, journal: journal, path: path, file: file))
    }

    struct ContextError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// The notes directory of a document: the nearest folder upward holding `redflag.yml` (within
    /// the workspace root when the document is inside it), else the workspace root, else the
    /// document's own folder.
    static func notesRoot(containing file: String, workspaceRoot: String?) -> String {
        let own = (file as NSString).deletingLastPathComponent
        let base = workspaceRoot.map { ($0 as NSString).standardizingPath }
        var folder = own
        while true {
            let config = (folder as NSString).appendingPathComponent(Configuration.fileName)
            if FileManager.default.fileExists(atPath: config) { return folder }
            if folder == base || folder == "/" || folder.isEmpty { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return base ?? own
    }

    static func relative(_ path: String, to root: String) -> String {
        let base = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : (path as NSString).lastPathComponent
    }

    /// Lints `uri` and returns its `publishDiagnostics` notification.
    func publish(_ uri: String) -> [String: Any] {
        guard let document = documents[uri] else {
            return Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
        }
        var diagnostics: [[String: Any]] = []
        switch context(uri) {
        case .failure(let error):
            findings[uri] = []
            diagnostics = [
                [
                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                    "severity": 1, "source": "redflag", "message": "redflag cannot lint this file: \(error.message)",
                ]
            ]
        case .success(let context):
            let result = context.workspace.lint(context.journal, asOf: today(), paths: [context.path])
            let mine = result.findings.filter { $0.file == context.path }
            findings[uri] = mine
            diagnostics = mine.map { Self.diagnostic($0, in: document) }
        }
        return Self.notification(
            "textDocument/publishDiagnostics", ["uri": uri, "version": document.version, "diagnostics": diagnostics])
    }

    static func diagnostic(_ finding: LintFinding, in document: TextDocument) -> [String: Any] {
        let start = document.position(line: finding.line, column: finding.column)
        let end: TextDocument.Position
        if finding.range.endColumn > finding.column || finding.range.endLine > finding.line {
            end = document.position(line: finding.range.endLine, column: max(1, finding.range.endColumn))
        } else {
            end = document.position(line: finding.line, column: Int.max / 2)
        }
        var message = finding.message
        if let hint = finding.hint { message += "\n" + hint }
        var diagnostic: [String: Any] = [
            "range": ["start": start.json, "end": end.json], "severity": severity(finding.severity),
            "code": finding.rule, "source": "redflag", "message": message,
        ]
        if let tag = finding.suggestion?.tag { diagnostic["data"] = ["tag": tag] }
        return diagnostic
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
