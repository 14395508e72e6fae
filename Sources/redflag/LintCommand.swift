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
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif, github (md: only with --list-rules).")
    var format: Format = .text

    @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(help: "Report only findings at or above this severity: note, warning or error.")
    var minSeverity: Severity = .note

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var configOption: ConfigOption

    @OptionGroup var loading: LoadingOptions

    @Flag(help: "List every rule with its rationale and examples, then exit.")
    var listRules = false

    @Flag(help: "Show, for each untagged incident, the features that weighed most for its sign.")
    var explain = false

    @Flag(help: "Add the suggested tag to each untagged incident at or above --fix-threshold.")
    var fix = false

    @Option(help: "Confidence (0...1) at or above which --fix adds a tag.")
    var fixThreshold: Double = 0.8

    @Flag(help: "With --fix: print a unified diff of the fixes and write nothing.")
    var dryRun = false

    /// At most this many fix-and-lint rounds (each only adds tags, so they stop much sooner).
    static let fixRounds = 5

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
        let asOf = try asOf.date()
        var results: [LintResult] = []
        var runtimeError = false
        let targets = try LintTarget.resolve(paths.isEmpty ? [Workspace.locateNotes(from: ".")] : paths)
        /// The report of one notes directory is remembered whole (`ReportCache`); with several, only
        /// their findings are (each directory's `LintCache`).
        var report: (cache: ReportCache, digest: String)?
        var errors = ""
        for target in targets {
            // An unchanged tree: the remembered report or run, without reading the notes or checking the
            // bundled lexicon (`--fix` decides from the files as they are, never from the cache).
            var key: LintCache.Key?
            if !fix, let (workspace, cache) = replayable(target) {
                let start = CacheLocation.now()
                let state = cache.key(workspace: workspace, files: target.files, asOf: asOf)
                key = state
                if targets.count == 1, let digest = state.digest(options: reportOptions(target), start: start) {
                    let reports = ReportCache(location: cache.location, command: "lint", options: reportOptions(target))
                    if let remembered = reports.replay(digest) {
                        try Self.replay(remembered)
                        return
                    }
                    report = (reports, digest)
                }
                if let replayed = workspace.replayedLint(key: state, cache: cache, reasons: explain) {
                    errors += Console.report(replayed.problems, root: target.root)
                    runtimeError = runtimeError || replayed.hadErrors
                    results.append(shown(replayed.result, root: target.root))
                    continue
                }
            }
            let workspace: Workspace
            do {
                workspace = try Workspace.open(notes: target.root, configFile: configOption.config)
            } catch {
                // This notes directory cannot be linted (invalid redflag.yml): say why, go on.
                Console.report(error.diagnostics, root: target.root)
                runtimeError = true
                continue
            }
            // Lint keeps each file's text: findings show its lines, `--fix` rewrites them. `--fix`
            // never replays the lint cache: it decides from the files as they are.
            let options = try loading.options(for: workspace, keepsSource: true)
            let cache = fix ? nil : try loading.lintCache(for: workspace)
            let run = workspace.lint(
                files: target.files, options: options, asOf: asOf, cache: cache, key: key, replaying: false,
                keepsJournal: fix)
            errors += Console.report(run.problems, root: target.root)
            runtimeError = runtimeError || run.hadErrors
            var result = run.result
            if fix, var journal = run.journal {
                // Every fix of a round is decided from the files as they were; then lint again: a tag
                // just added teaches the detector too, so a second round may find more. Rounds go on
                // until nothing changes, so that a second `--fix` run has nothing left to do.
                for _ in 0..<LintCommand.fixRounds {
                    let (fixed, failed) = applyFixes(result, journal: journal, target: target)
                    runtimeError = runtimeError || failed
                    guard fixed, !dryRun else { break }
                    let again = workspace.lint(files: target.files, options: options, asOf: asOf, keepsJournal: true)
                    result = again.result
                    journal = again.journal ?? journal
                }
            }
            results.append(shown(result, root: target.root))
        }
        // Nothing could be linted (invalid redflag.yml, unreadable path): the errors are printed.
        if runtimeError, results.isEmpty { throw CommandOutcome.hadErrors }
        let merged = LintResult.merging(results)
        let shown = merged.filtered(minimum: minSeverity)
        var status: Int32 = 0
        if shown.fails(at: strict ? .warning : .error) { status = CommandOutcome.findings.exitCode }
        if runtimeError { status = CommandOutcome.hadErrors.exitCode }
        if !(fix && dryRun) {
            let reporter: any LintReporter =
                switch format {
                case .json: JSONReporter()
                case .sarif: SARIFReporter()
                case .github: GitHubActionsReporter()
                case .text, .md: TextReporter()
                }
            let options = ReportOptions(
                root: "", color: format == .text && Console.stdoutStyle.color, toolVersion: Version.current)
            let text = reporter.render(shown, options: options)
            Console.out(text)
            if let report, results.count == 1 {
                report.cache.save(
                    ReportCache.Report(output: Data(text.utf8), errors: Data(errors.utf8), status: status),
                    digest: report.digest)
            }
        }
        if runtimeError { throw CommandOutcome.hadErrors }
        if shown.fails(at: strict ? .warning : .error) { throw CommandOutcome.findings }
    }

    /// The workspace of `target` opened for a replay (without checking the bundled lexicon) and its
    /// lint cache; nil with `--no-cache` or on any problem opening them (the full path reports it).
    private func replayable(_ target: LintTarget) -> (Workspace, LintCache)? {
        guard
            let workspace = try? Workspace.open(
                notes: target.root, configFile: configOption.config, checksLexicon: false),
            let cache = try? loading.lintCache(for: workspace)
        else { return nil }
        return (workspace, cache)
    }

    /// Every option that changes a byte of the report of `target` (`ReportCache`).
    private func reportOptions(_ target: LintTarget) -> String {
        [
            "format=\(format.rawValue)", "color=\(format == .text && Console.stdoutStyle.color)",
            "stderr-color=\(Console.stderrStyle.color)", "min-severity=\(minSeverity.rawValue)", "strict=\(strict)",
            "explain=\(explain)", "root=\(target.root)", "files=\(target.files?.joined(separator: "\u{1}") ?? "-")",
            "config=\(configOption.config ?? "-")", "version=\(Version.current)",
        ].joined(separator: "\u{0}")
    }

    /// Writes a remembered report and ends the command with its exit status.
    static func replay(_ report: ReportCache.Report) throws {
        Console.error(bytes: report.errors)
        Console.out(bytes: report.output)
        switch report.status {
        case CommandOutcome.findings.exitCode: throw CommandOutcome.findings
        case CommandOutcome.hadErrors.exitCode: throw CommandOutcome.hadErrors
        default: return
        }
    }

    /// `result` as reported: explained with --explain, paths under `root`.
    private func shown(_ result: LintResult, root: String) -> LintResult {
        var result = result
        if explain { result.findings = result.findings.map(UntaggedIncidentRule.explained) }
        return result.displayed(root: root)
    }

    /// Plans and writes (or, with --dry-run, prints) the fixes. Returns whether a file changed and
    /// whether a write failed.
    private func applyFixes(_ result: LintResult, journal: Journal, target: LintTarget) -> (Bool, Bool) {
        // Re-parsed as the notes were read: same dates, conventions and layout.
        var parser = JournalParser(configuration: journal.configuration)
        parser.pageReferencesAreTags = journal.layout.tool == .logseq
        var changed = false
        var failed = false
        var added = 0
        var fileCount = 0
        for file in journal.files where result.findings.contains(where: { $0.file == file.path }) {
            let full = (target.root as NSString).appendingPathComponent(file.path)
            let shown = DisplayPath.join(root: target.root, file.path)
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
}
