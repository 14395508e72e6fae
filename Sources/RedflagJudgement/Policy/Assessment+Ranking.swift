import RedflagCore
import RedflagJournal

extension Assessment {
    /// Triage order, most at risk first: verdict (fire, watch, keep), then score (high first), then
    /// client id (ascending) so ties are stable.
    public static func riskOrder(_ lhs: Assessment, _ rhs: Assessment) -> Bool {
        if lhs.verdict != rhs.verdict { return lhs.verdict > rhs.verdict }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        return lhs.client < rhs.client
    }
}

extension Policy {
    /// Assesses every timeline and returns the assessments in `Assessment.riskOrder`.
    public func assessAll(_ timelines: [Timeline]) -> [Assessment] {
        timelines.map(assess).sorted(by: Assessment.riskOrder)
    }
}
