import RedflagCore
import RedflagJournal

/// The recommended decision about a client: keep < watch < fire.
public enum Verdict: String, Hashable, Comparable, Sendable, Codable, CaseIterable {
    /// No rule reached *watch* (or its watch was softened).
    case keep
    /// A rule reached its *watch* threshold.
    case watch
    /// A rule reached its *fire* threshold.
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
