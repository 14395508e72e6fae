import Foundation
import RedflagTestSupport
import Testing

/// A notes directory made by scripts/gencorpus.py (deterministic for a seed), with its manifest.
struct GeneratedCorpus {
    /// One line of the manifest: a file's tags and untagged incidents.
    struct ManifestFile: Decodable {
        var path: String
        var crlf: Bool
        var tags: [[ManifestValue]]
        var untagged: [[ManifestValue]]
    }

    /// A manifest cell: gencorpus writes `[line, column, "name"]` and `[line, "sign"]` arrays.
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

        var number: Int? { if case let .number(value) = self { value } else { nil } }
        var text: String? { if case let .text(value) = self { value } else { nil } }
    }

    let directory: URL
    var notes: URL { directory.appendingPathComponent("notes") }
    let manifest: [ManifestFile]

    /// Generates a corpus into a new temporary directory; `remove()` deletes it.
    init(seed: String, clients: Int, entriesPerClient: Int, crlfRate: Double = 1.0 / 30) throws {
        directory = try TestPaths.temporaryDirectory()
        let manifestURL = directory.appendingPathComponent("manifest.jsonl")
        let python = try #require(Subprocess.find(["python3"]), "python3 is needed: run make test")
        let result = try Subprocess.run(
            python,
            [
                TestPaths.repositoryRoot.appendingPathComponent("scripts/gencorpus.py").path,
                "--out", directory.appendingPathComponent("notes").path, "--clients", String(clients),
                "--entries-per-client", String(entriesPerClient), "--seed", seed, "--crlf-rate", String(crlfRate),
                "--manifest", manifestURL.path,
            ])
        try #require(result.status == 0, "gencorpus.py failed: \(result.stderrText)")
        manifest = try String(contentsOf: manifestURL, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(ManifestFile.self, from: Data($0.utf8))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
