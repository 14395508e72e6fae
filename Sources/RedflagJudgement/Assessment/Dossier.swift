import RedflagCore
import RedflagJournal

/// Everything one client's dossier shows: the timeline, its assessment, and what pins the verdict.
///
/// A pure value built from the outputs of `Timeline` and `Policy`; the renderers
/// (`DossierMarkdownRenderer`, `DossierHTMLRenderer`, `DossierJSONRenderer`) only format it.
public struct Dossier: Hashable, Sendable {
    /// Facts about the client from its front matter.
    public var client: Client
    public var timeline: Timeline
    /// The timeline without the incidents that closings closed (`Policy.openTimeline`): the same
    /// as `timeline` when nothing was closed.
    public var openTimeline: Timeline
    public var assessment: Assessment
    /// `Policy.digest` of the policy that judged.
    public var policyDigest: String
    /// `InputDigest.of(journal)` of the notes that were read.
    public var inputDigest: String
    /// The day of the judgement.
    public var asOf: CalendarDate
    /// The score at each month end of the last 12 months, oldest first (`Policy.scoreHistory`).
    public var scoreHistory: [ScorePoint]
    /// The fingerprints of the cited files and entries, when the notes were at hand
    /// (`EvidenceManifest`; `Workspace.judge` sets it).
    public var evidence: EvidenceManifest?

    public init(
        timeline: Timeline, assessment: Assessment, policyDigest: String, inputDigest: String,
        scoreHistory: [ScorePoint] = [], evidence: EvidenceManifest? = nil, openTimeline: Timeline? = nil
    ) {
        client = timeline.client
        self.timeline = timeline
        self.openTimeline = openTimeline ?? timeline
        self.assessment = assessment
        self.policyDigest = policyDigest
        self.inputDigest = inputDigest
        asOf = timeline.asOf
        self.scoreHistory = scoreHistory
        self.evidence = evidence
    }

    /// The dossier of every timeline under `policy`, in the order given.
    public static func all(_ timelines: [Timeline], policy: Policy, inputDigest: String) -> [Dossier] {
        let digest = policy.digest
        return timelines.map { timeline in
            let assessment = policy.assess(timeline)
            return Dossier(
                timeline: timeline, assessment: assessment, policyDigest: digest, inputDigest: inputDigest,
                scoreHistory: policy.scoreHistory(timeline, current: assessment),
                openTimeline: assessment.closures.contains(where: \.applied) ? policy.openTimeline(timeline) : nil)
        }
    }

    /// Every entry the dossier cites: the evidence of its reasons and noted signs, and its closings
    /// with what they closed.
    public var citedEntries: [CitedEntry] {
        let assessment = assessment
        return (assessment.reasons + assessment.noted).flatMap(\.entries)
            + assessment.closures.flatMap { [$0.entry] + $0.closed }
    }

    /// Dated entries, newest month first: each month (`YYYY-MM`) with its entries in date order.
    public var months: [(month: String, entries: [TimelineEntry])] {
        var order: [String] = []
        var byMonth: [String: [TimelineEntry]] = [:]
        for entry in timeline.entries {
            guard let key = entry.entry.date?.monthKey else { continue }
            if byMonth[key] == nil { order.append(key) }
            byMonth[key, default: []].append(entry)
        }
        return order.reversed().map { (month: $0, entries: byMonth[$0] ?? []) }
    }

    /// The anchor id of an entry in HTML dossiers: `e-<file slug>-<line>`.
    public static func anchor(file: String, line: Int) -> String { "e-\(Slug.make(file))-\(line)" }

    /// The total count of each incident sign, in SIGNS.md order, leaving out signs never seen.
    public var signTotals: [(sign: String, count: Int)] {
        Vocabulary.signs.compactMap { sign in
            let count = timeline.tagCounts.first { $0.tag == sign && $0.subtype == nil }?.count ?? 0
            return count > 0 ? (sign: sign, count: count) : nil
        }
    }
}
