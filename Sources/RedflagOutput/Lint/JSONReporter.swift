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

    public func render(_ result: LintResult, options: ReportOptions) -> String {
        let findings: [[String: Any]] = result.findings.map { finding in
            [
                "rule": finding.rule,
                "severity": finding.severity.rawValue,
                "file": options.display(finding.file),
                "line": finding.line,
                "column": finding.column,
                "message": finding.message,
                "suggestion": finding.suggestion.map { ["tag": $0.tag, "confidence": $0.confidence] as [String: Any] }
                    ?? NSNull(),
            ]
        }
        return Self.serialize(["schema": Self.schema, "findings": findings])
    }

    /// Pretty, key-sorted JSON with a final newline.
    static func serialize(_ object: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
