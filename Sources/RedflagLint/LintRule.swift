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
    /// True for a rule that compares files (`duplicate-client`) or reads what no single file holds
    /// (`unattributed-entry`): it checks the whole notes once. Every other rule checks the files
    /// of `context.files` one by one, each alone (so a lint can go file by file: `LintSession`).
    var checksAcrossFiles: Bool { get }
}

extension LintRule {
    public var checksAcrossFiles: Bool { false }

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
