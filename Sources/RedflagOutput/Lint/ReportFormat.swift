import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The output formats of `redflag lint --format`.
public enum ReportFormat: String, CaseIterable, Hashable, Sendable {
    case text, json, sarif, github

    public var reporter: any LintReporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubActionsReporter()
        }
    }
}
