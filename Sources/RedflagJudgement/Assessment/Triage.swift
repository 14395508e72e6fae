import RedflagCore
import RedflagJournal

/// Every client of a notes directory, most at risk first (`Assessment.riskOrder`): the triage view.
public struct Triage: Hashable, Sendable {
    /// One client's line of the triage: all that any triage format shows of the client, so a triage
    /// can be made from rows alone, each kept as its client is judged (`Triage(rows:…)`) and remembered
    /// between runs (the triage cache writes it in its own binary form, `TriageRowCodec`).
    public struct Row: Hashable, Sendable, Codable {
        public var client: Client
        public var assessment: Assessment
        /// Open incidents judged (dated up to as-of, or undated): closed ones left out.
        public var incidents: Int
        /// The latest dated open incident up to as-of: a closed incident is history, not the last one.
        public var lastIncident: CalendarDate?
        /// Incidents that closings closed (`#resolved/SIGN`, `#forgiven/SIGN`), each once.
        public var closedIncidents: Int
        /// Positive entries (`#paid`, `#referral`, `#praise`) up to as-of, one per tag occurrence.
        public var positives: Int
        /// Open incident counts per sign (canonical tag), signs never seen left out, in SIGNS.md order.
        public var signTotals: [Timeline.TagCount]
        /// The score at each month end of the last 12 months, oldest first.
        public var scoreHistory: [ScorePoint]

        public init(
            client: Client, assessment: Assessment, incidents: Int, lastIncident: CalendarDate?, closedIncidents: Int,
            positives: Int, signTotals: [Timeline.TagCount], scoreHistory: [ScorePoint]
        ) {
            self.client = client
            self.assessment = assessment
            self.incidents = incidents
            self.lastIncident = lastIncident
            self.closedIncidents = closedIncidents
            self.positives = positives
            self.signTotals = signTotals
            self.scoreHistory = scoreHistory
        }

        public init(_ dossier: Dossier) {
            client = dossier.client
            assessment = dossier.assessment
            incidents = dossier.assessment.incidents
            // Closed incidents are history: the row counts and dates open ones only.
            lastIncident = dossier.openTimeline.lastIncident
            closedIncidents = dossier.assessment.closedIncidents
            positives = dossier.timeline.positives.count
            scoreHistory = dossier.scoreHistory
            signTotals = Vocabulary.signs.compactMap { sign in
                dossier.openTimeline.tagCounts.first { $0.tag == sign && $0.subtype == nil && $0.count > 0 }
            }
        }

        /// The reasons that decide the verdict (not softened), most severe first.
        public var topReasons: [Reason] { assessment.reasons.filter { !$0.softened } }
    }

    public var asOf: CalendarDate
    public var policyDigest: String
    public var inputDigest: String
    /// Most at risk first.
    public var rows: [Row]

    public init(_ dossiers: [Dossier], asOf: CalendarDate, policyDigest: String, inputDigest: String) {
        self.asOf = asOf
        self.policyDigest = policyDigest
        self.inputDigest = inputDigest
        rows = dossiers.sorted { Assessment.riskOrder($0.assessment, $1.assessment) }.map(Row.init)
    }

    /// The triage of `rows` given in the journal's client order (by id), ranked as `init(_:asOf:…)`
    /// ranks dossiers: the same rows in the same order as judging every client at once.
    public init(rows: [Row], asOf: CalendarDate, policyDigest: String, inputDigest: String) {
        self.asOf = asOf
        self.policyDigest = policyDigest
        self.inputDigest = inputDigest
        self.rows = rows.sorted { Assessment.riskOrder($0.assessment, $1.assessment) }
    }

    /// How many clients have each verdict.
    public func count(_ verdict: Verdict) -> Int { rows.filter { $0.assessment.verdict == verdict }.count }
}
