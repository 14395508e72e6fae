import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The output formats of `redflag scan`.
public enum ScanFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, csv
}
