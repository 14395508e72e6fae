import ArgumentParser
import Foundation
import RedflagKit

/// Where the notes are and which configuration applies: shared by every command that reads notes.
struct NotesOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The notes directory: NAME.md files and NAME/ folders, one per client. Default: the nearest folder "
                + "upward that holds redflag.yml, else the current one.",
            valueName: "notes-dir"),
        completion: .directory)
    var notes: String?

    @OptionGroup var configOption: ConfigOption

    @OptionGroup var loading: LoadingOptions

    /// The notes directory given, or found.
    var root: String { notes ?? Workspace.locateNotes(from: ".") }

    /// The workspace; throws `RedflagError` when the folder or its configuration is unusable. The
    /// commands that use it never lint (`lint` opens its own), so the bundled lexicon is not loaded.
    func workspace() throws -> Workspace {
        try Workspace.open(notes: root, configFile: configOption.config, checksLexicon: false)
    }
}

/// `--jobs N`, `--cache-path DIR`, `--no-cache`: how the notes are read, shared by every command that
/// reads them. None of them changes a byte of any output.
struct LoadingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Parse this many files at once (default: one per core). The output is the same whatever it is.",
            valueName: "n"))
    var jobs: Int?

    @Option(
        name: .customLong("cache-path"),
        help: ArgumentHelp(
            "Keep the parse cache (and lint's findings cache) in this folder (default: $XDG_CACHE_HOME/redflag, "
                + "else ~/.cache/redflag; never inside the notes).",
            valueName: "dir"),
        completion: .directory)
    var cachePath: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the caches: parse (and lint) every file.")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if noCache, cachePath != nil { throw ValidationError("give --cache-path or --no-cache, not both") }
    }

    /// The lint findings cache (`LintCache`) beside the parse cache; nil with `--no-cache`, or when
    /// the default folder cannot be used.
    func lintCache(for workspace: Workspace) throws -> LintCache? {
        try cacheLocation(for: workspace).map { LintCache(location: $0) }
    }

    /// Where `workspace`'s caches are (`CacheLocation`): `--cache-path`, else the platform cache folder;
    /// nil with `--no-cache` or when the default folder cannot be used. Throws when `--cache-path` is
    /// inside the notes.
    func cacheLocation(for workspace: Workspace) throws -> CacheLocation? {
        guard !noCache else { return nil }
        if let cachePath { return try workspace.cache(folder: cachePath, version: Version.cacheKey).location }
        guard let folder = CacheLocation.defaultFolder(environment: ProcessInfo.processInfo.environment) else {
            return nil
        }
        return try? workspace.cache(folder: folder, version: Version.cacheKey).location
    }

    /// How `workspace` reads its notes; `keepsSource` for the commands that show or rewrite lines.
    func options(for workspace: Workspace, keepsSource: Bool) throws -> NotesDirectory.LoadOptions {
        var options = NotesDirectory.LoadOptions(jobs: jobs, keepsSource: keepsSource)
        if !noCache {
            if let cachePath {
                options.cache = try workspace.cache(folder: cachePath, version: Version.cacheKey)
            } else if let folder = CacheLocation.defaultFolder(environment: ProcessInfo.processInfo.environment) {
                // The default folder is used only where it may be: never inside the notes.
                options.cache = try? workspace.cache(folder: folder, version: Version.cacheKey)
            }
        }
        return options
    }
}

/// `--config FILE`: the configuration to use instead of `NOTES_DIR/redflag.yml`.
struct ConfigOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("Read this configuration file instead of NOTES_DIR/redflag.yml.", valueName: "file"),
        completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
}

/// `--as-of DATE`, shared by the commands that judge or lint.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge as of this day: YYYY-MM-DD, today, yesterday, or an offset written --as-of=-7d (d, w, m, y). Default: today.",
            valueName: "date"))
    var asOf: String?

    /// The day asked for. "Today" is read from the clock here, once per run (`Today.date`).
    func date() throws -> CalendarDate {
        guard let asOf else { return Today.date }
        return try Today.day(asOf, option: "--as-of")
    }
}

