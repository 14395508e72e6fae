import Foundation
import RedflagCore
import RedflagJournal

/// Decides whether an entry's plain text describes one of the signs, and which.
///
/// Two sources of evidence, combined per sign in log-odds:
/// 1. the lexicon (`IncidentLexicon`): phrase matches that survive exclusions ("the lie of the
///    land"), negation ("did not dispute", "не опоздал"), conditionals ("if they pay late") and, for
///    most signs, a first-person subject ("I was late to the call"); matches combine as independent
///    evidence, 1 − Π(1 − wᵢ) (`lexicalScore(for:)`);
/// 2. a naive Bayes model trained on the user's own tagged entries (`trained(on:)`), whose evidence
///    for a sign (posterior log odds minus prior log odds, clipped to ±4) is added with a weight that
///    grows with the amount of training data (0 without training, full at 100 entries or more).
///
/// `confidence = σ(logit(max(L, 0.1)) + w · D)`: with no training the lexicon alone decides; the user's
/// vocabulary ("ghosted" tagged `#late` again and again) can lift an entry with no lexicon phrase, and
/// an entry unlike any the user tagged with that sign loses confidence.
///
/// Pure and deterministic: no I/O, no clock, no randomness. docs/detector.md explains the whole
/// pipeline.
public struct IncidentDetector: IncidentDetecting {
    /// Suggestions below this confidence are not returned.
    static let minimumConfidence = 0.3
    /// The most that a single hint (a phrase weighing less than 0.5) can give a sign on its own.
    static let hintCeiling = 0.45
    /// The confidence a sign has without any lexicon match, before the trained model speaks.
    static let baseline = 0.1
    /// Training entries with a word, for that word alone to lift a sign with no clear phrase.
    static let learnedSupport = 4.0
    /// Training entries at which the trained model gets its full weight.
    static let fullTrainingSize = 100.0

    let lexicon: IncidentLexicon
    /// `lexicon.signs`, computed once.
    private let signs: [String]
    private let matcher: IncidentMatcher
    private var model: NaiveBayesModel?

    /// A detector with `lexicon` (the built-in one and the user's `lint.lexicon` phrases), not yet
    /// trained: the lexicon alone decides.
    public init(lexicon: IncidentLexicon = .standard) {
        self.lexicon = lexicon
        signs = lexicon.signs
        matcher = IncidentMatcher(lexicon)
        model = nil
    }

    /// A detector with `lexicon`, trained on `training`.
    init(lexicon: IncidentLexicon = .standard, training: [LabeledText]) {
        self = IncidentDetector(lexicon: lexicon).trained(on: training)
    }

    /// A copy that has learned from `examples` (instead of any earlier training). The compiled
    /// lexicon is shared, not compiled again.
    public func trained(on examples: [LabeledText]) -> IncidentDetector {
        var copy = self
        let model = NaiveBayesModel(training: examples, signs: Set(signs))
        copy.model = model.classes.count >= 2 ? model : nil
        return copy
    }

    /// How much the trained model counts, 0...1 (0 without training data).
    var trainingWeight: Double {
        guard let model else { return 0 }
        return min(1, Double(model.size) / IncidentDetector.fullTrainingSize)
    }

    /// Suggestions for one entry's plain text, best first; empty when the entry is not an incident.
    ///
    /// Only suggestions with a confidence of at least `minimumConfidence` are returned; the caller
    /// applies its own reporting threshold (e.g. 0.5) and fix threshold (e.g. 0.8).
    public func suggestions(for text: String) -> [IncidentSuggestion] {
        let tokens = DetectorToken.tokenize(text)
        guard !tokens.isEmpty else { return [] }
        let words = tokens.map { Word($0.text.utf8) }
        return combine(lexicalScore(text: text, tokens: tokens, words: words), text: text, tokens: tokens, words: words)
    }

    public func suggestions(for text: String, scored score: LexicalScore) -> [IncidentSuggestion] {
        guard score.hasWords else { return [] }
        // Only the trained model needs the words again.
        guard model != nil else { return combine(score, text: text, tokens: [], words: []) }
        let tokens = DetectorToken.tokenize(text)
        return combine(score, text: text, tokens: tokens, words: tokens.map { Word($0.text.utf8) })
    }

    public func lexicalScore(for text: String) -> LexicalScore {
        let tokens = DetectorToken.tokenize(text)
        return lexicalScore(text: text, tokens: tokens, words: tokens.map { Word($0.text.utf8) })
    }

