import RedflagCore
import RedflagJournal

/// The judgement of one client as of a day under a policy: verdict, score and reasons.
///
/// Encoded keys: `client`, `asOf`, `verdict`, `score`, `softened`, `summary`, `reasons`, `noted`,
/// `incidents`, `billing`, `billingAssumed`, `policyDigest`.
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
    /// One terse line for every client, keep included, for machines and logs
    /// ("fire: #dispute (fire), #late (watch)"); outputs for people word it themselves.
    public var summary: String
    /// Rules that reached *watch* or *fire*, most severe first, then in policy order.
    public var reasons: [Reason]
    /// Rules that counted their sign but stayed below *watch* ("one late payment is noted, not a
    /// sign"), in policy order; their `outcome` is `keep`.
    public var noted: [Reason]
    /// Incidents judged (dated up to `asOf`, or undated): one per tag occurrence.
    public var incidents: Int
    /// The billing the client was judged under: the front matter's, or `fixed` when it gives none.
    public var billing: Billing
    /// True when the front matter gives no `billing:` and the client was judged as fixed price.
    public var billingAssumed: Bool
    /// `Policy.digest` of the policy used.
    public var policyDigest: String
    /// Entries that closed earlier incidents (`#resolved/SIGN`, `#forgiven/SIGN`), in date order,
    /// applied or not: closed incidents are history, never silently dropped.
    public var closures: [Closure]

    public init(
        client: ClientID, asOf: CalendarDate, verdict: Verdict, score: Int, softened: Bool, summary: String,
        reasons: [Reason], noted: [Reason] = [], incidents: Int, billing: Billing = .fixed,
        billingAssumed: Bool = false, policyDigest: String, closures: [Closure] = []
    ) {
        self.client = client
        self.asOf = asOf
        self.verdict = verdict
        self.score = score
        self.softened = softened
        self.summary = summary
        self.reasons = reasons
        self.noted = noted
        self.incidents = incidents
        self.billing = billing
        self.billingAssumed = billingAssumed
        self.policyDigest = policyDigest
        self.closures = closures
    }

    /// How many incidents the applied closings closed, each once (they are left out of `incidents`).
    public var closedIncidents: Int {
        Set(closures.filter(\.applied).flatMap(\.closed).map(\.reference)).count
    }
}
