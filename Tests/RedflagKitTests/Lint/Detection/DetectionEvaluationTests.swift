import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Detection: evaluation metrics and the labelled set")
struct DetectionEvaluationTests {
    @Test("metrics on a tiny hand-checked set")
    func tinySet() throws {
        let examples = [
            LabeledText(text: "a", tags: ["late"], language: "en"),  // detected, right tag
            LabeledText(text: "b", tags: ["late"], language: "en"),  // detected, wrong tag (lie)
            LabeledText(text: "c", tags: ["lie"], language: "ru"),  // below threshold: missed
            LabeledText(text: "d", tags: [], language: "en"),  // false positive (late)
            LabeledText(text: "e", tags: [], language: "ru"),  // correctly silent
        ]
        let predictions: [IncidentSuggestion?] = [
            IncidentSuggestion(tag: "late", confidence: 0.9, evidence: "a"),
            IncidentSuggestion(tag: "lie", confidence: 0.6, evidence: "b"),
            IncidentSuggestion(tag: "lie", confidence: 0.4, evidence: "c"),
            IncidentSuggestion(tag: "late", confidence: 0.7, evidence: "d"),
            nil,
        ]
        let result = DetectorEvaluation.score(examples, predictions: predictions, threshold: 0.5)
        // Detection: TP a, b; FP d; FN c.
        #expect(result.detection == DetectorEvaluation.Counts(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(abs(result.detection.precision - 2.0 / 3.0) < 1e-9)
        #expect(abs(result.detection.recall - 2.0 / 3.0) < 1e-9)
        #expect(abs(result.detection.f1 - 2.0 / 3.0) < 1e-9)
        #expect(result.detectedIncidents == 2 && result.correctTags == 1)
        #expect(result.tagAccuracy == 0.5)
        let late = try #require(result.signs.first { $0.sign == "late" })
        // late: suggested for a (TP) and d (FP); labelled a, b: b is a FN.
        #expect(late.counts == DetectorEvaluation.Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(late.support == 2 && late.detected == 2 && late.correctTag == 1)
        let lie = try #require(result.signs.first { $0.sign == "lie" })
        // lie: suggested for b (FP, labelled late); labelled c, missed: FN.
        #expect(lie.counts == DetectorEvaluation.Counts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(lie.detectionRecall == 0)
        #expect(
            result.languages["en"] == DetectorEvaluation.Counts(truePositives: 2, falsePositives: 1, falseNegatives: 0))
        #expect(
            result.languages["ru"] == DetectorEvaluation.Counts(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(result.render(title: "tiny").contains("precision 0.667  recall 0.667"))
    }

    @Test("empty counts give 0, not NaN")
    func emptyCounts() {
        let counts = DetectorEvaluation.Counts()
        #expect(counts.precision == 0 && counts.recall == 0 && counts.f1 == 0)
    }

