import RedflagCore
import RedflagJournal

/// An entry's text with the sign tags a person gave it: training data for the detector (the user's
/// tagged entries) and the unit of the evaluation set.
public struct LabeledText: Hashable, Sendable {
    package var text: String
    /// Canonical incident tags; empty means "not an incident".
    package var tags: Set<String>
    /// ISO language code (`en`, `ru`) when known; only used to break evaluation figures down.
    package var language: String?
    /// What kind of entry a labelled set says it is (`incident`, `near-miss`, `negation`,
    /// `hypothetical`, `someone-else`, `own-mistake`, `everyday`), when it says; only used to break
    /// evaluation figures down.
    package var kind: String?

    public init(text: String, tags: Set<String>, language: String? = nil, kind: String? = nil) {
        self.text = text
        self.tags = tags
        self.language = language
        self.kind = kind
    }
}
