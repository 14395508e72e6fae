import Foundation
import RedflagCore
import RedflagJournal

/// Decides whether an entry's plain text describes one of the signs, and which.
///
/// Three sources of evidence, combined per class in log-odds (docs/detector.md):
/// 1. the lexicon (`IncidentLexicon`): phrase matches that survive exclusions ("the lie of the
///    land"), negation ("did not dispute", "не опоздал"), conditionals ("if they pay late") and, for
///    most signs, a first-person subject ("I was late to the call") (`lexicalScore(for:)`);
/// 2. the shipped model (`IncidentModel`): a multinomial logistic regression over Snowball stems,
///    stem pairs, character n-grams, negation and condition scope, cues across sentences and the
///    lexicon's reading (`DetectorFeatures`), trained on labelled data by `make model`;
/// 3. a naive Bayes model trained on the user's own tagged entries (`trained(on:)`), whose evidence
///    for a sign is added to that sign's log-odds with a weight that grows with the amount of
///    training data: a user's own wording ("ghosted", tagged `#late` twice) becomes a finding.
///
/// The best sign's confidence is the probability that the entry is an incident at all
/// (1 − P(none)); the others' are scaled by their probability relative to the best, and
/// `IncidentSuggestion.margin` says how clearly the best sign wins over the second.
///
/// Pure and deterministic: no I/O, no clock, no randomness.
public struct IncidentDetector: IncidentDetecting {
    /// Suggestions below this confidence are not returned.
    static let minimumConfidence = 0.3
    /// The most that a single hint (a phrase weighing less than 0.5) can give a sign on its own.
    static let hintCeiling = 0.45
    /// The confidence a sign has without any lexicon match, before the trained model speaks.
    static let baseline = 0.1
    /// Training entries with a word, for that word alone to lift a sign with no clear phrase.
    static let learnedSupport = 2.0
    /// Training entries at which the user's model gets its full weight.
    static let fullTrainingSize = 40.0
    /// How much the user's model's evidence counts against the shipped model's: the user's own tags
    /// are the best evidence there is of what their words mean.
    static let learnedScale = 2.5
    /// The most the user's model moves a class's log-odds, either way.
    static let learnedClip = 6.0
    /// How many features `--explain` shows.
    static let explainedFeatures = 5
    /// The evidence floor's defaults (`evidenceFloor`, `evidenceCue`).
    static let defaultEvidenceFloor = 1.2
    static let defaultEvidenceCue = 0.8

    /// The evidence floor: a sign the shipped model suggests counts only when its positive evidence
    /// against `none` from what the entry says — words and their character grams, word pairs, the
    /// lexicon, cues across sentences, the user's tagged entries — still reaches this much log-odds
    /// without its strongest single word or pair. No one generic word ("want", "now") raises a
    /// finding; a lexicon phrase, which is never taken away, can (docs/detector.md).
    package var evidenceFloor = IncidentDetector.defaultEvidenceFloor
    /// The least its strongest single cue (a word or pair, the lexicon, a cue across sentences, the
    /// user's tagged entries) must add: diffuse evidence from many weak words raises no finding.
    package var evidenceCue = IncidentDetector.defaultEvidenceCue

    let lexicon: IncidentLexicon
    /// `lexicon.signs`, computed once.
    let signs: [String]
    private let matcher: IncidentMatcher
    /// The built-in lexicon's matcher when the user added phrases (`lint.lexicon`), else nil: a sign
    /// whose strength the user's phrases raised is reported at least as the lexicon alone would.
    private let builtInMatcher: IncidentMatcher?
    var model: NaiveBayesModel?
    /// Pairs of adjacent stems ("full walrus") that the user tagged with one sign at least
    /// `learnedSupport` times and never wrote in an entry of another class: their own phrases.
    var learnedPhrases: [String: String] = [:]
    /// The shipped model; nil when it is missing (then the lexicon and the user's model decide).
    let shipped: IncidentModel?

    /// A detector with `lexicon` (the built-in one and the user's `lint.lexicon` phrases) and the
    /// shipped model, not yet trained on the user's entries.
    public init(lexicon: IncidentLexicon = .standard) {
        self.init(lexicon: lexicon, model: IncidentModel.standard)
    }

    /// The built-in lexicon, compiled once.
    private static let standardMatcher = IncidentMatcher(.standard)

    /// A detector with `lexicon` and `model` (nil: the lexicon alone).
    init(lexicon: IncidentLexicon, model shipped: IncidentModel?) {
        self.lexicon = lexicon
        signs = lexicon.signs
        let isStandard = lexicon == .standard
        matcher = isStandard ? IncidentDetector.standardMatcher : IncidentMatcher(lexicon)
        builtInMatcher = isStandard ? nil : IncidentDetector.standardMatcher
        model = nil
        self.shipped = shipped
    }

