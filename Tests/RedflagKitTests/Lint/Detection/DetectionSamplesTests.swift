import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// The detector on `journal-samples/`, a journal written independently of the detector with known
/// untagged incidents and near-misses (listed in `journal-samples/.expected-verdicts.md`).
@Suite("Detection: journal-samples")
struct DetectionSamplesTests {
    @Test("finds the untagged incidents of journal-samples and nothing else")
    func samples() throws {
        let journal = NotesDirectory.load(root: TestPaths.samples.path)
        let signs = Set(Vocabulary.signs)
        // As `redflag lint` trains it: the tagged entries and the untagged ones the lexicon finds plain.
        let detector = LintTraining(journal: journal, detector: IncidentDetector()).trained()
        var found: [String: String] = [:]
        let untagged = journal.entries.filter { entry in entry.tags.allSatisfy { !signs.contains($0.name) } }
        #expect(untagged.count >= 150, "the samples have many plain untagged entries to stay silent on")
        for entry in untagged {
            if let best = detector.suggestions(for: entry.text).first,
                best.confidence >= LintConfiguration.defaultReportThreshold
            {
                found["\(entry.file):\(entry.line)"] = best.tag
            }
        }
        let expected = [
            "duarte-imoveis.md:70": "late",
            "petrakis.md:55": "unreasonable",
            "weber.md:71": "changed-mind",
            "kessler-bau.md:80": "abuse",
            "helix/2026/2026-06.md:15": "ignored-advice",
            "romashka/2026.md:35": "late",
            "romashka/2026.md:39": "dispute",
        ]
        // Entries whose only sign tag is misspelled (#lei, #changedmind): a suggestion is also correct.
        let alsoCorrect = ["brightwave/2026-05.md:23": "lie", "helix/2026/autumn.md:10": "changed-mind"]
        for (location, tag) in expected {
            #expect(found[location] == tag, "\(location): expected #\(tag), found \(found[location] ?? "nothing")")
        }
        for (location, tag) in found where expected[location] == nil {
            if location == "weber.md:43" {
                // Known false flag of the issue-11 model (docs/detector.md, "remaining errors").
                withKnownIssue { Issue.record("spurious: \(location) → #\(tag)") }
                continue
            }
            #expect(alsoCorrect[location] == tag, "spurious: \(location) → #\(tag)")
        }
    }
}
