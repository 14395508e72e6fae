import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagLint

/// Function words give the model no features of their own, and a sign needs evidence beyond one
/// generic word (docs/detector.md, "How it decides"): the two journal-samples entries the
/// session-5 model flagged from "want" and from "me", "our", "on".
@Suite("Detection: function words and the evidence floor")
struct DetectionEvidenceFloorTests {
    static func features(_ text: String) -> DetectorFeatures {
        let tokens = DetectorToken.tokenize(text)
        return DetectorFeatures.extract(
            tokens: tokens, stems: tokens.map { SnowballStemmer.stem($0.text) },
            lexical: IncidentDetector().lexicalScore(for: text), text: text)
    }

    @Test("function words give no word, character-gram or pair feature; content words do")
    func functionWordsLeftOut() {
        let indices = Set(Self.features("Inés posted about me on Instagram").indices)
        for name in ["w:me", "w:on", "w:about", "c:^me$", "c:^on$", "b:about me", "b:me on"] {
            #expect(!indices.contains(DetectorFeatures.index(of: name)), "\(name) is a feature")
        }
        for name in ["w:post", "w:instagram", "c:^ins", "b:on instagram", "b:post about"] {
            #expect(indices.contains(DetectorFeatures.index(of: name)), "\(name) is missing")
        }
        let russian = Set(Self.features("написала про меня в блоге").indices)
        #expect(!russian.contains(DetectorFeatures.index(of: "w:мен")))
        #expect(russian.contains(DetectorFeatures.index(of: "w:блог")))
    }

    @Test("journal-samples: the floor is what keeps the caption and the profile paragraph silent")
    func floorOnSamples() throws {
        let journal = NotesDirectory.load(root: TestPaths.samples.path)
        let detector = LintTraining(journal: journal, detector: IncidentDetector()).trained()
        var unfloored = detector
        unfloored.evidenceFloor = -100
        unfloored.evidenceCue = -100
        // "Don't \#lie, you want churros" (from "want") and a profile paragraph (from many weak words).
        for location in ["café-olé.md:52", "romashka/profile.md:15"] {
            let entry = try #require(journal.entries.first { "\($0.file):\($0.line)" == location })
            let with = detector.suggestions(for: entry.text).first?.confidence ?? 0
            let without = unfloored.suggestions(for: entry.text).first?.confidence ?? 0
            #expect(with < 0.5, "\(location) flagged at \(with)")
            #expect(without >= 0.8, "\(location): the model alone gives \(without); the floor is not what is tested")
        }
    }

    @Test("a clear incident keeps its finding with the floor")
    func clearIncidentKept() throws {
        let detector = IncidentDetector()
        let late = try #require(detector.suggestions(for: "Invoice 2211 still not paid, 45 days over.").first)
        #expect(late.tag == "late" && late.confidence >= 0.8)
    }
}
