import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// A reason as written in dossier and triage JSON (schema 1): every key always present, `null`
/// when absent, so consumers can rely on the shape.
struct ReasonJSON: Encodable {
    struct EntryJSON: Encodable {
        var file: String
        var line: Int
        var date: CalendarDate?
        var quote: String
        var tags: [String]

        enum CodingKeys: String, CodingKey { case file, line, date, quote, tags }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(date, forKey: .date)
            try container.encode(quote, forKey: .quote)
            try container.encode(tags, forKey: .tags)
        }
    }

    var reason: Reason

    enum CodingKeys: String, CodingKey {
        case rule, tag, principle, outcome, softened, count, window, entries, nextThreshold, advice, summary
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason.rule, forKey: .rule)
        try container.encode(reason.tag, forKey: .tag)
        try container.encode(reason.principle, forKey: .principle)
        try container.encode(reason.outcome, forKey: .outcome)
        try container.encode(reason.softened, forKey: .softened)
        try container.encode(reason.count, forKey: .count)
        try container.encode(reason.window, forKey: .window)
        try container.encode(
            reason.entries.map {
                EntryJSON(file: $0.file, line: $0.line, date: $0.date, quote: $0.quote, tags: $0.tags)
            },
            forKey: .entries)
        try container.encode(reason.nextThreshold, forKey: .nextThreshold)
        try container.encode(reason.advice, forKey: .advice)
        try container.encode(reason.summary, forKey: .summary)
    }
}
