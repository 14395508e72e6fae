@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Terse hand-built journal values for Timeline and Policy tests.
enum Make {
    /// The as-of day used by most tests.
    static let asOf = day("2026-11-29")

    /// A date from `YYYY-MM-DD`; crashes the test run only on a typo in the test itself.
    static func day(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return date
    }

    /// `asOf` shifted by `offset` days (negative: earlier).
    static func daysAgo(_ days: Int, from asOf: CalendarDate = Make.asOf) -> CalendarDate {
        asOf.adding(days: -days)
    }

    /// A tag: `lie`, `abuse/verbal`; `raw` defaults to the written form.
    static func tag(_ qualified: String, raw: String? = nil, line: Int = 1) -> Tag {
        let parts = qualified.split(separator: "/", maxSplits: 1).map(String.init)
        return Tag(
            name: parts[0], subtype: parts.count > 1 ? parts[1] : nil, raw: raw ?? qualified, line: line,
            column: 1, isKnown: true)
    }

    /// An entry of client `c` with `tags` (canonical, optionally `tag/subtype`).
    static func entry(
        _ date: CalendarDate?, _ tags: String..., file: String = "c.md", line: Int = 1, text: String? = nil
    ) -> Entry {
        Entry(
            client: "c", date: date, file: file, line: line, endLine: line,
            text: text ?? "Entry with \(tags.map { "#\($0)" }.joined(separator: " "))", markdown: text ?? "",
            tags: tags.map { tag($0, line: line) })
    }

    /// An entry `days` days before `asOf`.
    static func ago(_ days: Int, _ tags: String..., line: Int = 1, file: String = "c.md") -> Entry {
        Entry(
            client: "c", date: daysAgo(days), file: file, line: line, endLine: line,
            text: "Entry with \(tags.map { "#\($0)" }.joined(separator: " "))", markdown: "",
            tags: tags.map { tag($0, line: line) })
    }

    /// Renumbers lines 1, 2, 3, ... in the given order (so same-day entries keep this order); the
    /// tags move with their entry (a tag above its entry would be one inherited from a heading).
    static func numbered(_ entries: [Entry]) -> [Entry] {
        entries.enumerated().map { index, entry in
            var entry = entry
            entry.line = index + 1
            entry.endLine = index + 1
            entry.tags = entry.tags.map { tag in
                var tag = tag
                tag.range.start.line = index + 1
                tag.range.endLine = index + 1
                return tag
            }
            return entry
        }
    }

    static func client(billing: Billing? = .fixed, since: CalendarDate? = nil) -> Client {
        Client(id: "c", name: "Client C", since: since, billing: billing, files: ["c.md"])
    }

    static func timeline(_ entries: [Entry], billing: Billing? = .fixed, asOf: CalendarDate = Make.asOf) -> Timeline {
        Timeline(client: client(billing: billing), entries: numbered(entries), asOf: asOf)
    }

    /// Assesses `entries` under `policy` as of `asOf`.
    static func assess(
        _ entries: [Entry], billing: Billing? = .fixed, policy: Policy = .standard, asOf: CalendarDate = Make.asOf
    ) -> Assessment {
        policy.assess(timeline(entries, billing: billing, asOf: asOf))
    }

    /// `count` entries tagged `tag`, 10 days apart, the latest `start` days before `asOf`.
    static func series(_ tag: String, count: Int, start: Int = 5, step: Int = 10) -> [Entry] {
        (0..<count).map { ago(start + $0 * step, tag) }
    }
}
