import Foundation
import RedflagKit
import Testing

/// Generates a corpus with scripts/gencorpus.py (fixed seed) and checks every tag's line and column
/// against its ground-truth manifest, and that nothing else is reported as a tag.
@Suite("Generated corpus ground truth")
struct CorpusGroundTruthTests {
    @Test(arguments: ["seed-1", "seed-2"])
    func everyTagMatchesTheManifest(seed: String) throws {
        let corpus = try GeneratedCorpus(seed: seed, clients: 12, entriesPerClient: 60, crlfRate: 0.2)
        defer { corpus.remove() }
        var expected = Set<String>()
        for file in corpus.manifest {
            for tag in file.tags {
                guard let line = tag[0].number, let column = tag[1].number, let name = tag[2].text else { continue }
                expected.insert("\(file.path):\(line):\(column):\(name)")
            }
        }
        let journal = NotesDirectory.load(root: corpus.notes.path)
        let found = Set(
            journal.files.flatMap { file in
                file.entries.flatMap { entry in
                    entry.tags.filter { tag in !file.fields.tags.contains { $0.raw == tag.raw && $0.line == tag.line } }
                        .map { "\(file.path):\($0.line):\($0.column):\($0.raw)" }
                }
            })
        #expect(expected.count > 200)
        #expect(corpus.manifest.contains { $0.crlf })
        #expect(expected.subtracting(found).sorted().prefix(10) == [])
        #expect(found.subtracting(expected).sorted().prefix(10) == [])
    }
}
