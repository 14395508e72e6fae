import RedflagCore
import RedflagJournal

/// The lexicon's reading of one text, before any learning (`IncidentDetecting.lexicalScore(for:)`):
/// per sign with a phrase match, the sign's lexical confidence after exclusions, negation,
/// counter-evidence and precedence, and the strongest phrase as written. Training does not change
/// it, so it is computed once per text and reused.
public struct LexicalScore: Hashable, Sendable {
    /// One sign's share of the reading.
    struct Sign: Hashable, Sendable {
        /// Lexical confidence, 0...1.
        var strength: Double
        /// The strongest surviving phrase of the text, as written.
        var evidence: String
    }

    /// Signs with at least one surviving phrase.
    var signs: [String: Sign]
    /// Signs with a phrase that matched but was cancelled (negated, conditional, first person…).
    var cancelled: Set<String> = []
    /// False when the text has no words at all (then nothing is ever suggested).
    var hasWords: Bool
    /// True when the lexicon alone suggests a sign: an untrained detector's suggestions for the
    /// text are not empty.
    public let suggestsSign: Bool
}
