import RedflagCore
import RedflagDetector
import RedflagJournal

/// What linting each file of a notes directory shares once the notes were read
/// (`Linter.session(notes:detector:asOf:)`): the context (the notes, the as-of date, the trained
/// detector) and the findings of the rules that compare files (`LintRule.checksAcrossFiles`), by
/// file. `lint(_:)` lints one file, on any thread; `result` joins the files' results.
///
/// `Linter.lint` lints a loaded journal this way. `Workspace.lint` lints plain notes in two passes
/// without loading them: the first reads every file for the detector's training (`LintTraining`) and
/// keeps only each file's front matter for the notes (`notes` then holds files without their
/// entries or text); the second reads each file again and lints it here. Both give the same result.
public struct LintSession: Sendable {
    /// One file's findings, its suppressions applied, and the lines they point at.
    public struct FileResult: Sendable {
        /// The file, relative to the notes root.
        public var path: String
        /// Its findings, in rule order, then the suppressions that hid nothing.
        public var findings: [LintFinding]
        /// The lines the findings point at; nil without findings.
        public var lines: ReportedLines?
    }

    let linter: Linter
    /// The context of the rules that compare files; each file's rules see it with only that file.
    let context: LintContext
    /// The findings of the rules that compare files, by file, in rule order.
    let notesFindings: [String: [LintFinding]]

    /// The findings of `file`: every enabled rule's (the rules that compare files gave theirs when
    /// the session began), without those its suppressions hide, then its unused suppressions.
    public func lint(_ file: ParsedFile) -> FileResult {
        var context = self.context
        context.files = [file]
        var findings: [LintFinding] = []
        for rule in linter.rules {
            if rule.checksAcrossFiles {
                guard linter.configuration.isEnabled(rule.description.id) else { continue }
                findings += (notesFindings[file.path] ?? []).filter { $0.rule == rule.description.id }
            } else {
                findings += linter.findings(of: [rule], context: context)
            }
        }
        let (kept, unused) = linter.applySuppressions(findings, file: file)
        let all = kept + unused
        return FileResult(
            path: file.path, findings: all,
            lines: all.isEmpty ? nil : ReportedLines(file.source, lines: all.map(\.line)))
    }

    /// The result of linting `files` (paths, sorted) whose results are `results`; `paths`, when
    /// given, are the files asked for. The findings of the rules that compare files in a file that
    /// was not linted stay when that file was asked for (or nothing was), as they always did.
    public func result(_ results: [FileResult], files: [String], paths: Set<String>?) -> LintResult {
        var findings = results.flatMap(\.findings)
        let linted = Set(files)
        for (file, list) in notesFindings where !linted.contains(file) && paths?.contains(file) ?? true {
            findings += list
        }
        var sources: [String: ReportedLines] = [:]
        for result in results { if let lines = result.lines { sources[result.path] = lines } }
        return LintResult(
            findings: findings.sorted(by: LintFinding.outputOrder), files: files, sources: sources,
            rules: linter.ruleDescriptions)
    }
}