/// The day the command runs: the only place redflag reads the system clock (local time zone).
enum Today {
    static let date: CalendarDate = {
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
            ?? CalendarDate(daysSinceEpoch: 0)
    }()

    /// The day an option's value means (`2025-03-05`, `today`, `-7d`), counted from today; a usage
    /// error naming the option and why the value is not a date.
    static func day(_ text: String, option: String) throws -> CalendarDate {
        do {
            return try DateExpression.parse(text, today: date)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }
}

/// `--output FILE`: where a command writes its result instead of standard output.
struct OutputOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write to this file instead of standard output (its folder must exist; never inside the notes).",
            valueName: "file"),
        completion: .file())
    var output: String?

    /// Writes `text` to the output file, or to standard output.
    func write(_ text: String, notes: String) throws {
        if let output {
            try OutputFile.write(text, to: output, notes: notes)
        } else {
            Console.out(text)
        }
    }

    /// Writes what `body` hands to its argument, piece by piece: to standard output as it comes, or
    /// to the output file through a new file renamed over it at the end (`OutputFile.stream`).
    func stream(notes: String, _ body: (_ write: (String) throws -> Void) throws -> Void) throws {
        if let output {
            try OutputFile.stream(to: output, notes: notes, body)
        } else {
            try body { text in if !text.isEmpty { Console.out(text) } }
        }
    }
}

/// `--template DIR`, for HTML output.
struct TemplateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A folder of Mustache templates overriding the defaults by file name (HTML only).", valueName: "dir"),
        completion: .directory)
    var template: String?

    /// The HTML templates, defaults overridden by the folder.
    func templates() throws -> HTMLTemplates {
        do {
            return try HTMLTemplates.load(overrides: template)
        } catch {
            throw RedflagError.templatesInvalid(error.message)
        }
    }
}

/// Loads the notes of a workspace and prints every diagnostic; tells whether a file had an error.
/// With `client`, only that client's files when their paths say which they are (`Workspace.load(client:)`).
/// `keepsSource: false` for the commands that never need a file's text again (scan, tags) and for
/// triage, site and dossier, whose evidence manifests read the cited files again (`Workspace.judge`);
/// `verify` and `diff` keep it.
func load(_ workspace: Workspace, _ loading: LoadingOptions, client: String? = nil, keepsSource: Bool = true) throws
    -> (Journal, hadErrors: Bool)
{
    let (journal, hadErrors, _) = try loadReporting(workspace, loading, client: client, keepsSource: keepsSource)
    return (journal, hadErrors)
}

/// `load`, also returning the diagnostics as printed (for `ReportCache`).
func loadReporting(
    _ workspace: Workspace, _ loading: LoadingOptions, client: String? = nil, keepsSource: Bool = true
) throws -> (Journal, hadErrors: Bool, errors: String) {
    let options = try loading.options(for: workspace, keepsSource: keepsSource)
    let journal =
        client.flatMap { workspace.load(client: $0, options: options) } ?? workspace.load(options: options)
    let diagnostics = journal.allDiagnostics
    let errors = Console.report(diagnostics, root: workspace.root)
    return (journal, diagnostics.contains { $0.severity == .error }, errors)
}

/// The triage of plain notes judged one client at a time (`Workspace.streamTriage`), with each
/// client's row remembered in the triage cache beside the parse cache (none with `--no-cache`); prints
/// every diagnostic and tells whether a file had an error. Nil, with nothing read, when the notes have
/// shared files: the caller then loads and judges them whole.
func streamTriage(_ workspace: Workspace, _ loading: LoadingOptions, asOf: CalendarDate) throws
    -> (Triage, hadErrors: Bool, errors: String)?
{
    let options = try loading.options(for: workspace, keepsSource: false)
    guard
        let (triage, journal) = workspace.streamTriage(
            asOf: asOf, options: options, cache: options.cache.map(TriageCache.init(beside:)))
    else { return nil }
    let diagnostics = journal.allDiagnostics
    let errors = Console.report(diagnostics, root: workspace.root)
    return (triage, diagnostics.contains { $0.severity == .error }, errors)
}