    /// The lexicon's pass over a text's words: matches, hints, counter-evidence, precedence.
    private func lexicalScore(text: String, tokens: [DetectorToken], words: [Word]) -> LexicalScore {
        guard !tokens.isEmpty else { return LexicalScore(signs: [:], hasWords: false, suggestsSign: false) }
        var strength: [String: Double] = [:]
        var best: [String: IncidentMatcher.Match] = [:]
        var usedCues = Set<Int>()
        let (matches, contradicted) = matcher.effectiveMatches(in: tokens, words: words)
        var hints: [String: [Range<Int>]] = [:]
        for match in matches where usedCues.insert(match.cue).inserted {
            let span = match.start..<match.end
            if match.weight < 0.5 {
                // Hints on the same words count once.
                if hints[match.sign, default: []].contains(where: { $0.overlaps(span) }) { continue }
                hints[match.sign, default: []].append(span)
            }
            strength[match.sign] = 1 - (1 - (strength[match.sign] ?? 0)) * (1 - match.weight)
            if let current = best[match.sign], current.weight >= match.weight { continue }
            best[match.sign] = match
        }
        // A single hint (weight below 0.5) only ever supports a clearer phrase or another hint: alone,
        // it stays below the reporting threshold.
        for (sign, value) in strength where (best[sign]?.weight ?? 0) < 0.5 && (hints[sign]?.count ?? 0) < 2 {
            strength[sign] = min(value, IncidentDetector.hintCeiling)
        }
        for sign in contradicted {
            if let value = strength[sign] { strength[sign] = value * IncidentLexicon.counterEvidenceFactor }
        }
        let lexical = strength
        for (specific, general) in lexicon.precedence where (lexical[specific] ?? 0) >= IncidentLexicon.precedenceLevel
        {
            for sign in general { if let value = strength[sign] { strength[sign] = value * 0.5 } }
        }
        var signs: [String: LexicalScore.Sign] = [:]
        for (sign, match) in best {
            let phrase = String(text[tokens[match.start].range.lowerBound..<tokens[match.end - 1].range.upperBound])
            signs[sign] = LexicalScore.Sign(strength: strength[sign] ?? 0, evidence: phrase)
        }
        let suggestsSign = signs.values.contains {
            IncidentDetector.confidence(lexical: $0.strength, shift: 0) >= IncidentDetector.minimumConfidence
        }
        return LexicalScore(signs: signs, hasWords: true, suggestsSign: suggestsSign)
    }

    /// The lexical score and the trained model's evidence, combined per sign. `tokens` and `words`
    /// may be empty when there is no model.
    private func combine(_ score: LexicalScore, text: String, tokens: [DetectorToken], words: [Word])
        -> [IncidentSuggestion]
    {
        let evidence = model?.evidence(for: tokens, words: words, temperature: temperature(for: tokens)) ?? [:]
        let weight = trainingWeight
        var result: [IncidentSuggestion] = []
        for sign in signs {
            let lexical = score.signs[sign]?.strength ?? 0
            let learned = evidence[sign]
            var shift = weight * min(max(learned?.score ?? 0, -4), 4)
            if shift > 0, lexical < 0.5 {
                // Without a clear phrase, the model may lift a sign only on a word the user tagged
                // that way several times ("ghosted" in five #late entries), not on one or two.
                shift *= min(1, Double(learned?.support ?? 0) / IncidentDetector.learnedSupport)
            }
            let confidence = IncidentDetector.confidence(lexical: lexical, shift: shift)
            guard confidence >= IncidentDetector.minimumConfidence else { continue }
            if let match = score.signs[sign] {
                result.append(IncidentSuggestion(tag: sign, confidence: rounded(confidence), evidence: match.evidence))
            } else if let feature = learned?.feature,
                let phrase = IncidentDetector.phrase(for: feature, in: tokens, text: text)
            {
                result.append(IncidentSuggestion(tag: sign, confidence: rounded(confidence), evidence: phrase))
            }
        }
        return result.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.tag < $1.tag }
    }

    /// `σ(logit(clamp(lexical, baseline, 0.97)) + shift)`.
    static func confidence(lexical: Double, shift: Double) -> Double {
        let start = min(max(lexical, IncidentDetector.baseline), 0.97)
        return 1 / (1 + exp(-(log(start / (1 - start)) + shift)))
    }

    /// The naive Bayes temperature: longer entries have more (correlated) features, so their summed
    /// evidence is damped.
    private func temperature(for tokens: [DetectorToken]) -> Double {
        max(1, Double(tokens.count).squareRoot())
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// The words of the entry behind a learned feature (a stem or a pair of stems), as written.
    static func phrase(for feature: Word, in tokens: [DetectorToken], text: String) -> String? {
        let parts = feature.split(separator: 0x20).map { Word($0) }
        guard !parts.isEmpty, tokens.count >= parts.count else { return nil }
        for start in 0...(tokens.count - parts.count)
        where parts.indices.allSatisfy({ NaiveBayesModel.stem(tokens[start + $0].text) == parts[$0] }) {
            return String(text[tokens[start].range.lowerBound..<tokens[start + parts.count - 1].range.upperBound])
        }
        return nil
    }
}
