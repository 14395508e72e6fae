import RedflagCore
import RedflagDetector
import RedflagJournal

/// Runs the lint rules over a journal: pure, deterministic, no I/O.
///
/// 1. trains the detector on the journal's own tagged entries (sign tags = that sign; only context
///    tags such as `#paid` = not an incident), when `untagged-incident` first asks it;
/// 2. runs every enabled rule, with the severities of `redflag.yml`;
/// 3. drops the findings a suppression covers, then reports suppressions that hid nothing
///    (`unused-suppression`);
/// 4. keeps the findings of the files asked for (all when `paths` is nil), sorted.
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
        let context = LintContext(
            journal: journal, asOf: asOf, detector: detector, reportThreshold: configuration.reportThreshold)
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
        let (kept, unused) = applySuppressions(findings, journal: journal)
        var result = kept + unused
        if let paths { result = result.filter { paths.contains($0.file) } }
        let files = paths.map { paths in journal.files.filter { paths.contains($0.path) } } ?? journal.files
        return LintResult(
            findings: result.sorted(by: LintFinding.outputOrder), files: files.map(\.path),
            sources: Self.reportedLines(of: result, in: files), rules: ruleDescriptions)
    }

    /// The rules that run, with the severities in force (`LintResult.rules`).
    public var ruleDescriptions: [RuleDescription] {
        rules.map(\.description).map {
            var rule = $0
            rule.severity = configuration.severity(of: $0)
            return rule
        }
    }

    /// The lines of `files` that `findings` point at: only those are kept of each file's text.
    static func reportedLines(of findings: [LintFinding], in files: [ParsedFile]) -> [String: ReportedLines] {
        var lines: [String: [Int]] = [:]
        for finding in findings { lines[finding.file, default: []].append(finding.line) }
        var reported: [String: ReportedLines] = [:]
        for file in files where reported[file.path] == nil {
            guard let numbers = lines[file.path] else { continue }
            reported[file.path] = ReportedLines(file.source, lines: numbers)
        }
        return reported
    }

    private func applySuppressions(_ findings: [LintFinding], journal: Journal) -> ([LintFinding], [LintFinding]) {
        let exempt: Set<String> = [MissingReasonRule.id, UnusedSuppressionRule.id]
        let suppressionsByFile = Dictionary(
            journal.files.map { ($0.path, Suppression.all(in: $0)) }, uniquingKeysWith: { first, _ in first })
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
        for file in journal.files {
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
