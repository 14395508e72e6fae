import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint
import RedflagOutput

/// A notes directory with its configuration: what a program embedding redflag opens first.
///
/// ```swift
/// let workspace = try Workspace.open(notes: "clients")
/// let journal = workspace.load()                     // file problems are journal.allDiagnostics
/// let judgement = workspace.judge(journal, asOf: today)
/// print(TriageRenderer.render(judgement.triage, format: .md))
/// ```
/// Opening throws `RedflagError` for what stops every command (no such folder, an invalid
/// `redflag.yml`: every problem of every section at once); loading never throws.
public struct Workspace: Sendable {
    /// The notes directory as the user gave it (or as found).
    public let root: String
    /// The configuration in force: `root/redflag.yml`, the `--config` file, or the defaults.
    public let configuration: Configuration
    /// The decision policy built from the configuration.
    public let policy: Policy
    /// The `lint:` section, read.
    public let lintSettings: LintConfiguration

    /// The notes directory to use when none is given: the nearest folder from `directory` upward
    /// that holds `redflag.yml` (as git finds its repository), else `directory` itself.
    public static func locateNotes(from directory: String) -> String {
        let start = URL(fileURLWithPath: directory).standardizedFileURL
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Configuration.fileName).path) {
                return relative(folder.path, to: start.path)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return directory }
            folder = parent
        }
    }

    /// Opens `notes` with `configFile` (a path) or, when nil, `notes/redflag.yml` when present.
    /// `checksLexicon: false` for commands that never lint: the bundled detector lexicon is then not
    /// loaded just to be checked (`LintConfiguration.parse`), which is most of their start-up.
    public static func open(
        notes: String, configFile: String? = nil, checksLexicon: Bool = true
    ) throws(RedflagError) -> Workspace {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: notes, isDirectory: &isDirectory) else {
            throw .notesDirectoryNotFound(notes)
        }
        guard isDirectory.boolValue else { throw .notADirectory(notes) }
        let (configuration, readProblems) = try readConfiguration(notes: notes, configFile: configFile)
        var problems = readProblems
        var policy = Policy.standard
        do {
            policy = try Policy(configuration: configuration)
        } catch {
            problems += error.diagnostics
        }
        let (lintSettings, lintProblems) = LintConfiguration.parse(
            configuration.lint, ruleIDs: LintRules.ids, file: configuration.file ?? Configuration.fileName,
            checksLexicon: checksLexicon)
        problems += lintProblems
        guard problems.isEmpty else {
            let shown = shown(problems, notes: notes, configFile: configFile)
            throw .configurationInvalid(
                shown.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        return Workspace(root: notes, configuration: configuration, policy: policy, lintSettings: lintSettings)
    }

    /// Reads every client's notes; problems with single files are the journal's diagnostics, and
    /// so are warnings about the directory as a whole (no notes; a folder one level too high).
    public func load(options: NotesDirectory.LoadOptions = .standard) -> Journal {
        var journal = NotesDirectory.load(root: root, configuration: configuration, options: options)
        journal.diagnostics += NotesCheck.warnings(journal)
        return journal
    }

    /// Only the notes of the client `query` names by id, when their paths alone say which files
    /// are theirs (`NotesDirectory.load(root:configuration:client:)`); nil otherwise, and the caller
    /// loads everything. `dossier` reads one client's files this way.
    public func load(client query: String, options: NotesDirectory.LoadOptions = .standard) -> Journal? {
        let id = ClientID(rawValue: query.lowercased())
        guard var journal = NotesDirectory.load(root: root, configuration: configuration, client: id, options: options),
            journal.clients.contains(where: { $0.id == id })
        else { return nil }
        journal.diagnostics += NotesCheck.warnings(journal)
        return journal
    }

    /// The parse cache of this notes directory in `folder` (see `ParseCache`); throws when `folder`
    /// is inside the notes, where nothing but the notes belongs.
    public func cache(folder: String, version: String) throws(RedflagError) -> ParseCache {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if SitePaths.isInside(resolved, URL(fileURLWithPath: root).resolvingSymlinksInPath().path) {
            throw .outputRefused(
                path: folder, reason: "refusing to keep the cache inside the notes directory",
                hint: "give another --cache-path, or --no-cache")
        }
        return ParseCache(folder: folder, root: root, version: version)
    }

    /// Reads the whole directory plus any of `paths` (relative to the root) the walk does not include,
    /// for `redflag lint FILE...`: the detector learns from all notes, `duplicate-client` compares
    /// all clients.
    public func load(including paths: [String], options: NotesDirectory.LoadOptions = .standard) -> Journal {
        var journal = load(options: options)
        let known = Set(journal.files.map(\.path))
        let missing = paths.filter { !known.contains($0) }
        guard !missing.isEmpty else { return journal }
        var extraOptions = options
        extraOptions.cache = nil
        let extra = NotesDirectory.load(root: root, paths: missing, configuration: configuration, options: extraOptions)
        journal.files = (journal.files + extra.files).sorted { $0.path < $1.path }
        journal.diagnostics += extra.diagnostics
        return journal
    }

    /// Every client's timeline judged by the policy as of `asOf`.
    ///
    /// Each dossier's evidence manifest hashes its cited files: a file whose text the journal did
    /// not keep (`LoadOptions.keepsSource` false) is read again, only if cited, and only trusted
    /// when its bytes are those that were parsed (`ParsedFile.digest`).
    public func judge(_ journal: Journal, asOf: CalendarDate) -> Judgement {
        let inputDigest = InputDigest.of(journal)
        var byPath: [String: ParsedFile] = [:]
        for file in journal.files { byPath[file.path] = file }
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: inputDigest)
            .map { dossier in
                var dossier = dossier
                dossier.evidence = EvidenceManifest(citing: dossier.citedEntries, file: { byPath[$0] }) { file in
                    Workspace.source(of: file, root: journal.root)
                }
                return dossier
            }
        return Judgement(dossiers: dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: inputDigest)
    }

    /// `file`'s text: the one kept, else read again from `root` when its bytes still have the
    /// digest they were parsed with; nil when they changed since.
    static func source(of file: ParsedFile, root: String) -> SourceText? {
        guard file.source.text.isEmpty, !file.digest.isEmpty else { return file.source }
        let path = (root as NSString).appendingPathComponent(file.path)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard JournalParser.digest(of: bytes) == file.digest else { return nil }
        return JournalParser.sourceText(of: bytes)
    }

    /// `judgement` with e-mails, phones, amounts, IBANs, contacts and the `redact:` names masked
    /// (`Redactor`), for `--redact`: applied to the model once, before any renderer.
    public func redacted(_ judgement: Judgement, journal: Journal) -> Judgement {
        let redactor = Redactor(configuration: configuration, clients: journal.clients)
        var masked = judgement
        masked.dossiers = redactor.redact(judgement.dossiers)
        return masked
    }

    /// `provenance` of the unmasked `dossier` masked the same way (`--redact` with provenance).
    public func redacted(_ provenance: Provenance, of dossier: Dossier, journal: Journal) -> Provenance {
        Redactor(configuration: configuration, clients: journal.clients).redact(provenance, of: dossier)
    }

    /// The lint findings of `journal` as of `asOf` (only in `paths` when given).
    public func lint(_ journal: Journal, asOf: CalendarDate, paths: Set<String>? = nil) -> LintResult {
        Linter(configuration: lintSettings).lint(journal, asOf: asOf, paths: paths)
    }

    /// The client whose id, name or alias is `query`.
    public func client(matching query: String, in journal: Journal) throws(RedflagError) -> Client {
        guard let client = journal.client(matching: query) else {
            throw .unknownClient(query, suggestions: journal.closestClients(to: query))
        }
        return client
    }

    /// The configuration as far as it could be read, and the problems found in its own sections.
    private static func readConfiguration(
        notes: String, configFile: String?
    ) throws(RedflagError) -> (Configuration, [Diagnostic]) {
        let path = configFile ?? DisplayPath.join(root: notes, Configuration.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            if let configFile { throw .configurationUnreadable(configFile) }
            return (.standard, [])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configurationUnreadable(path)
        }
        let (configuration, problems) = Configuration.read(
            String(decoding: data, as: UTF8.self), file: configFile ?? Configuration.fileName)
        guard let configuration else {
            throw .configurationInvalid(shown(problems, notes: notes, configFile: configFile))
        }
        return (configuration, problems)
    }

    /// Problems shown from where the user stands: `notes/redflag.yml:3:5`, or the --config path as given.
    private static func shown(_ problems: [Diagnostic], notes: String, configFile: String?) -> [Diagnostic] {
        guard configFile == nil else { return problems }
        return problems.map { problem in
            var problem = problem
            problem.file = DisplayPath.join(root: notes, problem.file)
            return problem
        }
    }

    private static func relative(_ path: String, to base: String) -> String {
        if path == base { return "." }
        var up = ""
        var folder = base
        while !(path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")) {
            folder = (folder as NSString).deletingLastPathComponent
            up += up.isEmpty ? ".." : "/.."
        }
        return up.isEmpty ? path : up
    }
}
