import RedflagCore
import RedflagJournal

/// The recommended decision about a client: keep < watch < fire.
public enum Verdict: String, Hashable, Comparable, Sendable, Codable, CaseIterable {
    /// Nothing (or nothing any more) calls for attention.
    case keep
    /// A sign has appeared: keep records, set limits, look again.
    case watch
    /// A sign has crossed its threshold: end the relationship (collect what is owed first).
    case fire

    private var rank: Int {
        switch self {
        case .keep: 0
        case .watch: 1
        case .fire: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
