import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a `Triage` as a terminal table, Markdown, JSON (schema 1), CSV or HTML.
///
/// Every format states the as-of date, the policy digest and the input digest.
public enum TriageRenderer {
    public static let schemaVersion = 1
    /// The width of the text table.
    public static let textWidth = 80

    /// Renders `triage` as `format`. `color` adds ANSI colours to the text table's verdicts;
    /// `templates` are used by the HTML format only.
    public static func render(
        _ triage: Triage, format: TriageFormat, color: Bool = false, templates: HTMLTemplates
    ) -> String {
        switch format {
        case .text: text(triage, color: color)
        case .md: markdown(triage)
        case .json: json(triage)
        case .csv: csv(triage)
        case .html: TriageHTMLRenderer.render(triage, templates: templates, links: nil)
        }
    }

    // MARK: - Text

    /// The 80-column table: verdict, score, client, incidents, last incident, top reasons.
    public static func text(_ triage: Triage, color: Bool) -> String {
        let clientWidth = 22
        let reasonWidth = textWidth - (8 + 5 + 2 + clientWidth + 2 + 3 + 2 + 10 + 2)
        var out = "redflag triage as of \(triage.asOf): \(tally(triage))\n\n"
        out +=
            pad("VERDICT", 8) + "SCORE  " + pad("CLIENT", clientWidth) + "  INC  " + pad("LAST INC", 10)
            + "  TOP REASONS\n"
        for row in triage.rows {
            let verdict = row.assessment.verdict
            out +=
                TerminalStyle(color: color).verdictLabel(verdict, width: 8)
                + pad(String(row.assessment.score), 5, right: true) + "  "
                + pad(cut(row.client.name, clientWidth), clientWidth) + "  "
                + pad(String(row.incidents), 3, right: true) + "  "
                + pad(row.lastIncident?.description ?? "-", 10) + "  "
                + fitting(row.topReasons.map { TerminalText.sanitized("#" + $0.tag) }, width: reasonWidth) + "\n"
            for line in wrap(plainDetail(row), width: textWidth - 15) {
                out += String(repeating: " ", count: 15) + cut(line, textWidth - 15) + "\n"
            }
            if !row.scoreHistory.isEmpty {
                out += String(repeating: " ", count: 15) + "score, 12 months: \(ScoreChart.line(row.scoreHistory))\n"
            }
        }
        out += "\nas of:  \(triage.asOf)\npolicy: \(triage.policyDigest)\ninput:  \(triage.inputDigest)\n"
        return withoutTrailingSpaces(out)
    }

