import RedflagCore
import RedflagJournal

/// A sign suggested for an untagged entry.
public struct IncidentSuggestion: Hashable, Sendable, Codable {
    /// One feature behind a suggestion and how much it added to the sign's log-odds (`--explain`).
    public struct Reason: Hashable, Sendable, Codable {
        /// The feature as the user wrote it (a word, a pair of words), or what it is ("lexicon “…”").
        public var feature: String
        public var weight: Double

        public init(feature: String, weight: Double) {
            self.feature = feature
            self.weight = weight
        }
    }

    /// The canonical sign tag, without `#` (`late`, `changed-mind`).
    public var tag: String
    /// How sure the detector is that the entry is an incident, 0...1.
    public var confidence: Double
    /// The phrase of the entry that triggered the suggestion, as written.
    public var evidence: String
    /// How clearly this sign wins over the runner-up, 0...1: (p₁ − p₂) / (p₁ + p₂) of the two most
    /// likely signs; 1 when no other sign is in sight. `--fix` adds only clear first choices.
    public var margin: Double = 1
    /// The features that argued most for the sign, strongest first.
    public var reasons: [Reason] = []

    public init(tag: String, confidence: Double, evidence: String) {
        self.tag = tag
        self.confidence = confidence
        self.evidence = evidence
    }
}
