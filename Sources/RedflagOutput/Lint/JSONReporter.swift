import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Machine-readable findings, deterministic (sorted keys, findings in output order):
///
/// ```json
/// {"schema": 1, "findings": [{"rule": "untagged-incident", "severity": "warning", "file": "notes/acme.md",
///   "line": 12, "column": 1, "message": "...", "suggestion": {"tag": "late", "confidence": 0.92}}]}
/// ```
/// `suggestion` is null for every rule but `untagged-incident`. Lines are 1-based; columns are
/// 1-based UTF-8 bytes.
public struct JSONReporter: LintReporter {
    /// The version of this output's shape; bumped on any incompatible change.
    public static let schema = 1

    public init() {}

    struct SuggestionJSON: Encodable, Sendable {
        var tag: String
        var confidence: Double
    }

    struct FindingJSON: Encodable, Sendable {
        var rule: String
        var severity: Severity
        var file: String
        var line: Int
        var column: Int
        var message: String
        @Nullable var suggestion: SuggestionJSON?
    }

    struct Document: Encodable, Sendable {
        var schema: Int
        var findings: [FindingJSON]
    }

    public func render(_ result: LintResult, options: ReportOptions) -> String {
        let findings = result.findings.map { finding in
            FindingJSON(
                rule: finding.rule, severity: finding.severity, file: options.display(finding.file),
                line: finding.line, column: finding.column, message: finding.message,
                suggestion: finding.suggestion.map { SuggestionJSON(tag: $0.tag, confidence: $0.confidence) })
        }
        return JSON.encode(Document(schema: Self.schema, findings: findings), pretty: true) + "\n"
    }
}
