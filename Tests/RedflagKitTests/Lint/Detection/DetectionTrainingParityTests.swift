import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagLint

/// The user's model (naive Bayes and the phrases they taught) is the same, bit for bit, as the one
/// main's batch training made before training became incremental: its fingerprint (every class,
/// feature id, name, count, log probability and lift), its evidence for every training text and the
/// trained detector's suggestions are compared with `Snapshots/detector/naive-bayes-training.txt`,
/// recorded with main's code (commit "Detector: fingerprint of the user's model, recorded"). The
/// suggestions also depend on the shipped model: when `detector.bin` changes, only the `suggestions`
/// lines may change on re-recording (they did with the 11w model; every fingerprint and evidence line held).
@Suite("Detection: incremental training gives main's model bit for bit")
struct DetectionTrainingParityTests {
    /// The lines describing one trained detector: sizes, SHA-256 digests and a few readable values.
    static func describe(_ name: String, detector: IncidentDetector, texts: [String]) -> [String] {
        let (model, phrases) = detector.learned
        var lines = ["[\(name)]"]
        guard let model else { return lines + ["no model"] }
        lines.append("classes: \(model.classes.joined(separator: " ")); examples: \(model.size)")
        lines.append("features: \(model.featureCount); model sha256: \(JournalParser.digest(of: model.fingerprint))")
        let taught = phrases.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.append(
            "learned phrases: \(taught.count); sha256: \(JournalParser.digest(of: Array(taught.joined(separator: "\n").utf8)))"
        )
        var evidence: [String] = []
        var suggestions: [String] = []
        for text in texts {
            let tokens = DetectorToken.tokenize(text)
            let stems = NaiveBayesModel.stems(of: tokens)
            let byClass = model.evidence(
                for: tokens, stems: stems, temperature: max(1, Double(tokens.count).squareRoot()))
            evidence.append(
                byClass.sorted { $0.key < $1.key }.map { name, value in
                    let feature = value.feature.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                    return "\(name) \(String(value.score.bitPattern, radix: 16)) \(feature) \(value.support)"
                }.joined(separator: "; "))
            suggestions.append(
                detector.suggestions(for: text).map { suggestion in
                    "\(suggestion.tag) \(suggestion.confidence) \(suggestion.margin) \(suggestion.evidence) "
                        + suggestion.reasons.map { "\($0.feature):\($0.weight)" }.joined(separator: ",")
                }.joined(separator: " | "))
        }
        lines.append(
            "evidence for \(texts.count) texts, sha256: \(JournalParser.digest(of: Array(evidence.joined(separator: "\n").utf8)))"
        )
        lines.append(
            "suggestions, sha256: \(JournalParser.digest(of: Array(suggestions.joined(separator: "\n").utf8)))")
        for (text, line) in zip(texts, evidence).prefix(3) { lines.append("  \(text.prefix(60)) => \(line)") }
        return lines
    }

    /// Lint's training of `journal` (its tagged entries, then the everyday ones) and the texts the
    /// evidence is asked for: every entry's.
    static func lintTraining(_ journal: Journal) -> (IncidentDetector, [String]) {
        let texts = journal.files.flatMap { $0.entries.map(\.text) }.filter { !$0.isEmpty }
        return (LintTraining(journal: journal, detector: IncidentDetector()).trained(), texts)
    }

    @Test("journal-samples, a generated corpus and hand-made sets train the model main trained")
    func sameModel() throws {
        var lines: [String] = []
        let (samples, sampleTexts) = Self.lintTraining(NotesDirectory.load(root: TestPaths.samples.path))
        lines += Self.describe("journal-samples", detector: samples, texts: sampleTexts)
        let corpus = try GeneratedCorpus(seed: "naive-bayes", clients: 12, entriesPerClient: 40)
        defer { corpus.remove() }
        let (generated, generatedTexts) = Self.lintTraining(NotesDirectory.load(root: corpus.notes.path))
        lines += Self.describe("generated corpus", detector: generated, texts: generatedTexts)
        let handMade = DetectionLearningTests.journal
        lines += Self.describe(
            "hand-made", detector: IncidentDetector(training: handMade), texts: handMade.map(\.text))
        // Only some signs tagged: the classes no example names are dropped.
        let fewSigns = handMade.filter { $0.tags.isSubset(of: ["late", "lie"]) }
        lines += Self.describe(
            "two signs and none", detector: IncidentDetector(training: fewSigns), texts: handMade.map(\.text))
        Golden.assertMatches(lines.joined(separator: "\n") + "\n", named: "detector/naive-bayes-training.txt")
    }
}
