import Foundation
import RedflagCore
import RedflagJournal
import RedflagLint

/// `redflag log`: one new dated entry appended to a client's notes, in the layout the client
/// already uses, written atomically; the notes' existing bytes never change.
///
/// The steps: find the client (or, with `newClient`, make sure it does not exist yet) → choose the
/// file (`CaptureTarget`) → refuse unknown tags with lint's "did you mean" unless forced → plan the
/// insertion (`EntryInsertion`) → parse the planned file and check that the new entry reads back
/// with its date (else fall back to an item carrying its own date) → write (`AtomicFileWriter`:
/// `replace` for an existing file, `create` for a new one).
public struct Capture: Sendable {
    /// Front matter for a client created by `--new`.
    public struct NewClient: Hashable, Sendable {
        public var name: String?
        public var billing: Billing?
        public var contact: String?

        public init(name: String? = nil, billing: Billing? = nil, contact: String? = nil) {
            self.name = name
            self.billing = billing
            self.contact = contact
        }
    }

    /// What happened.
    public enum Result: Hashable, Sendable {
        /// The entry was written: the file (relative to the notes), the entry's line, whether the
        /// file is new.
        case written(path: String, line: Int, created: Bool)
        /// Nothing was written; the diagnostics say why and what to do.
        case refused([Diagnostic])
    }

    /// The client's id, name or alias (or, with `newClient`, the name of the new client).
    public var client: String
    /// The entry's text (Markdown, tags included).
    public var text: String
    public var date: CalendarDate
    /// `HH:MM`, when given.
    public var time: String?
    /// Set to create the client.
    public var newClient: NewClient?
    /// Write even when the text has unknown tags.
    public var force: Bool

    public init(
        client: String, text: String, date: CalendarDate, time: String? = nil, newClient: NewClient? = nil,
        force: Bool = false
    ) {
        self.client = client
        self.text = text
        self.date = date
        self.time = time
        self.newClient = newClient
        self.force = force
    }

    /// True when `time` is a time of day written `HH:MM` (or `H:MM`).
    public static func isTime(_ time: String) -> Bool {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return hour < 24 && minute < 60
    }

