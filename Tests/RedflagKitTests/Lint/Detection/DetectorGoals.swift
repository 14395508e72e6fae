import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagLint

/// The goals for the detector, checked on a labelled JSON Lines set: the helper behind the
/// blind-set guard. Each entry is scored on its own (the finding belongs to exactly that entry), by
/// the shipped detector without any user training, at the reporting threshold.
///
/// Use it on a set nobody tuned on, e.g. the frozen blind set:
///
///     let result = try DetectorGoals.measure(fixture: "blind-3")
///     DetectorGoals.expect(result, DetectorGoals())
struct DetectorGoals {
    var precision = 0.90
    var f1 = 0.85
    /// Recall per language (`en`, `ru`).
    var languageRecall = 0.80
    /// Share of `near-miss` entries flagged, at most.
    var nearMissFlagged = 0.10
    /// Share of detected incidents with the right suggested tag, at least.
    var tagAccuracy = 0.90
    var threshold = LintConfiguration.defaultReportThreshold

    /// The labelled set `Fixtures/lint-eval/NAME.jsonl` of the test bundle.
    static func fixture(_ name: String) throws -> [LabeledText] {
        let base = try #require(Bundle.module.resourceURL)
        let url = base.appendingPathComponent("Fixtures/lint-eval/\(name).jsonl")
        return try LabeledText.parseJSONLines(String(contentsOf: url, encoding: .utf8))
    }

    /// A labelled set at `path`, relative to the repository.
    static func repositoryFile(_ path: String) throws -> [LabeledText] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try LabeledText.parseJSONLines(String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
    }

    /// The detector's figures on `examples`, one prediction per entry.
    static func measure(
        _ examples: [LabeledText], threshold: Double = LintConfiguration.defaultReportThreshold
    ) -> DetectorEvaluation {
        DetectorEvaluation.evaluate(IncidentDetector(), on: examples, threshold: threshold)
    }

    static func measure(
        fixture name: String, threshold: Double = LintConfiguration.defaultReportThreshold
    ) throws -> DetectorEvaluation {
        measure(try fixture(name), threshold: threshold)
    }

    /// Records an issue for every goal `result` misses; the report is in each message.
    static func expect(
        _ result: DetectorEvaluation, _ goals: DetectorGoals, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let report = result.render(title: "goals")
        #expect(result.detection.precision >= goals.precision, "precision\n\(report)", sourceLocation: sourceLocation)
        #expect(result.detection.f1 >= goals.f1, "F1\n\(report)", sourceLocation: sourceLocation)
        for language in ["en", "ru"] {
            guard let counts = result.languages[language], counts.truePositives + counts.falseNegatives > 0 else {
                continue
            }
            #expect(
                counts.recall >= goals.languageRecall, "\(language) recall\n\(report)", sourceLocation: sourceLocation)
        }
        if result.kinds["near-miss"] != nil {
            #expect(
                result.nearMissFlagRate <= goals.nearMissFlagged, "near-misses\n\(report)",
                sourceLocation: sourceLocation)
        }
        #expect(result.tagAccuracy >= goals.tagAccuracy, "tag accuracy\n\(report)", sourceLocation: sourceLocation)
    }
}
