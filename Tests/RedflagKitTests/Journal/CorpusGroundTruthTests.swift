import Foundation
import RedflagKit
import Testing

/// Generates a corpus with scripts/gencorpus.py (fixed seed) and checks every tag's line and column
/// against its ground-truth manifest, and that nothing else is reported as a tag.
@Suite("Generated corpus ground truth")
struct CorpusGroundTruthTests {
    struct ManifestFile: Decodable {
        var path: String
        var crlf: Bool
        var tags: [[ManifestValue]]
    }

    enum ManifestValue: Decodable, Hashable {
        case number(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    @Test(arguments: ["seed-1", "seed-2"])
    func everyTagMatchesTheManifest(seed: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notes = directory.appendingPathComponent("notes")
        let manifest = directory.appendingPathComponent("manifest.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.repositoryRoot.appendingPathComponent("scripts/gencorpus.py").path,
            "--out", notes.path, "--clients", "12", "--entries-per-client", "60", "--seed", seed,
            "--crlf-rate", "0.2", "--manifest", manifest.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gencorpus.py failed")

        var expected = Set<String>()
        var sawCRLF = false
        for line in try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n") {
            let file = try JSONDecoder().decode(ManifestFile.self, from: Data(line.utf8))
            sawCRLF = sawCRLF || file.crlf
            for tag in file.tags {
                guard case let .number(line)? = tag.first, case let .number(column) = tag[1],
                    case let .text(name) = tag[2]
                else { continue }
                expected.insert("\(file.path):\(line):\(column):\(name)")
            }
        }
        let journal = NotesDirectory.load(root: notes.path)
        let found = Set(
            journal.files.flatMap { file in
                file.entries.flatMap { entry in
                    entry.tags.filter { tag in !file.fields.tags.contains { $0.raw == tag.raw && $0.line == tag.line } }
                        .map { "\(file.path):\($0.line):\($0.column):\($0.raw)" }
                }
            })
        #expect(expected.count > 200)
        #expect(sawCRLF)
        #expect(expected.subtracting(found).sorted().prefix(10) == [])
        #expect(found.subtracting(expected).sorted().prefix(10) == [])
    }
}