    /// A detector with `lexicon`, trained on `training`.
    init(lexicon: IncidentLexicon = .standard, training: [LabeledText]) {
        self = IncidentDetector(lexicon: lexicon).trained(on: training)
    }

    /// A copy that has learned from `examples` (instead of any earlier training). The compiled
    /// lexicon and the shipped model are shared. The same as adding them one by one, in order, to
    /// `training()` and then `trained(by:)`.
    public func trained(on examples: [LabeledText]) -> IncidentDetector {
        var training = training()
        for example in examples { training.add(example) }
        return trained(by: training)
    }

    /// The stem pairs of examples that only ever appear in entries of one sign, at least
    /// `learnedSupport` times, neither of them a function word.
    struct LearnedPhrases {
        let signs: Set<String>
        /// Sign (or `none`) → stem pair → the number of its entries with the pair.
        private var bySign: [String: [String: Int]] = [:]

        init(signs: Set<String>) { self.signs = signs }

        /// Counts the pairs of one example with sign tags `tags`, given its tokens and their stems.
        mutating func add(tags: Set<String>, tokens: [DetectorToken], stems: [Word]) {
            var pairs = Set<String>()
            for index in tokens.indices.dropFirst() where tokens[index - 1].clause == tokens[index].clause {
                guard !NaiveBayesModel.functionWords.contains(stems[index - 1]),
                    !NaiveBayesModel.functionWords.contains(stems[index])
                else { continue }
                pairs.insert(String(decoding: stems[index - 1] + [0x20] + stems[index], as: UTF8.self))
            }
            let tags = tags.filter(signs.contains)
            for pair in pairs {
                for tag in tags.isEmpty ? [NaiveBayesModel.noneClass] : Array(tags) {
                    bySign[tag, default: [:]][pair, default: 0] += 1
                }
            }
        }

