import RedflagCore
import RedflagJournal
import RedflagLint

/// One lint run over a notes directory or some of its files: its findings, and the problems of
/// reading that no rule covers (unreadable files, invalid UTF-8), which `redflag lint` prints to
/// standard error.
public struct LintRun: Sendable {
    /// The findings, with the reported lines of each file and the rules in force.
    public var result: LintResult
    /// Problems of reading no rule reports, in the order loading gave them.
    public var problems: [Diagnostic]
    /// The journal that was linted; nil when the run was replayed from the lint cache (`LintCache`).
    public var journal: Journal?

    public init(result: LintResult, problems: [Diagnostic], journal: Journal?) {
        self.result = result
        self.problems = problems
        self.journal = journal
    }

    /// True when a problem is an error (a file skipped as unreadable): a runtime error of the run.
    public var hadErrors: Bool { problems.contains { $0.severity == .error } }
}
