import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Files are read and parsed in parallel (`NotesDirectory`); the output must not depend on which
/// thread finished first. Each tree is loaded several times from scratch and the JSON outputs of
/// scan, triage and lint are compared byte for byte, not as sets.
@Suite("Output order does not depend on thread scheduling")
struct OutputOrderTests {
    static let asOf = Make.day("2026-11-29")

    /// scan, triage and lint JSON for one fresh load of `root`.
    static func outputs(_ root: String) throws -> [String: String] {
        let journal = NotesDirectory.load(root: root)
        let policy = try Policy(configuration: journal.configuration)
        let digest = InputDigest.of(journal)
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: digest)
        let triage = Triage(dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: digest)
        let lint = Linter().lint(journal, asOf: asOf)
        return [
            "scan": ScanRenderer.render(journal.entries, format: .json),
            "triage": TriageRenderer.json(triage),
            "lint": JSONReporter().render(lint, options: ReportOptions(root: "notes")),
        ]
    }

    static func assertStable(_ root: String, runs: Int) throws {
        let first = try outputs(root)
        #expect(first.values.allSatisfy { $0.count > 100 }, "every output has content")
        for run in 2...runs {
            let again = try outputs(root)
            for (name, text) in first {
                #expect(again[name] == text, "\(name) differs on load \(run) of \(root)")
            }
        }
    }

    @Test("journal-samples: the same bytes on every load")
    func samples() throws {
        try Self.assertStable(TestPaths.samples.path, runs: 6)
    }

    @Test("a generated corpus of 60 clients: the same bytes on every load")
    func generated() throws {
        let corpus = try GeneratedCorpus(seed: "order", clients: 60, entriesPerClient: 12)
        defer { corpus.remove() }
        try Self.assertStable(corpus.notes.path, runs: 4)
    }
}
