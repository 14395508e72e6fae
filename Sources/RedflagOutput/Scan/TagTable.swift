import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The text table of `redflag tags`; tags and spellings go through `TerminalText`.
public enum TagTable {
    public static func render(_ statistics: TagStatistics, vocabulary: Vocabulary) -> String {
        guard !statistics.rows.isEmpty else { return "No tags found.\n" }
        let shown = { (tag: String) in TerminalText.sanitized(tag) }
        let width = max(3, statistics.rows.map { shown($0.tag).count + ($0.tag.contains("/") ? 2 : 0) }.max() ?? 3)
        func pad(_ text: String, _ count: Int) -> String { TerminalStyle.pad(text, count) }
        func left(_ text: String, _ count: Int) -> String { TerminalStyle.pad(text, count, right: true) }
        var out = pad("TAG", width) + "  ENTRIES  CLIENTS  KIND\n"
        for row in statistics.rows {
            let name = row.tag.contains("/") ? "  " + shown(row.tag) : shown(row.tag)
            let head = String(row.tag.split(separator: "/").first ?? "")
            let kind: String
            if !row.known {
                kind =
                    "unknown"
                    + (Spelling.closest(to: head, in: Array(vocabulary.terms.keys)).map { " (did you mean #\($0)?)" }
                        ?? "")
            } else {
                kind = vocabulary.kind(of: head)?.rawValue ?? "known"
            }
            let aliases = row.spellings.filter { $0 != row.tag && $0 != head }
            let written =
                aliases.isEmpty || row.tag.contains("/")
                ? "" : "  as " + aliases.map { "#" + shown($0) }.joined(separator: ", ")
            out +=
                pad(name, width) + "  " + left(String(row.entries), 7) + "  " + left(String(row.clients), 7) + "  "
                + kind + written + "\n"
        }
        return out
    }
}
