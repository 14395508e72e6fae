import ArgumentParser
import Foundation
import RedflagKit

extension Severity: ExpressibleByArgument {}

/// `redflag lint`: untagged incidents and journal hygiene, in text, JSON, SARIF or GitHub format,
/// with `--fix` for the untagged incidents the detector is sure about.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find untagged incidents, unknown tags, bad dates and other journal problems.",
        discussion: """
            PATH is a notes directory (default: the current one) or notes files (for pre-commit). A
            file's notes directory is the nearest folder above it that holds redflag.yml; without
            one, the current directory when the file is inside it, else the file's own folder.
            Exit codes: 0 no finding at or above the failing level (error; warning with --strict),
            1 findings, 2 invalid redflag.yml or unreadable files, 64 usage. See docs/lint.md.
            """)

    /// Output formats; `md` only with --list-rules.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github, md
    }

    @Argument(help: "Notes directories or notes files.", completion: .file())
    var paths: [String] = ["."]

    @Option(help: "Output format: text, json, sarif, github (md: only with --list-rules).")
    var format: Format = .text

    @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(help: "Report only findings at or above this severity: note, warning or error.")
    var minSeverity: Severity = .note

    @Option(help: "The day to lint as of (YYYY-MM-DD); default today. Dates after it are future-date findings.")
    var asOf: CalendarDate?

    @Flag(help: "List every rule with its rationale and examples, then exit.")
    var listRules = false

    @Flag(help: "Add the suggested tag to each untagged incident at or above --fix-threshold.")
    var fix = false

    @Option(help: "Confidence (0...1) at or above which --fix adds a tag.")
    var fixThreshold: Double = 0.8

    @Flag(help: "With --fix: print a unified diff of the fixes and write nothing.")
    var dryRun = false

    func validate() throws {
        guard (0...1).contains(fixThreshold) else { throw ValidationError("--fix-threshold must be between 0 and 1") }
        if dryRun, !fix { throw ValidationError("--dry-run previews --fix: use --fix --dry-run") }
        if format == .md, !listRules { throw ValidationError("--format md is only for --list-rules") }
        if listRules, format == .sarif || format == .github {
            throw ValidationError("--list-rules prints text, md or json")
        }
    }

    func run() throws {
        let rules = LintRules.all.map(\.description)
        if listRules {
            switch format {
            case .md: Console.out(RuleCatalog.markdown(rules))
            case .json: Console.out(RuleCatalog.json(rules))
            default: Console.out(RuleCatalog.text(rules))
            }
            return
        }
        let asOf = asOf ?? Self.today()
        var results: [LintResult] = []
        var runtimeError = false
        for target in try LintTarget.resolve(paths) {
            guard let outcome = lint(target, asOf: asOf) else {
                runtimeError = true
                continue
            }
            runtimeError = runtimeError || outcome.hadErrors
            var result = outcome.result
            if fix {
                let (fixed, failed) = applyFixes(result, journal: outcome.journal, target: target)
                runtimeError = runtimeError || failed
                if fixed, !dryRun, let again = lint(target, asOf: asOf, quiet: true) { result = again.result }
            }
            results.append(result.displayed(root: target.root))
        }
        // Nothing could be linted (invalid redflag.yml, unreadable path): the errors are printed.
        if runtimeError, results.isEmpty { throw ExitCode(2) }
        let merged = LintResult.merging(results)
        let shown = merged.filtered(minimum: minSeverity)
        if !(fix && dryRun) {
            let reporter: any LintReporter =
                switch format {
                case .json: JSONReporter()
                case .sarif: SARIFReporter()
                case .github: GitHubActionsReporter()
                case .text, .md: TextReporter()
                }
            let options = ReportOptions(
                root: "", color: format == .text && Console.colorOnStdout,
                toolVersion: Redflag.configuration.version)
            Console.out(reporter.render(shown, options: options))
        }
        if runtimeError { throw ExitCode(2) }
        if shown.fails(at: strict ? .warning : .error) { throw ExitCode(1) }
    }

    /// One lint run; nil when redflag.yml (or its `lint:` section) is invalid, after printing why.
    private func lint(_ target: LintTarget, asOf: CalendarDate, quiet: Bool = false) -> (
        result: LintResult, journal: Journal, hadErrors: Bool
    )? {
        let journal = target.load()
        let configProblems = journal.diagnostics.filter { $0.file == Configuration.fileName && $0.severity == .error }
        let (settings, lintProblems) = LintConfiguration.parse(journal.configuration.lint, ruleIDs: LintRules.ids)
        if !configProblems.isEmpty || !lintProblems.isEmpty {
            Console.report(configProblems + lintProblems, root: target.root)
            return nil
        }
        // Problems of reading that no rule covers (unreadable files, invalid UTF-8) go to stderr.
        let files = Set(target.files ?? journal.files.map(\.path))
        let other =
            journal.diagnostics
            + journal.files.filter { files.contains($0.path) }.flatMap { file in
                file.diagnostics.filter { !LintRules.coversDiagnostic($0, in: file) }
            }
        if !quiet { Console.report(other, root: target.root) }
        let result = Linter(configuration: settings).lint(journal, asOf: asOf, paths: target.files.map(Set.init))
        return (result, journal, journal.diagnostics.contains { $0.severity == .error })
    }

    /// Plans and writes (or, with --dry-run, prints) the fixes. Returns whether a file changed and
    /// whether a write failed.
    private func applyFixes(_ result: LintResult, journal: Journal, target: LintTarget) -> (Bool, Bool) {
        let parser = JournalParser(vocabulary: journal.configuration.vocabulary)
        var changed = false
        var failed = false
        var added = 0
        var fileCount = 0
        for file in journal.files where result.findings.contains(where: { $0.file == file.path }) {
            let full = (target.root as NSString).appendingPathComponent(file.path)
            let shown = Console.display(path: file.path, root: target.root)
            guard let bytes = AtomicFileWriter.read(full) else {
                Console.error("\(shown): error: cannot read the file to fix it")
                failed = true
                continue
            }
            let plan = FixPlanner.plan(
                file: file, bytes: bytes, findings: result.findings, threshold: fixThreshold, parser: parser)
            for skip in plan.skipped { Console.error("\(shown):\(skip.line): note: not fixed: \(skip.reason)") }
            guard !plan.isEmpty else { continue }
            if dryRun {
                // A preview for a terminal: control and bidi characters of the note shown escaped.
                Console.out(
                    TerminalText.sanitized(
                        UnifiedDiff.render(path: shown, old: plan.original, new: plan.result), keepingNewlines: true))
                added += plan.insertions.count
                fileCount += 1
                continue
            }
            switch AtomicFileWriter.replace(path: full, expected: plan.original, with: plan.result) {
            case .written:
                changed = true
                added += plan.insertions.count
                fileCount += 1
                for insertion in plan.insertions {
                    Console.error("\(shown):\(insertion.line): fixed: added\(insertion.text)")
                }
            case .unchanged:
                break
            case .changedOnDisk:
                Console.error("\(shown): warning: changed while redflag was fixing it; left untouched (run again)")
            case let .refused(reason):
                Console.error("\(shown): error: not fixed: \(reason)")
                failed = true
            case let .failed(reason):
                Console.error("\(shown): error: \(reason); left untouched")
                failed = true
            }
        }
        let verb = dryRun ? "would add" : "added"
        Console.error("\(verb) \(added) tag\(added == 1 ? "" : "s") in \(fileCount) file\(fileCount == 1 ? "" : "s")")
        return (changed, failed)
    }

    /// Today's date on this machine's clock (the command layer is the only place that reads it).
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