        /// Adds `other`'s counts to these (the result does not depend on the order of examples).
        mutating func append(_ other: LearnedPhrases) {
            for (sign, counts) in other.bySign {
                bySign[sign, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }

        /// Each pair seen `learnedSupport` times with one sign and never in an entry of another class.
        var result: [String: String] {
            var result: [String: String] = [:]
            for (sign, counts) in bySign where sign != NaiveBayesModel.noneClass {
                for (pair, count) in counts where Double(count) >= learnedSupport {
                    let elsewhere = bySign.contains { $0.key != sign && ($0.value[pair] ?? 0) > 0 }
                    if !elsewhere { result[pair] = result[pair] == nil ? sign : "" }
                }
            }
            return result.filter { !$0.value.isEmpty }
        }
    }

    /// The user's model and the phrases they taught, for tests that compare two trainings.
    var learned: (model: NaiveBayesModel?, phrases: [String: String]) { (model, learnedPhrases) }

    /// The confidence a phrase the user taught gives its sign.
    static let learnedPhraseConfidence = 0.85

    /// How much the user's model counts, 0...1 (0 without training data).
    var trainingWeight: Double {
        guard let model else { return 0 }
        return min(1, Double(model.size) / IncidentDetector.fullTrainingSize)
    }

    /// Suggestions for one entry's plain text, best first; empty when the entry is not an incident.
    ///
    /// Only suggestions with a confidence of at least `minimumConfidence` are returned; the caller
    /// applies its own reporting threshold (e.g. 0.5) and fix threshold (e.g. 0.8).
    public func suggestions(for text: String) -> [IncidentSuggestion] {
        suggestions(for: text, scored: lexicalScore(for: text))
    }

    public func suggestions(for text: String, scored score: LexicalScore) -> [IncidentSuggestion] {
        guard score.hasWords else { return [] }
        let tokens = DetectorToken.tokenize(text)
        // Numbers alone ("123", "23:50") say nothing about a client.
        guard tokens.contains(where: { $0.text.unicodeScalars.contains { $0.properties.isAlphabetic } }) else {
            return []
        }
        let stems = tokens.map { SnowballStemmer.stem($0.text) }
        return combine(score, text: text, tokens: tokens, stems: stems)
    }

    public func lexicalScore(for text: String) -> LexicalScore {
        let tokens = DetectorToken.tokenize(text)
        return lexicalScore(text: text, tokens: tokens, words: tokens.map { Word($0.text.utf8) })
    }

    /// The features of `text` as the shipped model reads them (for `RedflagDetectorEval features`).
    package func features(for text: String) -> (indices: [Int32], values: [Float]) {
        let tokens = DetectorToken.tokenize(text)
        let stems = tokens.map { SnowballStemmer.stem($0.text) }
        let vector = DetectorFeatures.extract(
            tokens: tokens, stems: stems, lexical: lexicalScore(for: text), text: text)
        return (vector.indices, vector.values)
    }

    /// The shipped model's class probabilities for `text` (`none` first), without the user's
    /// model: what the training script computes, for the parity test.
    package func modelProbabilities(for text: String) -> [String: Double] {
        guard let shipped else { return [:] }
        let tokens = DetectorToken.tokenize(text)
        let stems = tokens.map { SnowballStemmer.stem($0.text) }
        let vector = DetectorFeatures.extract(
            tokens: tokens, stems: stems, lexical: lexicalScore(for: text), text: text)
        let probabilities = IncidentModel.probabilities(shipped.logits(vector))
        return Dictionary(uniqueKeysWithValues: zip(shipped.classes, probabilities))
    }

    /// The lexicon's pass over a text's words: matches, hints, counter-evidence, precedence.
    private func lexicalScore(
        text: String, tokens: [DetectorToken], words: [Word], matcher given: IncidentMatcher? = nil
    ) -> LexicalScore {
        let matcher = given ?? self.matcher
        guard !tokens.isEmpty else { return LexicalScore(signs: [:], hasWords: false, suggestsSign: false) }
        var strength: [String: Double] = [:]
        var best: [String: IncidentMatcher.Match] = [:]
        var usedCues = Set<Int>()
        let (matches, contradicted, cancelled) = matcher.effectiveMatches(in: tokens, words: words)
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
        var score = LexicalScore(signs: signs, hasWords: true, suggestsSign: suggestsSign)
        score.cancelled = cancelled
        return score
    }

    /// The user's model's evidence for each sign, as a shift of its log-odds: clipped to ±4, weighted
    /// by the amount of training data, and, without a clear lexicon phrase, by the support of its
    /// evidence word (a word the user tagged that way at least `learnedSupport` times).
    private func learnedShifts(_ score: LexicalScore, tokens: [DetectorToken], stems: [String]) -> (
        shifts: [String: Double], evidence: [String: NaiveBayesModel.Evidence]
    ) {
        guard let model else { return ([:], [:]) }
        let evidence = model.evidence(
            for: tokens, stems: stems.map { Word($0.utf8) }, temperature: max(1, Double(tokens.count).squareRoot()))
        let weight = trainingWeight
        var shifts: [String: Double] = [:]
        // `none` too: the user's everyday entries pull entries like them towards "not an incident".
        for sign in signs + [NaiveBayesModel.noneClass] {
            guard let learned = evidence[sign] else { continue }
            var shift =
                weight
                * min(
                    max(IncidentDetector.learnedScale * learned.score, -IncidentDetector.learnedClip),
                    IncidentDetector.learnedClip)
            if shift > 0, (score.signs[sign]?.strength ?? 0) < 0.5 {
                shift *= min(1, Double(learned.support) / IncidentDetector.learnedSupport)
            }
            shifts[sign] = shift
        }
        return (shifts, evidence)
    }

    /// The lexical score, the shipped model and the user's model, combined per sign.
    private func combine(_ score: LexicalScore, text: String, tokens: [DetectorToken], stems: [String])
        -> [IncidentSuggestion]
    {
        let (shifts, evidence) = learnedShifts(score, tokens: tokens, stems: stems)
        guard let shipped else {
            return lexiconOnly(score, shifts: shifts, evidence: evidence, tokens: tokens, text: text)
        }
        var modelled = modelSuggestions(
            score, shipped: shipped, shifts: shifts, evidence: evidence, text: text, tokens: tokens, stems: stems)
        if !learnedPhrases.isEmpty {
            modelled = withLearnedPhrases(modelled, tokens: tokens, stems: stems, text: text)
        }
        guard let builtInMatcher else { return modelled }
        // The user's own phrases: a sign they raised is reported at least as the lexicon alone would.
        let builtIn = lexicalScore(
            text: text, tokens: tokens, words: tokens.map { Word($0.text.utf8) }, matcher: builtInMatcher)
        var result = modelled
        for (sign, reading) in score.signs where reading.strength > (builtIn.signs[sign]?.strength ?? 0) {
            let floor = rounded(IncidentDetector.confidence(lexical: reading.strength, shift: shifts[sign] ?? 0))
            if let index = result.firstIndex(where: { $0.tag == sign }) {
                if result[index].confidence < floor {
                    result[index].confidence = floor
                    result[index].evidence = reading.evidence
                }
            } else if floor >= IncidentDetector.minimumConfidence {
                result.append(IncidentSuggestion(tag: sign, confidence: floor, evidence: reading.evidence))
            }
        }
        return result.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.tag < $1.tag }
    }

