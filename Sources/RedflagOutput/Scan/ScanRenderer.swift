import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders entries for `scan`. Schema 1 (docs/scan-json.md): `{"schema": 1, "entries": [...]}`.
public enum ScanRenderer {
    public static let schemaVersion = 1

    /// One entry of the JSON schema.
    struct EntryJSON: Encodable {
        var client: ClientID
        @Nullable var date: CalendarDate?
        @Nullable var time: String?
        @Nullable var title: String?
        var file: String
        var line: Int
        var endLine: Int
        var text: String
        var tags: [TagJSON]

        init(_ entry: Entry) {
            client = entry.client
            date = entry.date
            time = entry.time
            title = entry.title
            file = entry.file
            line = entry.line
            endLine = entry.endLine
            text = entry.text
            tags = entry.tags.map(TagJSON.init)
        }
    }

    struct Document: Encodable {
        var schema: Int
        var entries: [EntryJSON]
    }

    /// Renders `entries` (already in output order). Text and JSON end with a newline.
    public static func render(_ entries: [Entry], format: ScanFormat) -> String {
        switch format {
        case .json:
            return JSON.encode(Document(schema: schemaVersion, entries: entries.map(EntryJSON.init)), pretty: true)
                + "\n"
        case .jsonl:
            var out = ""
            for entry in entries { JSONLine.append(entry, to: &out) }
            return out
        case .csv:
            return csv(entries)
        case .text:
            return entries.map(textLine).joined()
        }
    }

    /// `DATE  CLIENT  file:line  text` (undated entries show `----------`), safe for a terminal
    /// (`TerminalText`: the line holds nothing redflag adds but spaces).
    static func textLine(_ entry: Entry) -> String {
        let date = entry.date?.description ?? "----------"
        let text = entry.text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " / ")
        // Tags inherited from a dated heading or front matter are not in the text: show them.
        let inherited = entry.tags.map { "#" + $0.raw }.filter { !text.contains($0) }
        var seen = Set<String>()
        let tags = inherited.filter { seen.insert($0).inserted }.map { "  " + $0 }.joined()
        let line = "\(date)  \(entry.client)  \(entry.file):\(entry.line)  \(text)\(tags)"
        return TerminalText.sanitized(line) + "\n"
    }

    /// The first line of the CSV form.
    static let csvHeader = "client,date,file,line,endLine,tags,text\r\n"

    static func csv(_ entries: [Entry]) -> String {
        csvHeader + csvRows(entries)
    }

    static func csvRows(_ entries: [Entry]) -> String {
        var out = ""
        for entry in entries {
            out += CSV.row([
                entry.client.rawValue, entry.date?.description ?? "", entry.file, String(entry.line),
                String(entry.endLine),
                entry.tags.map(\.qualifiedName).joined(separator: " "), entry.text,
            ])
        }
        return out
    }
}