/// What one lint run covers: a notes root, and either all of it or some of its files.
struct LintTarget {
    /// The notes directory as it will be shown (relative to the working directory when possible).
    var root: String
    /// Files relative to `root`; nil for the whole directory.
    var files: [String]?

    /// Groups the command-line paths by notes root (in order of first appearance).
    static func resolve(_ paths: [String]) throws -> [LintTarget] {
        var targets: [LintTarget] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Console.error("\(path): error: no such file or directory")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                targets.append(LintTarget(root: path, files: nil))
                continue
            }
            let (root, relative) = notesRoot(of: path)
            if let index = targets.firstIndex(where: { $0.root == root && $0.files != nil }) {
                if targets[index].files?.contains(relative) == false { targets[index].files?.append(relative) }
            } else {
                targets.append(LintTarget(root: root, files: [relative]))
            }
        }
        return targets
    }

    /// The notes root of a file: the nearest folder above it with redflag.yml; else the working
    /// directory when the file is inside it; else the file's folder. Also the file's path relative
    /// to the root.
    static func notesRoot(of file: String) -> (root: String, relative: String) {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        var folder = (absolute as NSString).deletingLastPathComponent
        var found: String?
        while true {
            if FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(Configuration.fileName))
            {
                found = folder
                break
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || folder.isEmpty { break }
            folder = parent
        }
        let root = found ?? (absolute.hasPrefix(cwd + "/") ? cwd : (absolute as NSString).deletingLastPathComponent)
        let relative = String(absolute.dropFirst(root.count + (root.hasSuffix("/") ? 0 : 1)))
        // Show the root relative to the working directory, as the user typed paths.
        let shown: String
        if root == cwd {
            shown = "."
        } else if root.hasPrefix(cwd + "/") {
            shown = String(root.dropFirst(cwd.count + 1))
        } else {
            shown = root
        }
        return (shown, relative)
    }

    /// Loads the whole notes directory (the detector learns from all of it, `duplicate-client`
    /// compares all clients), plus any named file the directory walk does not include.
    func load() -> Journal {
        var journal = NotesDirectory.load(root: root)
        guard let files else { return journal }
        let known = Set(journal.files.map(\.path))
        let missing = files.filter { !known.contains($0) }
        if !missing.isEmpty {
            let extra = NotesDirectory.load(root: root, paths: missing, configuration: journal.configuration)
            journal.files = (journal.files + extra.files).sorted { $0.path < $1.path }
            journal.diagnostics += extra.diagnostics
        }
        return journal
    }
}
