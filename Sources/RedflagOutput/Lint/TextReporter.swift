import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The compiler format editors jump to, with an excerpt and a hint:
///
/// ```
/// notes/acme.md:12:1: warning: untagged incident: reads like #late ... [untagged-incident]
///     - 2026-10-30: Invoice 2211 still not paid, 45 days overdue.
///     ^
///   hint: add #late to the entry, ...
/// ```
/// and a summary line: `7 warnings, 1 error in 23 files`. Note-derived text (paths, messages, the
/// excerpt, hints) goes through `TerminalText`; the caret stays under its character.
public struct TextReporter: LintReporter {
    public init() {}

    public func render(_ result: LintResult, options: ReportOptions) -> String {
        var out = ""
        for finding in result.findings {
            let style = TerminalStyle(color: options.color)
            let shownLabel = style.severityLabel(finding.severity)
            let rule = style.paint("[\(finding.rule)]", .dim)
            let file = TerminalText.sanitized(options.display(finding.file))
            out +=
                "\(file):\(finding.line):\(finding.column): \(shownLabel) \(TerminalText.sanitized(finding.message)) \(rule)\n"
            if let source = result.sources[finding.file], finding.line <= source.lineCount {
                let (text, caret) = TerminalText.excerpt(source.line(finding.line), column: finding.column)
                out += "    \(text)\n"
                out += "    " + style.paint(caret, .green) + "\n"
            }
            if let hint = finding.hint { out += "  hint: \(TerminalText.sanitized(hint))\n" }
        }
        out += Self.summary(result) + "\n"
        return out
    }

    /// `N warnings, M errors in K files` (notes added when there are any; "no problems" when none).
    public static func summary(_ result: LintResult) -> String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        let files = count(result.files.count, "file")
        guard !result.findings.isEmpty else { return "no problems in \(files)" }
        var parts = [count(result.count(.warning), "warning"), count(result.count(.error), "error")]
        if result.count(.note) > 0 { parts.append(count(result.count(.note), "note")) }
        return parts.joined(separator: ", ") + " in " + files
    }
}