    /// `suggestions` with the phrases the user taught: a sign whose phrase the text holds gets at
    /// least `learnedPhraseConfidence`, with that phrase as evidence.
    private func withLearnedPhrases(
        _ suggestions: [IncidentSuggestion], tokens: [DetectorToken], stems: [String], text: String
    ) -> [IncidentSuggestion] {
        var result = suggestions
        for index in tokens.indices.dropFirst() where tokens[index - 1].clause == tokens[index].clause {
            guard let sign = learnedPhrases[stems[index - 1] + " " + stems[index]] else { continue }
            let phrase = String(text[tokens[index - 1].range.lowerBound..<tokens[index].range.upperBound])
            if let position = result.firstIndex(where: { $0.tag == sign }) {
                guard result[position].confidence < IncidentDetector.learnedPhraseConfidence else { continue }
                result[position].confidence = IncidentDetector.learnedPhraseConfidence
                result[position].evidence = phrase
            } else {
                var suggestion = IncidentSuggestion(
                    tag: sign, confidence: IncidentDetector.learnedPhraseConfidence, evidence: phrase)
                suggestion.reasons = [
                    IncidentSuggestion.Reason(feature: "your tagged entries (“\(phrase)”)", weight: 0)
                ]
                result.append(suggestion)
            }
        }
        result.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.tag < $1.tag }
        // The taught sign leads: the runner-up's share decides the margin again.
        if result.count > 1, result[0].margin == 1 || result[0].evidence != suggestions.first?.evidence {
            let first = result[0].confidence
            let second = result[1].confidence
            result[0].margin = rounded((first - second) / max(first + second, 1e-12))
        }
        return result
    }

    /// The shipped model's suggestions, with the user's model's shifts.
    private func modelSuggestions(
        _ score: LexicalScore, shipped: IncidentModel, shifts: [String: Double],
        evidence: [String: NaiveBayesModel.Evidence], text: String, tokens: [DetectorToken], stems: [String]
    ) -> [IncidentSuggestion] {
        let vector = DetectorFeatures.extract(tokens: tokens, stems: stems, lexical: score, text: text)
        var logits = shipped.logits(vector)
        for (column, name) in shipped.classes.enumerated() { logits[column] += shifts[name] ?? 0 }
        let probabilities = IncidentModel.probabilities(logits)
        let incident = 1 - probabilities[0]
        var ranked = shipped.classes.indices.dropFirst().filter { signs.contains(shipped.classes[$0]) }
        ranked.sort { probabilities[$0] > probabilities[$1] }
        guard let first = ranked.first, incident >= IncidentDetector.minimumConfidence else { return [] }
        let best = probabilities[first]
        let second = ranked.count > 1 ? probabilities[ranked[1]] : 0
        let margin = (best - second) / max(best + second, 1e-12)
        var named: DetectorFeatures?
        var result: [IncidentSuggestion] = []
        for column in ranked {
            let confidence = incident * probabilities[column] / best
            guard confidence >= IncidentDetector.minimumConfidence else { break }
            let sign = shipped.classes[column]
            if named == nil {
                named = DetectorFeatures.extract(tokens: tokens, stems: stems, lexical: score, text: text, naming: true)
            }
            let features = named ?? vector
            let contributions = shipped.contributions(features, column: column)
            guard
                IncidentDetector.hasEnoughEvidence(
                    contributions, features: features, learned: shifts[sign] ?? 0, floor: evidenceFloor,
                    cue: evidenceCue)
            else {
                // The confidence is the entry's (1 − P(none)): when the best sign lacks evidence,
                // the runner-up does not inherit it.
                if column == first { return [] }
                continue
            }
            var reasons = contributions.prefix(IncidentDetector.explainedFeatures).filter { $0.value > 0 }.map {
                IncidentSuggestion.Reason(feature: features.name(of: $0.index) ?? "?", weight: rounded($0.value))
            }
            if let shift = shifts[sign], abs(shift) >= 0.05 {
                let word = evidence[sign]?.feature.flatMap { IncidentDetector.phrase(for: $0, in: tokens, text: text) }
                reasons.append(
                    IncidentSuggestion.Reason(
                        feature: "your tagged entries" + (word.map { " (“\($0)”)" } ?? ""), weight: rounded(shift)))
            }
            let phrase: String =
                score.signs[sign]?.evidence
                ?? (shifts[sign] ?? 0 > 0.5
                    ? evidence[sign]?.feature.flatMap { IncidentDetector.phrase(for: $0, in: tokens, text: text) }
                    : nil)
                ?? contributions.lazy.filter { features.isEvidence($0.index) }
                .compactMap { features.name(of: $0.index) }.first ?? String(text[tokens[0].range])
            var suggestion = IncidentSuggestion(
                tag: sign, confidence: rounded(confidence), evidence: IncidentDetector.quoted(phrase, in: text))
            suggestion.margin = column == first ? rounded(margin) : 0
            suggestion.reasons = reasons
            result.append(suggestion)
        }
        return result
    }

