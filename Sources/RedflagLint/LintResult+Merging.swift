import RedflagCore
import RedflagJournal

extension LintResult {
    /// The same result with every path shown under `root` (`notes/acme.md`), for merging runs over
    /// several notes directories into one report.
    public func displayed(root: String) -> LintResult {
        var copy = self
        copy.findings = findings.map { finding in
            var finding = finding
            finding.file = DisplayPath.join(root: root, finding.file)
            return finding
        }
        copy.files = files.map { DisplayPath.join(root: root, $0) }
        copy.sources = Dictionary(
            sources.map { (DisplayPath.join(root: root, $0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        return copy
    }

    /// Several results as one: findings in output order, files and rules without repeats.
    public static func merging(_ results: [LintResult]) -> LintResult {
        // One run (one notes directory): its findings are already in output order.
        if results.count == 1, var only = results.first, !only.rules.isEmpty {
            only.files.sort()
            return only
        }
        var findings: [LintFinding] = []
        var files: [String] = []
        var sources: [String: ReportedLines] = [:]
        var rules: [RuleDescription] = []
        for result in results {
            findings += result.findings
            files += result.files.filter { !files.contains($0) }
            sources.merge(result.sources) { first, _ in first }
            rules += result.rules.filter { rule in !rules.contains { $0.id == rule.id } }
        }
        if rules.isEmpty { rules = LintRules.all.map(\.description) }
        return LintResult(
            findings: findings.sorted(by: LintFinding.outputOrder), files: files.sorted(), sources: sources,
            rules: rules)
    }
}
