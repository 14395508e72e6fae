import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagKit
@testable import RedflagOutput

/// Output written piece by piece: the triage JSON a client at a time is the document `JSONEncoder`
/// makes of the whole triage, and an output file streamed through `OutputFile.stream` appears whole
/// or not at all.
@Suite("Streamed output: triage JSON and output files")
struct StreamedOutputTests {
    /// The whole document through one `JSONEncoder`: the reference.
    static func encoded(_ triage: Triage) -> String {
        JSON.encode(TriageRenderer.document(triage, clients: TriageRenderer.clients(triage)), pretty: true) + "\n"
    }

    @Test("triage JSON written a client at a time is the encoder's document, byte for byte")
    func triageJSON() throws {
        let corpus = try GeneratedCorpus(seed: "streamed-json", clients: 15, entriesPerClient: 30)
        defer { corpus.remove() }
        var triages: [Triage] = []
        for root in [TestPaths.samples, TestPaths.fixtures.appendingPathComponent("everything"), corpus.notes] {
            triages.append(try StreamedTriageTests.wholeTriage(root.path))
        }
        // No client; one client with no reason (empty arrays print as blank lines); tricky strings.
        let sample = try #require(triages.first)
        triages.append(Triage(rows: [], asOf: sample.asOf, policyDigest: "p", inputDigest: "i"))
        let dossier = DossierEscapingTests.dossier(name: "\"\u{301} \\ \n\t\u{1}é/", text: "a\r\nb")
        triages.append(Triage([dossier], asOf: sample.asOf, policyDigest: "\"", inputDigest: "/"))
        for triage in triages {
            var pieces: [String] = []
            TriageRenderer.writeJSON(triage) { pieces.append($0) }
            #expect(pieces.joined() == Self.encoded(triage))
            #expect(Array(TriageRenderer.json(triage).utf8) == Array(Self.encoded(triage).utf8))
            // The opening, one piece per client, the closing (or the whole document when empty).
            #expect(pieces.count == (triage.rows.isEmpty ? 1 : triage.rows.count + 2))
        }
    }

    @Test("an output file streamed in pieces appears whole, and is left as it was when writing fails")
    func outputFile() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notes = directory.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: file)
        try OutputFile.stream(to: file.path, notes: notes.path) { write in
            for piece in ["{", "\"a\" : 1", "", "}\n"] { try write(piece) }
            // Nothing is visible before the end.
            #expect(try String(contentsOf: file, encoding: .utf8) == "old")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"a\" : 1}\n")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try OutputFile.stream(to: file.path, notes: notes.path) { write in
                try write("half")
                throw Stop()
            }
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"a\" : 1}\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["notes", "out.json"])
        // Never inside the notes.
        #expect(throws: RedflagError.self) {
            try OutputFile.stream(to: notes.appendingPathComponent("x.json").path, notes: notes.path) { _ in }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).isEmpty)
    }
}