    /// Whether a sign has evidence enough from what the entry says (`evidenceFloor`, `evidenceCue`).
    /// Its content evidence is the sum of what the words and their character grams, the word pairs,
    /// the lexicon and the cues across sentences add to the sign against `none` (negative parts
    /// included), plus a positive push from the user's tagged entries, less the strongest single word
    /// or pair; its strongest cue is the largest of that word or pair, the lexicon, a cue across
    /// sentences and the user's push. The entry's shape (length, several sentences) is no evidence.
    static func hasEnoughEvidence(
        _ contributions: [(index: Int32, value: Double)], features: DetectorFeatures, learned: Double,
        floor: Double, cue: Double
    ) -> Bool {
        var content = max(learned, 0)
        var strongest = max(learned, 0)
        var units: [DetectorFeatures.Source: Double] = [:]
        var lexicon = 0.0
        for (index, value) in contributions {
            let source = features.source(of: index)
            switch source {
            case .shape: continue
            case .lexicon, .cue:
                content += value
                lexicon += value
            case .word, .pair: units[source, default: 0] += value
            }
        }
        let top = units.values.max() ?? 0
        content += units.values.reduce(0, +) - max(top, 0)
        strongest = max(strongest, top, lexicon)
        return content >= floor && strongest >= cue
    }

    /// Without the shipped model: the lexicon's confidence, shifted by the user's model.
    private func lexiconOnly(
        _ score: LexicalScore, shifts: [String: Double], evidence: [String: NaiveBayesModel.Evidence],
        tokens: [DetectorToken], text: String
    ) -> [IncidentSuggestion] {
        var result: [IncidentSuggestion] = []
        for sign in signs {
            let confidence = IncidentDetector.confidence(
                lexical: score.signs[sign]?.strength ?? 0, shift: shifts[sign] ?? 0)
            guard confidence >= IncidentDetector.minimumConfidence else { continue }
            if let match = score.signs[sign] {
                result.append(
                    IncidentSuggestion(
                        tag: sign, confidence: rounded(confidence),
                        evidence: IncidentDetector.quoted(match.evidence, in: text)))
            } else if let feature = evidence[sign]?.feature,
                let phrase = IncidentDetector.phrase(for: feature, in: tokens, text: text)
            {
                result.append(
                    IncidentSuggestion(
                        tag: sign, confidence: rounded(confidence), evidence: IncidentDetector.quoted(phrase, in: text))
                )
            }
        }
        return result.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.tag < $1.tag }
    }

    /// `σ(logit(clamp(lexical, baseline, 0.97)) + shift)`.
    static func confidence(lexical: Double, shift: Double) -> Double {
        let start = min(max(lexical, IncidentDetector.baseline), 0.97)
        return 1 / (1 + exp(-(log(start / (1 - start)) + shift)))
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// `phrase` as the text writes it, in whole characters: words are read by Unicode scalars, so a
    /// word's letters can stop before a combining mark ("e" of "e\u{301}"), which a reader, and
    /// `String.contains`, do not see as a part of the text. Widened to the characters it touches;
    /// unchanged when the text holds it whole or does not hold its scalars at all (a stem's name).
    static func quoted(_ phrase: String, in text: String) -> String {
        guard !phrase.isEmpty, !text.contains(phrase) else { return phrase }
        let wanted = Array(phrase.unicodeScalars)
        let scalars = text.unicodeScalars
        guard let start = scalars.indices.first(where: { scalars[$0...].starts(with: wanted) }) else { return phrase }
        let end = scalars.index(start, offsetBy: wanted.count)
        var lower = text.startIndex
        var upper = text.endIndex
        for index in text.indices {
            if index <= start { lower = index }
            if index >= end {
                upper = index
                break
            }
        }
        return String(text[lower..<upper])
    }

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
