import RedflagCore
import RedflagJournal

/// The judgement of one client as of a day under a policy: verdict, score and reasons.
///
/// Encoded keys: `client`, `asOf`, `verdict`, `score`, `softened`, `summary`, `reasons`,
/// `incidents`, `policyDigest`.
public struct Assessment: Hashable, Sendable, Codable {
    /// The client's id.
    public var client: ClientID
    public var asOf: CalendarDate
    /// The most severe outcome among the reasons that were not softened.
    public var verdict: Verdict
    /// 0–100, for ranking clients: higher means the relationship costs more (see docs/policy.md).
    public var score: Int
    /// True when positive context softened at least one *watch* (and so, maybe, the verdict).
    public var softened: Bool
    /// One line for every client, keep included ("No sign reached its threshold: ...").
    public var summary: String
    /// Rules that reached *watch* or *fire*, most severe first, then in policy order.
    public var reasons: [Reason]
    /// Incidents judged (dated up to `asOf`, or undated).
    public var incidents: Int
    /// `Policy.digest` of the policy used.
    public var policyDigest: String

    public init(
        client: ClientID, asOf: CalendarDate, verdict: Verdict, score: Int, softened: Bool, summary: String,
        reasons: [Reason], incidents: Int, policyDigest: String
    ) {
        self.client = client
        self.asOf = asOf
        self.verdict = verdict
        self.score = score
        self.softened = softened
        self.summary = summary
        self.reasons = reasons
        self.incidents = incidents
        self.policyDigest = policyDigest
    }
}
