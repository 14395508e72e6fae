import RedflagCore
import RedflagJudgement

/// Every client judged as of one day: the dossiers, most at risk first in `triage`.
public struct Judgement: Sendable {
    public var dossiers: [Dossier]
    public var asOf: CalendarDate
    public var policyDigest: String
    public var inputDigest: String

    /// The dossier of the client with this id.
    public func dossier(for id: ClientID) -> Dossier? {
        dossiers.first { $0.client.id == id }
    }

    /// All clients ranked, most at risk first.
    public var triage: Triage {
        Triage(dossiers, asOf: asOf, policyDigest: policyDigest, inputDigest: inputDigest)
    }
}
