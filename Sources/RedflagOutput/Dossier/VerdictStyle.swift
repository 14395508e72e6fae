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

    /// What the verdict recommends, in one plain sentence (the reasons' advice says what to do first).
    public var recommendation: String {
        switch self {
        case .keep: "Nothing in the notes calls for action."
        case .watch: "A warning sign has appeared: keep notes, hold your limits and look again."
        case .fire: "It is time to end this relationship."
        }
    }

    /// "Fire this client", "Watch this client", "Keep".
    public var headline: String { PlainWords.headline(self) }
}
