import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// SARIF 2.1.0 for code scanning (GitHub, editors): one run, the rules with their rationale, one
/// result per finding with its physical location.
///
/// SARIF columns cannot be UTF-8 bytes, so regions are given in Unicode code points
/// (`columnKind: unicodeCodePoints`), converted with the file's text. URIs are the display paths,
/// percent-encoded, relative to the working directory (the repository root in CI).
public struct SARIFReporter: LintReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/redflag-notes/redflag/blob/main/docs/lint.md"

    public init() {}

    public func render(_ result: LintResult, options: ReportOptions) -> String {
        let index = Dictionary(result.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = result.rules.map { rule in
            SARIFLog.Rule(
                id: rule.id,
                name: rule.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                shortDescription: .init(text: rule.name), fullDescription: .init(text: rule.rationale),
                help: .init(text: rule.rationale), helpUri: Self.informationURI + "#" + rule.id,
                defaultConfiguration: .init(level: Self.level(rule.severity)))
        }
        let results = result.findings.map { finding in
            SARIFLog.Result(
                ruleId: finding.rule, ruleIndex: index[finding.rule], level: Self.level(finding.severity),
                message: .init(text: finding.message + (finding.hint.map { " (hint: \($0))" } ?? "")),
                locations: [
                    .init(
                        physicalLocation: .init(
                            artifactLocation: .init(uri: Self.uri(options.display(finding.file))),
                            region: .init(
                                startLine: finding.line,
                                startColumn: Self.codePointColumn(finding, in: result.sources[finding.file]))))
                ],
                properties: finding.suggestion.map {
                    .init(suggestion: .init(tag: $0.tag, confidence: $0.confidence))
                })
        }
        let run = SARIFLog.Run(
            tool: .init(
                driver: .init(
                    name: "redflag", version: options.toolVersion, informationUri: Self.informationURI, rules: rules)),
            columnKind: "unicodeCodePoints", results: results)
        let log = SARIFLog(schema: Self.schemaURI, version: "2.1.0", runs: [run])
        return JSON.encode(log, pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative URI reference: each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// The 1-based column in Unicode code points of a finding's UTF-8 byte column.
    static func codePointColumn(_ finding: LintFinding, in source: ReportedLines?) -> Int {
        guard let source else { return finding.column }
        let bytes = Array(source.line(finding.line).utf8.prefix(max(0, finding.column - 1)))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }
}
