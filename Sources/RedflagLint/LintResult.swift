import RedflagCore
import RedflagJournal

/// The findings of one lint run, with what reporters need to show them.
public struct LintResult: Sendable {
    /// Findings in output order (file, line, column, rule).
    public var findings: [LintFinding]
    /// The files linted (relative paths), sorted.
    public var files: [String]
    /// The lines of each linted file that findings point at, for excerpts (`ReportedLines`).
    public var sources: [String: ReportedLines]
    /// The rules that ran, with the severities in force.
    public var rules: [RuleDescription]

    public init(findings: [LintFinding], files: [String], sources: [String: ReportedLines], rules: [RuleDescription]) {
        self.findings = findings
        self.files = files
        self.sources = sources
        self.rules = rules
    }

    /// Only the findings at or above `minimum`.
    public func filtered(minimum: Severity) -> LintResult {
        var copy = self
        copy.findings = findings.filter { $0.severity >= minimum }
        return copy
    }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// True when a finding is at or above `level` (the exit-status test).
    public func fails(at level: Severity) -> Bool { findings.contains { $0.severity >= level } }
}
