import Foundation
import RedflagKit
import Testing

/// `untagged-incident` on a generated journal whose manifest lists every incident left untagged.
///
/// The generator mixes neutral sentences (invoices, drafts, approvals, contracts) into tagged
/// entries, as people do; the detector learns from those tagged entries, so this guards against it
/// learning everyday words as signs.
@Suite("Lint on a generated corpus")
struct LintGeneratedCorpusTests {
    @Test func untaggedIncidentsAreFoundWithoutFlaggingEverydayEntries() throws {
        let corpus = try GeneratedCorpus(seed: "lint-corpus", clients: 20, entriesPerClient: 80)
        defer { corpus.remove() }
        // Manifest: the line of the entry's date (a dated heading, or the list item itself).
        var truth: [String: Set<String>] = [:]
        for file in corpus.manifest {
            for item in file.untagged {
                guard let line = item[0].number, let sign = item[1].text else { continue }
                truth["\(file.path):\(line)", default: []].insert(sign)
            }
        }
        let journal = NotesDirectory.load(root: corpus.notes.path)
        let asOf = CalendarDate(daysSinceEpoch: 21_915)  // 2030-01-01: no entry of the corpus is in the future
        let findings = Linter().lint(journal, asOf: asOf).findings.filter { $0.rule == "untagged-incident" }
        var matched = Set<String>()
        var correctTag = 0
        var spurious: [String] = []
        for finding in findings {
            let lines = finding.entryLines ?? finding.line...finding.line
            // A section entry's date is on its heading, two lines above the paragraph.
            let key = ((lines.lowerBound - 2)...lines.upperBound).map { "\(finding.file):\($0)" }.first {
                truth[$0] != nil
            }
            guard let key else {
                spurious.append("\(finding.file):\(finding.line) \(finding.message)")
                continue
            }
            matched.insert(key)
            if let tag = finding.suggestion?.tag, truth[key]?.contains(tag) == true { correctTag += 1 }
        }
        let precision = Double(findings.count - spurious.count) / Double(max(1, findings.count))
        let recall = Double(matched.count) / Double(max(1, truth.count))
        #expect(truth.count > 60)
        #expect(precision >= 0.8, "precision \(precision); spurious, e.g.: \(spurious.prefix(5))")
        #expect(recall >= 0.85, "recall \(recall) of \(truth.count)")
        #expect(Double(correctTag) / Double(max(1, matched.count)) >= 0.85)
    }
}
