import RedflagCore
import RedflagDetector
import RedflagJournal

/// A lint rule: a description (id, rationale, severity, examples) and a pure check.
///
/// Rules see the whole journal (`LintContext`) so that rules about several files
/// (`duplicate-client`) need no special case; most loop over `context.files`. A rule reports with
/// its default severity; the `Linter` applies `redflag.yml` overrides, suppressions and filters.
public protocol LintRule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: LintContext) -> [LintFinding]
}

extension LintRule {
    /// A finding of this rule with its default severity.
    func finding(
        _ file: String, line: Int, column: Int, _ message: String, hint: String? = nil,
        suggestion: IncidentSuggestion? = nil, entryLines: ClosedRange<Int>? = nil
    ) -> LintFinding {
        LintFinding(
            rule: description.id, severity: description.severity, file: file, line: line, column: column,
            message: message, hint: hint, suggestion: suggestion, entryLines: entryLines)
    }
}