    /// Runs the capture in `workspace`, whose notes are `journal` (as loaded just before).
    public func run(in workspace: Workspace, journal: Journal, fileSystem: any FileSystem = POSIXFileSystem())
        throws(RedflagError) -> Result
    {
        let parser = JournalParser(configuration: workspace.configuration)
        if text.allSatisfy(\.isWhitespace) {
            return .refused([
                Diagnostic(.error, file: "", message: "the entry is empty", hint: "write the entry's text")
            ])
        }
        if let problems = unknownTags(parser: parser, vocabulary: workspace.configuration.vocabulary), !force {
            return .refused(problems)
        }
        let target: CaptureTarget
        var header: [String] = []
        if let newClient {
            switch newClientTarget(newClient, journal: journal) {
            case let .path(path):
                target = CaptureTarget(path: path, isNew: true, isDailyFile: false)
                header = frontMatter(newClient)
            case let .problem(problem):
                return .refused([problem])
            }
        } else {
            let found = try workspace.client(matching: client, in: journal)
            var newest: [String: CalendarDate] = [:]
            for file in journal.files where found.files.contains(file.path) {
                newest[file.path] = file.entries.compactMap(\.date).max()
            }
            guard let chosen = CaptureTarget.choose(for: found, date: date, newestEntry: newest) else {
                return .refused([
                    Diagnostic(
                        .error, file: "", message: "client '\(found.id)' has no notes file of its own",
                        hint: "its notes are in shared notes (daily notes linking it): add the entry there")
                ])
            }
            target = chosen
        }
        let full = DisplayPath.join(root: workspace.root, target.path)
        var old: [UInt8] = []
        if !target.isNew {
            guard let bytes = AtomicFileWriter.read(full, fileSystem: fileSystem) else {
                return .refused([
                    Diagnostic(.error, file: full, message: "cannot read the file", hint: "check its permissions")
                ])
            }
            old = bytes
        }
        let parsed = target.isNew ? nil : parser.parse(path: target.path, client: "entry", bytes: old)
        let crlf = parsed?.usesCRLF ?? false
        let base = header.isEmpty ? old : Array((header.joined(separator: "\n") + "\n").utf8)
        let baseParsed = header.isEmpty ? parsed : parser.parse(path: target.path, client: "entry", bytes: base)
        var insertion = EntryInsertion.plan(
            text: text, date: date, time: time, into: base, file: baseParsed, isDailyFile: target.isDailyFile)
        if !readsBack(insertion, base: base, path: target.path, parser: parser) {
            insertion = EntryInsertion.datedItem(text: text, date: date, time: time, into: base, crlf: crlf)
            guard readsBack(insertion, base: base, path: target.path, parser: parser) else {
                return .refused([
                    Diagnostic(
                        .error, file: full, message: "the new entry would not read back as dated in this file",
                        hint: "the file may end inside an unclosed code block or HTML block: close it first")
                ])
            }
        }
        let bytes = insertion.applied(to: base)
        let outcome: AtomicFileWriter.Outcome
        if target.isNew {
            let parent = (full as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            do {
                if !FileManager.default.fileExists(atPath: folder) {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            } catch {
                return .refused([
                    Diagnostic(
                        .error, file: folder, message: "cannot create the folder (\(error.localizedDescription))")
                ])
            }
            outcome = AtomicFileWriter.create(path: full, with: bytes, fileSystem: fileSystem)
        } else {
            outcome = AtomicFileWriter.replace(path: full, expected: old, with: bytes, fileSystem: fileSystem)
        }
        switch outcome {
        case .written, .unchanged:
            return .written(path: target.path, line: insertion.entryLine, created: target.isNew)
        case .changedOnDisk:
            return .refused([
                Diagnostic(
                    .error, file: full, message: "not written: the file changed while the entry was being added",
                    hint: "run the command again")
            ])
        case let .refused(reason), let .failed(reason):
            return .refused([
                Diagnostic(
                    .error, file: full, message: "not written: \(reason)", hint: "the file was left untouched")
            ])
        }
    }

    /// Unknown tags in the text, each with lint's "did you mean"; nil when every tag is known.
    func unknownTags(parser: JournalParser, vocabulary: Vocabulary) -> [Diagnostic]? {
        let probe = parser.parse(
            path: "entry", client: "entry",
            bytes: Array((EntryInsertion.item(text).joined(separator: "\n") + "\n").utf8))
        var seen = Set<String>()
        let unknown = probe.entries.flatMap(\.tags).filter { !$0.isKnown && seen.insert($0.raw).inserted }
        guard !unknown.isEmpty else { return nil }
        return unknown.map { tag in
            let meant = UnknownTagRule.suggestion(for: tag.raw, in: vocabulary)
            return Diagnostic(
                .error, file: "", message: "unknown tag #\(tag.raw)" + (meant.map { " (did you mean #\($0)?)" } ?? ""),
                hint: "nothing was written: fix the tag, declare it under vocabulary.tags in redflag.yml, "
                    + "or pass --force to write it as it is")
        }
    }

    /// Where a new client's file goes, or why it cannot be made.
    enum NewClientPlacement {
        case path(String)
        case problem(Diagnostic)
    }

    /// The file of a client created by `--new`: `SLUG.md` (in `Clients/` when the notes keep one).
    func newClientTarget(_ newClient: NewClient, journal: Journal) -> NewClientPlacement {
        let id = ClientID(slugging: client)
        if let existing = journal.client(matching: client) ?? journal.clients.first(where: { $0.id == id }) {
            return .problem(
                Diagnostic(
                    .error, file: "", message: "client '\(existing.id)' exists already",
                    hint: "leave out --new to add to its notes"))
        }
        for value in [client, newClient.name, newClient.contact].compactMap({ $0 })
        where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .problem(
                Diagnostic(.error, file: "", message: "a client's name or contact cannot hold line breaks"))
        }
        guard let folder = journal.layout.clientsFolder else { return .path(id.rawValue + ".md") }
        // The folder as spelt on disk (`Clients`), from a client's file.
        let spelt = journal.clients.flatMap(\.files).compactMap { path -> String? in
            let first = path.split(separator: "/").first.map(String.init)
            return first?.lowercased() == folder ? first : nil
        }.first
        return .path((spelt ?? folder) + "/" + id.rawValue + ".md")
    }

    /// The front matter and title of a new client's file.
    func frontMatter(_ newClient: NewClient) -> [String] {
        let name = newClient.name ?? client
        var lines = ["---", "client: " + Self.yamlString(name)]
        if let billing = newClient.billing { lines.append("billing: \(billing.rawValue)") }
        if let contact = newClient.contact { lines.append("contact: " + Self.yamlString(contact)) }
        lines += ["since: \(date)", "---", "", "# " + name]
        return lines
    }

    /// A YAML double-quoted scalar.
    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// True when the planned file has a dated entry at the new entry's line, with the entry's date.
    func readsBack(_ insertion: EntryInsertion, base: [UInt8], path: String, parser: JournalParser) -> Bool {
        let parsed = parser.parse(path: path, client: "entry", bytes: insertion.applied(to: base))
        return parsed.entries.contains { $0.line == insertion.entryLine && $0.date == date }
    }
}
