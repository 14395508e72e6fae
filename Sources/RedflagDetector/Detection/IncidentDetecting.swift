import RedflagCore
import RedflagJournal

/// What the `untagged-incident` lint rule needs of a detector: the signs an entry's text reads
/// like, and learning from the user's own tagged entries.
///
/// Detection runs in two steps, so that a caller that reads the same text before and after
/// training (lint does: once to choose training examples, once to report) matches the lexicon only
/// once: `lexicalScore(for:)` is the lexicon's reading, which training does not change, and
/// `suggestions(for:scored:)` adds what the trained model says.
public protocol IncidentDetecting: Sendable {
    /// The lexicon's reading of `text`: per sign, its confidence from phrases alone and the phrase
    /// behind it. The same for a detector and any `trained(on:)` copy of it.
    func lexicalScore(for text: String) -> LexicalScore

    /// Suggestions for `text`, whose `lexicalScore(for:)` is `score`, best first; empty when the
    /// text does not read like an incident. Each has the sign's tag, a confidence (0...1; at or
    /// above 0.8 sure enough to add the tag) and the words of the text that are its evidence.
    func suggestions(for text: String, scored score: LexicalScore) -> [IncidentSuggestion]

    /// Suggestions for `text`, as `suggestions(for: text, scored: lexicalScore(for: text))`.
    func suggestions(for text: String) -> [IncidentSuggestion]

    /// A copy of this detector that has also learned from `examples`: the user's entries with the
    /// sign tags they gave them (no tags: "not an incident"), see `LabeledText.training(from:)`.
    func trained(on examples: [LabeledText]) -> Self
}

extension IncidentDetecting {
    public func suggestions(for text: String) -> [IncidentSuggestion] {
        suggestions(for: text, scored: lexicalScore(for: text))
    }
}