    /// `text` without the spaces that end its lines (before each `\n`), as the regular expression
    /// ` +\n` → `\n` would leave it, in one pass over the bytes.
    static func withoutTrailingSpaces(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var spaces = 0
        for byte in text.utf8 {
            if byte == 0x20 {
                spaces += 1
                continue
            }
            if byte != 0x0A, spaces > 0 { bytes.append(contentsOf: repeatElement(0x20, count: spaces)) }
            spaces = 0
            bytes.append(byte)
        }
        bytes.append(contentsOf: repeatElement(0x20, count: spaces))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The client's assessment in plain words, headline first (`PlainWords.summary`).
    static func plainSummary(_ row: Triage.Row) -> String {
        PlainWords.summary(row.assessment, positives: row.positives)
    }

    /// What the client's verdict rests on, for a row that already shows the verdict (`PlainWords.detail`).
    static func plainDetail(_ row: Triage.Row) -> String {
        PlainWords.detail(row.assessment, positives: row.positives)
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// As many of `items` as fit in `width`, space-separated, then `+N` for the rest; `-` when none.
    static func fitting(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "-" }
        var shown: [String] = []
        for (index, item) in items.enumerated() {
            let rest = items.count - index - 1
            let candidate = (shown + [item]).joined(separator: " ") + (rest > 0 ? " +\(rest)" : "")
            if candidate.count > width { break }
            shown.append(item)
        }
        if shown.isEmpty { return cut(items[0], width - 3) + (items.count > 1 ? " +\(items.count - 1)" : "") }
        let rest = items.count - shown.count
        return shown.joined(separator: " ") + (rest > 0 ? " +\(rest)" : "")
    }

    /// "10 clients: 3 fire, 4 watch, 3 keep".
    static func tally(_ triage: Triage) -> String {
        let clients = triage.rows.count == 1 ? "1 client" : "\(triage.rows.count) clients"
        return "\(clients): "
            + Verdict.allCases.reversed().map { "\(triage.count($0)) \($0.rawValue)" }
            .joined(separator: ", ")
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        TerminalStyle.pad(text, width, right: right)
    }

    /// `text` cut to `width` characters, a cut marked with `…`; newlines become spaces, other
    /// control and bidi characters are escaped (`TerminalText`).
    static func cut(_ text: String, _ width: Int) -> String {
        let clean = TerminalText.sanitized(String(text.map { $0.isNewline ? " " : $0 }))
        return clean.count <= width ? clean : String(clean.prefix(width - 1)) + "…"
    }

    // MARK: - Markdown

    public static func markdown(_ triage: Triage) -> String {
        var out = "# Triage as of \(triage.asOf)\n\n\(tally(triage)), most at risk first.\n\n"
        out += "| Verdict | Score | Last 12 months | Client | Incidents | Last incident | Why |\n"
        out += "|---|--:|---|---|--:|---|---|\n"
        for row in triage.rows {
            let verdict = row.assessment.verdict
            let cells = [
                "\(verdict.symbol) **\(verdict.rawValue)**", String(row.assessment.score),
                ScoreChart.sparkline(row.scoreHistory), "\(MarkdownText.inline(row.client.name)) (`\(row.client.id)`)",
                String(row.incidents),
                row.lastIncident?.description ?? "—", MarkdownText.inline(plainDetail(row)),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        out +=
            "\n"
            + DossierMarkdownRenderer.footer(
                asOf: triage.asOf, policyDigest: triage.policyDigest, inputDigest: triage.inputDigest)
        return TerminalText.sanitized(out, keepingNewlines: true)
    }

    // MARK: - JSON

    struct ClientJSON: Encodable {
        var id: String
        var name: String
        var verdict: Verdict
        var score: Int
        var softened: Bool
        var summary: String
        var headline: String
        var plainSummary: String
        var billingAssumed: Bool
        var incidents: Int
        @Nullable var lastIncident: CalendarDate?
        /// Incidents closed by `#resolved`/`#forgiven` entries, left out of `incidents` and `signs`.
        var closedIncidents: Int
        var signs: [String: Int]
        var reasons: [ReasonJSON]
        /// The score at each month end of the last 12 months, oldest first.
        var scoreHistory: [ScorePoint]
    }

    struct Document: Encodable {
        var schema: Int
        var asOf: CalendarDate
        var policyDigest: String
        var inputDigest: String
        var clients: [ClientJSON]
    }

    /// `{"schema": 1, "asOf", "policyDigest", "inputDigest", "clients": [...]}`, most at risk first.
    public static func json(_ triage: Triage) -> String {
        var out = ""
        writeJSON(triage) { out += $0 }
        return out
    }

    /// The bytes of `json(_:)`, handed to `write` a client at a time (the document's opening, each
    /// client, its closing), so that the whole document is never held: `JSONEncoder` builds its tree
    /// and its output for the whole document at once, twice the size of the text. Each client is
    /// encoded alone, as the document's encoder would, and moved in to its depth (4 spaces).
    public static func writeJSON(_ triage: Triage, to write: (String) throws -> Void) rethrows {
        let empty = JSON.encode(document(triage, clients: []), pretty: true) + "\n"
        // The document without clients, cut where they go: `"clients" : [` … `]`.
        guard !triage.rows.isEmpty, let key = empty.range(of: "\n  \"clients\" : ["),
            let close = empty[key.upperBound...].firstIndex(of: "]")
        else {
            try write(
                triage.rows.isEmpty
                    ? empty : JSON.encode(document(triage, clients: clients(triage)), pretty: true) + "\n")
            return
        }
        try write(String(empty[..<key.upperBound]) + "\n")
        for (index, row) in triage.rows.enumerated() {
            let object = JSON.encode(client(row), pretty: true)
            var out = index > 0 ? ",\n" : ""
            out.reserveCapacity(object.utf8.count + object.utf8.count / 8 + 4)
            var first = true
            for line in object.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { out += "\n" }
                first = false
                // Blank lines (inside empty arrays) stay blank.
                if !line.isEmpty { out += "    " }
                out += line
            }
            try write(out)
        }
        try write("\n  " + String(empty[close...]))
    }

    static func document(_ triage: Triage, clients: [ClientJSON]) -> Document {
        Document(
            schema: schemaVersion, asOf: triage.asOf, policyDigest: triage.policyDigest,
            inputDigest: triage.inputDigest, clients: clients)
    }

    static func clients(_ triage: Triage) -> [ClientJSON] { triage.rows.map(client) }

    static func client(_ row: Triage.Row) -> ClientJSON {
        ClientJSON(
            id: row.client.id.rawValue, name: row.client.name, verdict: row.assessment.verdict,
            score: row.assessment.score, softened: row.assessment.softened, summary: row.assessment.summary,
            headline: row.assessment.verdict.headline, plainSummary: plainSummary(row),
            billingAssumed: row.assessment.billingAssumed, incidents: row.incidents, lastIncident: row.lastIncident,
            closedIncidents: row.closedIncidents,
            signs: Dictionary(uniqueKeysWithValues: row.signTotals.map { ($0.tag, $0.count) }),
            reasons: row.assessment.reasons.map { ReasonJSON($0, billing: row.assessment.billing) },
            scoreHistory: row.scoreHistory)
    }

    // MARK: - CSV

    /// One line per client (RFC 4180, CRLF); reasons as `tag:outcome` separated by spaces.
    public static func csv(_ triage: Triage) -> String {
        var out = "id,name,verdict,score,incidents,lastIncident,reasons,asOf,policyDigest,inputDigest\r\n"
        for row in triage.rows {
            let reasons = row.assessment.reasons.map { "\($0.tag):\($0.softened ? "softened" : $0.outcome.rawValue)" }
            out += CSV.row([
                row.client.id.rawValue, row.client.name, row.assessment.verdict.rawValue, String(row.assessment.score),
                String(row.incidents), row.lastIncident?.description ?? "", reasons.joined(separator: " "),
                triage.asOf.description, triage.policyDigest, triage.inputDigest,
            ])
        }
        return out
    }
}
