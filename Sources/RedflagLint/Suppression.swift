import Foundation
import RedflagCore
import RedflagJournal

/// A lint suppression written in a notes file: an HTML comment (invisible when the Markdown
/// renders) or the front matter key `redflag-disable`.
///
/// ```markdown
/// <!-- redflag-disable-next-line untagged-incident -- quoting the contract -->
/// <!-- redflag-disable unknown-tag, date-order -- imported from the old CRM -->
/// ...
/// <!-- redflag-enable unknown-tag, date-order -->
/// ```
/// No rule ids (or `all`) means every rule. The reason follows ` -- `; a suppression without one is
/// itself a finding (`missing-reason`). A suppression comment stands on its own line (an HTML
/// block): CommonMark does not read a comment containing `--` inside a paragraph as a comment.
public struct Suppression: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// `redflag-disable-next-line`: the line after the comment.
        case nextLine = "redflag-disable-next-line"
        /// `redflag-disable` ... `redflag-enable` (or the end of the file).
        case block = "redflag-disable"
        /// Front matter `redflag-disable:`: the whole file.
        case file = "redflag-disable:"
    }

    public var kind: Kind
    /// Rule ids; empty means every rule.
    public var rules: [String]
    public var reason: String?
    /// Where the suppression is written (1-based line, UTF-8 byte column).
    public var line: Int
    public var column: Int
    /// Lines the suppression covers.
    public var lines: ClosedRange<Int>

    public init(kind: Kind, rules: [String], reason: String?, line: Int, column: Int, lines: ClosedRange<Int>) {
        self.kind = kind
        self.rules = rules
        self.reason = reason
        self.line = line
        self.column = column
        self.lines = lines
    }

    /// True when this suppression hides `finding` (same file assumed).
    public func covers(_ finding: LintFinding) -> Bool {
        lines.contains(finding.line) && (rules.isEmpty || rules.contains(finding.rule))
    }

    /// Front matter key of file-level suppressions.
    public static let frontMatterKey = "redflag-disable"
    /// Front matter key of the reason for a list-form `redflag-disable:`.
    public static let frontMatterReasonKey = "redflag-disable-reason"

    /// Every suppression of a file, in line order.
    public static func all(in file: ParsedFile) -> [Suppression] {
        var result: [Suppression] = []
        var open: [Suppression] = []
        let lastLine = max(1, file.source.lineCount)
        for comment in file.comments.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            guard let directive = Directive(comment.text) else { continue }
            switch directive.keyword {
            case "redflag-disable-next-line":
                let next = comment.endLine + 1
                result.append(
                    Suppression(
                        kind: .nextLine, rules: directive.rules, reason: directive.reason, line: comment.line,
                        column: comment.column, lines: next...next))
            case "redflag-disable":
                open.append(
                    Suppression(
                        kind: .block, rules: directive.rules, reason: directive.reason, line: comment.line,
                        column: comment.column, lines: comment.line...lastLine))
            case "redflag-enable":
                // Closes the open blocks that name one of these rules (all of them when none is named).
                var stillOpen: [Suppression] = []
                for var block in open {
                    let closes =
                        directive.rules.isEmpty || block.rules.isEmpty
                        || !Set(block.rules).isDisjoint(with: directive.rules)
                    if closes {
                        block.lines = block.line...max(block.line, comment.endLine)
                        result.append(block)
                    } else {
                        stillOpen.append(block)
                    }
                }
                open = stillOpen
            default:
                continue
            }
        }
        result += open
        if let fileLevel = fileLevel(file, lastLine: lastLine) { result.append(fileLevel) }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// `redflag-disable: [rule, ...]` (+ `redflag-disable-reason: ...`), or
    /// `redflag-disable: {rule: reason, ...}` in the front matter.
    private static func fileLevel(_ file: ParsedFile, lastLine: Int) -> Suppression? {
        guard let value = file.frontMatter?.value, let pairs = value.pairs,
            let entry = pairs.first(where: { $0.key == frontMatterKey })
        else { return nil }
        var rules: [String] = []
        var reasons: [String] = []
        switch entry.value {
        case let .scalar(text, _, _):
            rules = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        case let .sequence(items, _, _):
            rules = items.compactMap(\.string)
        case .mapping:
            for pair in entry.value.pairs ?? [] {
                rules.append(pair.key)
                if let reason = pair.value.string, !reason.isEmpty { reasons.append(reason) }
            }
            if reasons.count < rules.count { reasons = [] }
        }
        if reasons.isEmpty, let reason = pairs.first(where: { $0.key == frontMatterReasonKey })?.value.string,
            !reason.isEmpty
        {
            reasons = [reason]
        }
        rules = rules.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "all" }
        return Suppression(
            kind: .file, rules: rules, reason: reasons.isEmpty ? nil : reasons.joined(separator: "; "),
            line: entry.keyValue.line, column: entry.keyValue.column, lines: 1...lastLine)
    }

    /// The parts of a comment's text: keyword, rule ids, reason.
    struct Directive {
        var keyword: String
        var rules: [String]
        var reason: String?

        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("redflag-") else { return nil }
            var head = Substring(trimmed)
            var reason: String?
            if let separator = trimmed.range(of: " --") ?? trimmed.range(of: "\t--") {
                head = trimmed[..<separator.lowerBound]
                let rest = trimmed[separator.upperBound...].drop { $0 == " " || $0 == "-" || $0 == "\t" }
                let cleaned = String(rest).trimmingCharacters(in: .whitespaces)
                reason = cleaned.isEmpty ? nil : cleaned
            }
            let words = head.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" })
                .map(String.init)
            guard let keyword = words.first,
                ["redflag-disable-next-line", "redflag-disable", "redflag-enable"].contains(keyword)
            else { return nil }
            self.keyword = keyword
            rules = words.dropFirst().filter { $0 != "all" }
            self.reason = reason
        }
    }
}
