import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
///
/// `::warning file=notes/acme.md,line=12,col=1,title=untagged-incident::message`; notes become
/// `::notice`. Property values escape `%`, `\r`, `\n`, `:` and `,`; the message escapes `%`, `\r`
/// and `\n` (as the Actions toolkit does).
public struct GitHubActionsReporter: LintReporter {
    public init() {}

    public func render(_ result: LintResult, options: ReportOptions) -> String {
        var out = ""
        for finding in result.findings {
            let command = finding.severity == .note ? "notice" : finding.severity.rawValue
            let properties = [
                "file=" + Self.escapeProperty(options.display(finding.file)),
                "line=\(finding.line)",
                "col=\(finding.column)",
                "title=" + Self.escapeProperty(finding.rule),
            ].joined(separator: ",")
            out += "::\(command) \(properties)::\(Self.escapeData(finding.message))\n"
        }
        return out
    }

    /// Escapes a message: `%` → `%25`, `\r` → `%0D`, `\n` → `%0A`; other control and bidi
    /// characters as `TerminalText` shows them (the Actions log is a terminal: it acts on escapes).
    public static func escapeData(_ text: String) -> String {
        TerminalText.sanitized(
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// Escapes a property value: as a message, plus `:` → `%3A` and `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
