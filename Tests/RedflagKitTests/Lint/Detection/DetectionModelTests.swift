import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector

/// The shipped model: it loads, stays small, and Swift inference gives the probabilities the
/// training script computed (`scripts/train-detector.py` writes `Fixtures/detector-parity.jsonl`).
@Suite("Detection: the shipped model")
struct DetectionModelTests {
    @Test("the bundled model loads, with none and the nine text signs, and is a few MB at most")
    func loads() throws {
        let model = try #require(IncidentModel.standard)
        #expect(model.classes.first == "none")
        #expect(Set(model.classes.dropFirst()) == Set(Vocabulary.signs))
        let url = try #require(IncidentModel.bundledURL)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 3_000_000)
    }

    @Test("a damaged model file is refused, not a crash")
    func damaged() throws {
        let url = try #require(IncidentModel.bundledURL)
        let data = try Data(contentsOf: url)
        #expect(IncidentModel(data: data.prefix(data.count / 2)) == nil)
        #expect(IncidentModel(data: Data("RFDM".utf8)) == nil)
        #expect(IncidentModel(data: Data()) == nil)
    }

    @Test("Swift inference reproduces the training script's probabilities")
    func parity() throws {
        let base = try #require(Bundle.module.resourceURL)
        let text = try String(
            contentsOf: base.appendingPathComponent("Fixtures/detector-parity.jsonl"), encoding: .utf8)
        let detector = IncidentDetector()
        var checked = 0
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let entry = try #require(object["text"] as? String)
            let expected = try #require(object["p"] as? [String: Double])
            let actual = detector.modelProbabilities(for: entry)
            for (name, probability) in expected {
                let value = try #require(actual[name])
                #expect(abs(value - probability) < 1e-3, "\(name) for \(entry): \(value) vs \(probability)")
            }
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test("--explain's reasons name the words behind a finding")
    func reasons() throws {
        let best = try #require(
            IncidentDetector().suggestions(for: "Invoice 2211 still not paid, 45 days overdue.").first)
        #expect(best.tag == "late")
        #expect(!best.reasons.isEmpty)
        #expect(best.reasons.map(\.weight) == best.reasons.map(\.weight).sorted(by: >) || best.reasons.count > 1)
    }
}
