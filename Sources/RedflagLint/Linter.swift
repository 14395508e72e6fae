import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal

/// Runs the lint rules over a journal: pure, deterministic, no I/O.
///
/// 1. trains the detector on the journal's own tagged entries (sign tags = that sign; only context
///    tags such as `#paid` = not an incident), when `untagged-incident` first asks it;
/// 2. runs every enabled rule, with the severities of `redflag.yml`: the rules that compare files
///    once over the whole notes, every other rule file by file (`LintSession`), only for the files
///    asked for (all when `paths` is nil);
/// 3. drops the findings a suppression of their file covers, then reports the file's suppressions
///    that hid nothing (`unused-suppression`);
/// 4. joins the files' findings, sorted.
///
/// Training examples (`LintTraining`): sign-tagged entries and entries tagged only `#paid`,
/// `#praise` or `#referral`, plus, as "not an incident", the untagged entries in which the lexicon
/// alone sees nothing. Without those everyday entries the model only ever sees incidents, and
/// learns the words that surround them in tagged entries ("invoice", "contract", "approved") as
/// signs; the untagged entries the lexicon does flag are left out, so that an untagged incident
/// never teaches the model that its own words are harmless.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    public var configuration: LintConfiguration

    public init(rules: [any LintRule] = LintRules.all, configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Lints `journal` as of `asOf`; `paths` restricts the findings to those files.
    public func lint(_ journal: Journal, asOf: CalendarDate, paths: Set<String>? = nil) -> LintResult {
        // Trained when a rule first asks it (only `untagged-incident` does).
        let detector = JournalDetector(journal: journal, lexicon: configuration.lexicon)
        let session = session(notes: journal, detector: detector, asOf: asOf)
        let files = paths.map { paths in journal.files.filter { paths.contains($0.path) } } ?? journal.files
        // Files are independent once the detector is trained: they are linted on every core, and
        // their findings joined in path order, so the output is the same whatever the number of threads.
        let results = FileResults(count: files.count)
        ParallelWork.run(count: files.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            results.set(index, session.lint(files[index]))
        }
        return session.result(results.all, files: files.map(\.path), paths: paths)
    }

    /// What linting each file of `notes` shares, with the detector `trained` on them
    /// (`LintTraining`); without it (when `untagged-incident` is off), a detector is made only if a
    /// rule asks, untrained.
    public func session(notes: Journal, trained: IncidentDetector?, asOf: CalendarDate) -> LintSession {
        let detector =
            trained.map { JournalDetector(trained: $0, lexicon: configuration.lexicon) }
            ?? JournalDetector(lexicon: configuration.lexicon)
        return session(notes: notes, detector: detector, asOf: asOf)
    }

    /// What linting each file shares once the notes are read, with `detector`.
    func session(notes: Journal, detector: any IncidentDetecting, asOf: CalendarDate) -> LintSession {
        let context = LintContext(
            journal: notes, asOf: asOf, detector: detector, reportThreshold: configuration.reportThreshold)
        var byFile: [String: [LintFinding]] = [:]
        for finding in findings(of: rules.filter { $0.checksAcrossFiles }, context: context) {
            byFile[finding.file, default: []].append(finding)
        }
        return LintSession(linter: self, context: context, notesFindings: byFile)
    }

    /// The findings of `rules` that are enabled, with the severities of `redflag.yml`, in rule order.
    func findings(of rules: [any LintRule], context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for rule in rules where configuration.isEnabled(rule.description.id) {
            // A rule reports with its own severity (front-matter keeps the parser's); redflag.yml overrides.
            let override = configuration.severities[rule.description.id] ?? nil
            findings += rule.check(context).map { finding in
                var finding = finding
                if let override { finding.severity = override }
                return finding
            }
        }
        return findings
    }

    /// The rules that run, with the severities in force (`LintResult.rules`).
    public var ruleDescriptions: [RuleDescription] {
        rules.map(\.description).map {
            var rule = $0
            rule.severity = configuration.severity(of: $0)
            return rule
        }
    }

    /// `findings` of `file` without those its suppressions hide, then the suppressions that hid
    /// nothing (`unused-suppression`).
    func applySuppressions(_ findings: [LintFinding], file: ParsedFile) -> ([LintFinding], [LintFinding]) {
        let exempt: Set<String> = [MissingReasonRule.id, UnusedSuppressionRule.id]
        let suppressionsByFile = [file.path: Suppression.all(in: file)]
        // (file, suppression index, rule or "" for all) → used
        var used = Set<String>()
        var kept: [LintFinding] = []
        for finding in findings {
            guard !exempt.contains(finding.rule), let suppressions = suppressionsByFile[finding.file] else {
                kept.append(finding)
                continue
            }
            var hidden = false
            for (index, suppression) in suppressions.enumerated() where suppression.covers(finding) {
                hidden = true
                used.insert("\(finding.file)\u{0}\(index)\u{0}\(suppression.rules.isEmpty ? "" : finding.rule)")
            }
            if !hidden { kept.append(finding) }
        }
        guard configuration.isEnabled(UnusedSuppressionRule.id) else { return (kept, []) }
        let known = rules.map(\.description.id)
        let severity = configuration.severity(of: UnusedSuppressionRule().description)
        var unused: [LintFinding] = []
        do {
            for (index, suppression) in (suppressionsByFile[file.path] ?? []).enumerated() {
                let names = suppression.rules.isEmpty ? [""] : suppression.rules
                for name in names {
                    let written =
                        suppression.kind == .file ? "redflag-disable: \(name)" : "\(suppression.kind.rawValue) \(name)"
                    var message: String
                    var hint: String
                    if !name.isEmpty, !known.contains(name) {
                        let suggestion = Spelling.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                        message = "suppression names the unknown rule '\(name)'\(suggestion)"
                        hint = "rules: \(known.joined(separator: ", "))"
                    } else {
                        if !name.isEmpty, !configuration.isEnabled(name) { continue }
                        guard !used.contains("\(file.path)\u{0}\(index)\u{0}\(name)") else { continue }
                        message = "'\(written.trimmingTrailingWhitespace())' suppresses nothing"
                        hint =
                            suppression.kind == .nextLine
                            ? "put the comment on the line just before the finding's line, or remove it"
                            : "remove the suppression"
                    }
                    unused.append(
                        LintFinding(
                            rule: UnusedSuppressionRule.id, severity: severity, file: file.path, line: suppression.line,
                            column: suppression.column, message: message, hint: hint))
                }
            }
        }
        return (kept, unused)
    }
}

/// Each file's result, set by the thread that linted it.
private final class FileResults: @unchecked Sendable {
    private let lock = NSLock()
    private var byFile: [LintSession.FileResult?]

    init(count: Int) { byFile = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: LintSession.FileResult) { lock.withLock { byFile[index] = result } }

    var all: [LintSession.FileResult] { lock.withLock { byFile.compactMap { $0 } } }
}
