import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The output formats of `redflag triage`.
public enum TriageFormat: String, CaseIterable, Sendable {
    case text, md, html, json, csv
}
