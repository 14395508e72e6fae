import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a dossier as JSON, schema 1 (docs/dossier.md): deterministic, keys sorted.
///
/// ```
/// {"schema": 1, "asOf", "client": {"id", "name", ...}, "verdict", "score", "softened", "summary",
///  "headline", "plainSummary", "todo", "billingAssumed", "incidents", "reasons": [...],
///  "noted": [...], "statistics": {...}, "timeline": [...], "undated": [...], "policyDigest",
///  "inputDigest"}
/// ```
public enum DossierJSONRenderer {
    public static let schemaVersion = 1

    struct Statistics: Encodable {
        var span: Timeline.Span
        var tagCounts: [Timeline.TagCount]
        var months: [Timeline.MonthCount]
        var windows: [Timeline.WindowCount]
        var trend: Timeline.Trend
        @Nullable var firstIncident: CalendarDate?
        @Nullable var lastIncident: CalendarDate?
        var positives: Int
    }

    struct Document: Encodable {
        var schema: Int
        var asOf: CalendarDate
        var client: Client
        var verdict: Verdict
        var score: Int
        var softened: Bool
        var summary: String
        var headline: String
        var plainSummary: String
        var todo: [String]
        var billingAssumed: Bool
        var incidents: Int
        var reasons: [ReasonJSON]
        var noted: [ReasonJSON]
        var statistics: Statistics
        var timeline: [TimelineEntryJSON]
        var undated: [TimelineEntryJSON]
        var policyDigest: String
        var inputDigest: String
        /// Only when the notes are in git (left out otherwise).
        var provenance: ProvenanceRenderer.JSONValue?
        /// The score at each month end of the last 12 months, oldest first.
        var scoreHistory: [ScorePoint]
        /// Closings (`#resolved/SIGN`, `#forgiven/SIGN`) and what they closed.
        var closures: [ClosureJSON]
        /// The SHA-256 of each cited file and entry (`redflag verify`).
        @Nullable var evidence: EvidenceManifest?
    }

    /// A closing as written in dossier JSON: every key present, `null` when absent.
    struct ClosureJSON: Encodable {
        var kind: String
        @Nullable var sign: String?
        @Nullable var date: CalendarDate?
        var reason: String
        var entry: ReasonJSON.EntryJSON
        var closed: [ReasonJSON.EntryJSON]
        var applied: Bool
        @Nullable var note: String?

        init(_ closure: Closure) {
            kind = closure.kind.tag
            sign = closure.sign
            date = closure.date
            reason = closure.reason
            entry = ReasonJSON.EntryJSON(closure.entry)
            closed = closure.closed.map(ReasonJSON.EntryJSON.init)
            applied = closure.applied
            note = closure.note
        }
    }

    /// The dossier as pretty-printed JSON, ending with a newline.
    /// `provenance`, when given (notes in git), adds the `provenance` key.
    public static func render(_ dossier: Dossier, provenance: Provenance? = nil) -> String {
        let timeline = dossier.timeline
        let assessment = dossier.assessment
        let document = Document(
            schema: schemaVersion, asOf: dossier.asOf, client: dossier.client, verdict: assessment.verdict,
            score: assessment.score, softened: assessment.softened, summary: assessment.summary,
            headline: assessment.verdict.headline,
            plainSummary: PlainWords.summary(assessment, positives: timeline.positives.count),
            todo: PlainWords.todo(assessment), billingAssumed: assessment.billingAssumed,
            incidents: assessment.incidents,
            reasons: assessment.reasons.map { ReasonJSON($0, billing: assessment.billing) },
            noted: assessment.noted.map { ReasonJSON($0, billing: assessment.billing) },
            statistics: Statistics(
                span: timeline.span, tagCounts: timeline.tagCounts, months: timeline.months,
                windows: timeline.windows, trend: timeline.trend, firstIncident: timeline.firstIncident,
                lastIncident: timeline.lastIncident, positives: timeline.positives.count),
            timeline: timeline.entries.map(TimelineEntryJSON.init),
            undated: timeline.undated.map(TimelineEntryJSON.init), policyDigest: dossier.policyDigest,
            inputDigest: dossier.inputDigest, provenance: provenance.map(ProvenanceRenderer.JSONValue.init),
            scoreHistory: dossier.scoreHistory, closures: assessment.closures.map(ClosureJSON.init),
            evidence: dossier.evidence)
        return JSON.encode(document, pretty: true) + "\n"
    }
}
