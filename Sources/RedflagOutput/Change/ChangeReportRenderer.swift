import RedflagCore
import RedflagJournal
import RedflagJudgement

/// Renders a `ChangeReport` (`redflag diff`) as text, Markdown or JSON (schema 1).
public enum ChangeReportRenderer {
    public static let schemaVersion = 1

    /// The output formats of `redflag diff`.
    public enum Format: String, CaseIterable, Sendable {
        case text, md, json
    }

    public static func render(_ report: ChangeReport, format: Format) -> String {
        switch format {
        case .text: text(report)
        case .md: markdown(report)
        case .json: json(report)
        }
    }

    // MARK: - Text

    static func text(_ report: ChangeReport) -> String {
        var out = "redflag diff since \(TerminalText.sanitized(report.since)) (as of \(report.before)) "
        out += "to \(report.after): \(tally(report))\n"
        for change in report.changes {
            out += "\n" + headline(change, name: TerminalText.sanitized(change.name)) + "\n"
            for entry in change.newEntries {
                out += "  + \(entry.date?.description ?? "undated") \(TerminalText.sanitized(entry.reference)): "
                out += TerminalText.sanitized(entry.quote) + "\n"
            }
            out += footnote(change).map { "  \($0)\n" } ?? ""
        }
        return out
    }

    // MARK: - Markdown

    static func markdown(_ report: ChangeReport) -> String {
        var out = "# What changed since \(MarkdownText.inline(report.since))\n\n"
        out += "Then: as of \(report.before). Now: as of \(report.after). \(tally(report)).\n"
        for change in report.changes {
            out += "\n## " + headline(change, name: MarkdownText.inline(change.name)) + "\n\n"
            for entry in change.newEntries {
                out += "- \(entry.date?.description ?? "undated") `\(entry.reference)`: "
                out += MarkdownText.inline(entry.quote) + "\n"
            }
            out += footnote(change).map { (change.newEntries.isEmpty ? "" : "\n") + $0 + "\n" } ?? ""
        }
        return out
    }

    // MARK: - JSON

    struct Side: Encodable {
        var verdict: Verdict
        var score: Int
        var summary: String
    }

    struct EntryJSON: Encodable {
        var file: String
        var line: Int
        @Nullable var date: CalendarDate?
        var quote: String
        var tags: [String]
    }

    struct ChangeJSON: Encodable {
        var client: String
        var name: String
        @Nullable var before: Side?
        @Nullable var after: Side?
        var verdictChanged: Bool
        var scoreChange: Int
        var newEntries: [EntryJSON]
        var removedEntries: Int
    }

    struct Document: Encodable {
        var schema: Int
        var since: String
        var before: CalendarDate
        var after: CalendarDate
        var threshold: Int
        var changes: [ChangeJSON]
    }

    static func json(_ report: ChangeReport) -> String {
        let side = { (assessment: Assessment?) in
            assessment.map { Side(verdict: $0.verdict, score: $0.score, summary: $0.summary) }
        }
        let document = Document(
            schema: schemaVersion, since: report.since, before: report.before, after: report.after,
            threshold: report.threshold,
            changes: report.changes.map { change in
                ChangeJSON(
                    client: change.client.rawValue, name: change.name, before: side(change.before),
                    after: side(change.after), verdictChanged: change.verdictChanged,
                    scoreChange: change.scoreChange,
                    newEntries: change.newEntries.map {
                        EntryJSON(file: $0.file, line: $0.line, date: $0.date, quote: $0.quote, tags: $0.tags)
                    }, removedEntries: change.removedEntries)
            })
        return JSON.encode(document, pretty: true) + "\n"
    }

    // MARK: - Shared wording

    static func tally(_ report: ChangeReport) -> String {
        switch report.changes.count {
        case 0: "no client changed"
        case 1: "1 client changed"
        default: "\(report.changes.count) clients changed"
        }
    }

    static func headline(_ change: ChangeReport.ClientChange, name: String) -> String {
        let then = change.before.map { "\($0.verdict.rawValue.uppercased()) \($0.score)" } ?? "(new client)"
        let now = change.after.map { "\($0.verdict.rawValue.uppercased()) \($0.score)" } ?? "(gone)"
        let delta = change.scoreChange == 0 ? "" : " (\(change.scoreChange > 0 ? "+" : "")\(change.scoreChange))"
        return "\(name) [\(change.client)]: \(then) → \(now)\(delta)"
    }

    /// What to add under a client: no new entries (time passed), entries gone.
    static func footnote(_ change: ChangeReport.ClientChange) -> String? {
        var parts: [String] = []
        if change.newEntries.isEmpty { parts.append("no new entries: the change comes from time passing") }
        if change.removedEntries > 0 {
            parts.append(
                "\(change.removedEntries) earlier \(change.removedEntries == 1 ? "entry" : "entries") removed or edited"
            )
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
