import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// A reason as written in dossier and triage JSON (schema 1): every key always present, `null`
/// when absent, so consumers can rely on the shape. The machine fields come from the policy;
/// `advice` and `plainSummary` are the words the other formats show (`Advice`, `PlainWords`).
struct ReasonJSON: Encodable, Sendable {
    struct EntryJSON: Encodable, Sendable {
        var file: String
        var line: Int
        @Nullable var date: CalendarDate?
        var quote: String
        var tags: [String]

        init(file: String, line: Int, date: CalendarDate?, quote: String, tags: [String]) {
            self.file = file
            self.line = line
            self.date = date
            self.quote = quote
            self.tags = tags
        }

        init(_ cited: CitedEntry) {
            self.init(file: cited.file, line: cited.line, date: cited.date, quote: cited.quote, tags: cited.tags)
        }
    }

    var rule: String
    var tag: String
    var principle: String
    var outcome: Verdict
    var softened: Bool
    var count: Int
    @Nullable var window: Int?
    var entries: [EntryJSON]
    @Nullable var nextThreshold: NextThreshold?
    @Nullable var advice: String?
    var summary: String
    var plainSummary: String
    /// True while money is owed (`late`, `dispute`; see `Reason.owed`).
    var owed: Bool

    /// `reason` of a client judged under `billing` (the advice for `changed-mind` depends on it).
    init(_ reason: Reason, billing: Billing) {
        rule = reason.rule
        tag = reason.tag
        principle = reason.principle
        outcome = reason.outcome
        softened = reason.softened
        count = reason.count
        window = reason.window
        entries = reason.entries.map {
            EntryJSON(file: $0.file, line: $0.line, date: $0.date, quote: $0.quote, tags: $0.tags)
        }
        nextThreshold = reason.nextThreshold
        advice = Advice.text(for: reason, billing: billing)
        summary = reason.summary
        plainSummary = PlainWords.summary(reason, billing: billing)
        owed = reason.owed
    }
}
