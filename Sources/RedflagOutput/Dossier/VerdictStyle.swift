import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

extension Verdict {
    /// A symbol shown next to the verdict's word, so colour is never the only signal.
    public var symbol: String {
        switch self {
        case .keep: "✓"
        case .watch: "⚠"
        case .fire: "✕"
        }
    }

    /// The verdict in capitals, as in tables: `KEEP`, `WATCH`, `FIRE`.
    public var label: String { rawValue.uppercased() }

    /// What the verdict recommends, in one sentence.
    public var recommendation: String {
        switch self {
        case .keep: "Keep the client: no sign has reached its threshold."
        case .watch: "Watch the client: a sign has appeared; keep records, set limits, look again."
        case .fire: "Fire the client: a sign has crossed its threshold. Collect what is owed, then end it."
        }
    }
}
