import RedflagCore
import RedflagJournal

/// A sign suggested for an untagged entry.
public struct IncidentSuggestion: Hashable, Sendable, Codable {
    /// The canonical sign tag, without `#` (`late`, `changed-mind`).
    public var tag: String
    /// How sure the detector is, 0...1. At or above 0.8 it is sure enough for `--fix`.
    public var confidence: Double
    /// The phrase of the entry that triggered the suggestion, as written.
    public var evidence: String

    public init(tag: String, confidence: Double, evidence: String) {
        self.tag = tag
        self.confidence = confidence
        self.evidence = evidence
    }
}
