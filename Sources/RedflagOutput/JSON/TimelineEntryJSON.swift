import RedflagCore
import RedflagJournal
import RedflagJudgement

/// A timeline entry in dossier JSON (schema 1): a flat object; `date`, `time` and `title` are left
/// out when absent (docs/dossier.md).
struct TimelineEntryJSON: Encodable, Sendable {
    var client: ClientID
    var date: CalendarDate?
    var time: String?
    var title: String?
    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var text: String
    var markdown: String
    var tags: [TagJSON]
    var isIncident: Bool
    var isPositive: Bool
    var isFuture: Bool

    init(_ item: TimelineEntry) {
        let entry = item.entry
        client = entry.client
        date = entry.date
        time = entry.time
        title = entry.title
        file = entry.file
        line = entry.line
        column = entry.column
        endLine = entry.endLine
        text = entry.text
        markdown = entry.markdown
        tags = entry.tags.map(TagJSON.init)
        isIncident = item.isIncident
        isPositive = item.isPositive
        isFuture = item.isFuture
    }
}
