import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a lint result in one output format. Reporters are pure: text in, text out.
public protocol LintReporter: Sendable {
    func render(_ result: LintResult, options: ReportOptions) -> String
}
