import RedflagCore
import RedflagJournal

/// The phrases that make the detector think an entry describes one of the signs.
///
/// Shape: `cues[sign][language]` is a list of `IncidentCue` (a pattern and a weight), and
/// `exclusions[sign][language]` a list of patterns for false friends ("the lie of the land",
/// "late night", "food court"): a cue match that overlaps an exclusion match is ignored. Languages
/// are ISO codes (`en`, `ru`); every language's phrases are tried on every entry, so mixed notes work.
///
/// `counterEvidence[sign][language]` lists patterns that argue against a sign anywhere in the entry
/// ("paid in full", "before signing", "по двойной ставке"): when one matches, that sign's lexical
/// confidence is multiplied by `counterEvidenceFactor`. `precedence[sign]` lists the more general
/// signs a more specific one outranks (a competitor's price used to pay less is `competitor`, not
/// `dispute`): when the specific sign reaches `precedenceLevel`, the general ones are halved.
///
/// `personal` lists the signs where a first-person subject just before the phrase means the user
/// describes themselves, not the client ("I was late to the call"); `ignored-advice` and `legal`
/// are not in it ("I told them not to...", "we could be liable").
public struct IncidentLexicon: Hashable, Sendable {
    /// sign → language → phrases.
    var cues: [String: [String: [IncidentCue]]]
    /// sign → language → patterns that cancel overlapping cue matches.
    var exclusions: [String: [String: [String]]]
    /// sign → language → patterns that argue against the sign anywhere in the entry.
    var counterEvidence: [String: [String: [String]]]
    /// specific sign → general signs it outranks.
    var precedence: [String: [String]]
    /// Signs to which first-person suppression applies.
    var personal: Set<String>

    /// The lexical confidence at which a specific sign outranks the general ones (halving them).
    static let precedenceLevel = 0.7
    /// What counter-evidence leaves of a sign's lexical confidence.
    static let counterEvidenceFactor = 0.35

    init(
        cues: [String: [String: [IncidentCue]]], exclusions: [String: [String: [String]]] = [:],
        counterEvidence: [String: [String: [String]]] = [:], precedence: [String: [String]] = [:],
        personal: Set<String> = []
    ) {
        self.cues = cues
        self.exclusions = exclusions
        self.counterEvidence = counterEvidence
        self.precedence = precedence
        self.personal = personal
    }

    /// The signs the lexicon knows, in `Vocabulary.signs` order, then any others sorted.
    var signs: [String] {
        let known = Vocabulary.signs.filter { cues[$0] != nil }
        return known + cues.keys.filter { !Vocabulary.signs.contains($0) }.sorted()
    }

    /// This lexicon plus user phrases, `[sign: [language: [phrase]]]`, each with `weight`.
    func adding(_ phrases: [String: [String: [String]]], weight: Double = IncidentCue.defaultUserWeight)
        -> IncidentLexicon
    {
        adding(cues: phrases.mapValues { $0.mapValues { $0.map { IncidentCue($0, weight: weight) } } })
    }

    /// This lexicon plus user cues, `[sign: [language: [cue]]]`.
    func adding(cues extra: [String: [String: [IncidentCue]]]) -> IncidentLexicon {
        var copy = self
        for (sign, languages) in extra {
            for (language, list) in languages {
                copy.cues[sign, default: [:]][language, default: []].append(contentsOf: list)
            }
        }
        return copy
    }

    /// This lexicon plus user exclusions, `[sign: [language: [pattern]]]`.
    func adding(exclusions extra: [String: [String: [String]]]) -> IncidentLexicon {
        var copy = self
        for (sign, languages) in extra {
            for (language, list) in languages {
                copy.exclusions[sign, default: [:]][language, default: []].append(contentsOf: list)
            }
        }
        return copy
    }
}