    @Test("JSON Lines: tags lose '#', blank lines are skipped, a bad line is named")
    func jsonLines() throws {
        let parsed = try LabeledText.parseJSONLines(
            "{\"text\": \"x\", \"lang\": \"en\", \"tags\": [\"#Late\"]}\n\n{\"text\": \"y\", \"tags\": []}\n")
        #expect(parsed == [LabeledText(text: "x", tags: ["late"], language: "en"), LabeledText(text: "y", tags: [])])
        #expect(
            throws: LabeledText.JSONLinesError(
                line: 2, message: "expected {\"text\": \"...\", \"lang\": \"en\", \"tags\": [...]}")
        ) {
            try LabeledText.parseJSONLines("{\"text\": \"x\", \"tags\": []}\n{\"text\": 1}")
        }
    }

    static func fixture(_ name: String) throws -> [LabeledText] {
        let base = try #require(Bundle.module.resourceURL)
        let url = base.appendingPathComponent("Fixtures/lint-eval/\(name).jsonl")
        return try LabeledText.parseJSONLines(String(contentsOf: url, encoding: .utf8))
    }

    @Test("the evaluation set has the promised shape")
    func setShape() throws {
        let examples = try Self.fixture("eval")
        #expect(examples.count >= 300)
        let incidents = examples.filter { !$0.tags.isEmpty }
        let share = Double(examples.count - incidents.count) / Double(examples.count)
        #expect((0.35...0.45).contains(share))
        let russian = Double(examples.filter { $0.language == "ru" }.count) / Double(examples.count)
        #expect((0.25...0.36).contains(russian))
        for sign in Vocabulary.signs {
            #expect(incidents.filter { $0.tags.contains(sign) }.count >= 15, "too few \(sign)")
        }
        let training = try Self.fixture("train")
        #expect(training.count >= 140)
        #expect(Set(training.map(\.text)).isDisjoint(with: Set(examples.map(\.text))))
    }

    @Test("per kind: near-misses flagged are counted as the false-flag rate")
    func kinds() {
        let examples = [
            LabeledText(text: "a", tags: [], language: "en", kind: "near-miss"),
            LabeledText(text: "b", tags: [], language: "en", kind: "near-miss"),
            LabeledText(text: "c", tags: [], language: "ru", kind: "negation"),
            LabeledText(text: "d", tags: ["late"], language: "ru", kind: "incident"),
        ]
        let predictions: [IncidentSuggestion?] = [
            IncidentSuggestion(tag: "late", confidence: 0.9, evidence: "a"), nil, nil,
            IncidentSuggestion(tag: "late", confidence: 0.9, evidence: "d"),
        ]
        let result = DetectorEvaluation.score(examples, predictions: predictions, threshold: 0.5)
        #expect(result.kinds["near-miss"] == DetectorEvaluation.KindFigures(entries: 2, flagged: 1))
        #expect(result.nearMissFlagRate == 0.5)
        #expect(result.kinds["negation"]?.flagged == 0)
        #expect(result.render(title: "k").contains("near-miss false-flag rate: 0.500"))
    }

    /// The held-out part of the authors' data (Data/detector/split/test.jsonl): split off by
    /// `make model` with a fixed seed before training, never trained on, and no rule or weight was
    /// changed after reading its errors. Its figures are reported in docs/detector.md; it is not
    /// blind (its figures were seen), so the blind-set guard is the lead's frozen set.
    @Test("the held-out split of the authors' data (never trained on) stays near its reported figures")
    func heldOutSplit() throws {
        let examples = try DetectorGoals.repositoryFile("Data/detector/split/test.jsonl")
        #expect(examples.count >= 1110)
        let result = DetectorGoals.measure(examples, threshold: 0.5)
        var goals = DetectorGoals()
        // Floors a little under the figures reported in docs/detector.md for the shipped model (issue
        // 11w: batch 3 and per-sign weights, evidence floor) on the 1,110 entries of the three
        // batches' held-out splits (precision 0.910, F1 0.842, recall en 0.766 / ru 0.801,
        // near-misses flagged 0.158, correct tag 0.887 at 0.5).
        goals.precision = 0.88
        goals.f1 = 0.81
        goals.languageRecall = 0.74
        goals.nearMissFlagged = 0.18
        goals.tagAccuracy = 0.86
        DetectorGoals.expect(result, goals)
    }

    /// `blind-4.jsonl`: 360 entries (EN/RU, 216 incidents, 72 near-misses) written on 2026-11-29
    /// from SIGNS.md and the seed article only, by an author who never saw the lexicon, the model or
    /// the training data (`make model` leaves `blind-*` sets out). The shipped model was measured on
    /// it once, after merging (docs/detector.md: precision 0.975, recall 0.736 — en 0.722, ru 0.750 —
    /// near-misses flagged 0.042, correct tag 0.943 at 0.8); nothing was changed after reading it.
    /// The floors sit a little under those figures: a regression guard on wording nobody tuned on.
    @Test("blind-4 (never tuned on, measured once) stays at its measured figures")
    func blindSet() throws {
        let examples = try DetectorGoals.fixture("blind-4")
        #expect(examples.count == 360)
        let result = DetectorGoals.measure(examples)
        var goals = DetectorGoals()
        goals.precision = 0.95
        goals.f1 = 0.80
        goals.languageRecall = 0.70
        goals.nearMissFlagged = 0.07
        goals.tagAccuracy = 0.92
        DetectorGoals.expect(result, goals)
    }

    @Test("the goals helper fails a detector that misses the goals")
    func goalsHelperCanFail() {
        let examples = [
            LabeledText(text: "x", tags: ["late"], language: "en", kind: "incident"),
            LabeledText(text: "y", tags: [], language: "en", kind: "near-miss"),
        ]
        let result = DetectorEvaluation.score(
            examples,
            predictions: [nil, IncidentSuggestion(tag: "late", confidence: 0.9, evidence: "y")], threshold: 0.5)
        withKnownIssue {
            DetectorGoals.expect(result, DetectorGoals())
        }
    }
}
