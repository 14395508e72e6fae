import Foundation
import RedflagTestSupport
import Testing

/// Provenance in dossiers: where the notes are a git repository (made here with history), each
/// cited entry shows its first commit, and an entry committed long after its date is flagged.
@Suite("Dossier provenance from git", .serialized)
struct ProvenanceTests {
    static let early = "# Acme\n\n## 2026-01-05\n\n- Said the files were sent; they were not. #lie\n"
    static let backdated = early + "\n## 2025-06-01\n\n- Invoice 7 paid 60 days late #late\n"

    /// The lie committed the day after its date; a late payment of 2025 committed on 2026-03-01.
    static func repository() throws -> GitNotes {
        let notes = try GitNotes.make(["acme.md": early], day: "2026-01-06")
        try notes.commit(["acme.md": backdated], day: "2026-03-01", message: "remembered an old one")
        return notes
    }

    @Test("Markdown: each cited entry's first commit; the back-dated one flagged as written after the fact")
    func markdown() throws {
        let notes = try Self.repository()
        defer { notes.remove() }
        let result = try CLI.run(["dossier", notes.root.path, "acme", "--as-of", "2026-03-02"])
        #expect(result.status == 0, "\(result.stderr)")
        let section = try #require(result.stdout.components(separatedBy: "## Provenance\n").last)
        #expect(section.contains("**1 cited entry was written after the fact.**"), "\(section)")
        #expect(section.contains("- 2025-06-01 `acme.md:9`: first committed 2026-03-01 ("))
        #expect(section.contains("273 days after its date — **written after the fact**"))
        #expect(section.contains("- 2026-01-05 `acme.md:5`: first committed 2026-01-06 ("))
        #expect(section.contains("1 day after its date\n"))
        // A higher threshold flags nothing; --no-provenance leaves the section out.
        let lenient = try CLI.run([
            "dossier", notes.root.path, "acme", "--as-of", "2026-03-02", "--late-commit-days", "400",
        ])
        #expect(!lenient.stdout.contains("— **written after the fact**"))
        let off = try CLI.run(["dossier", notes.root.path, "acme", "--as-of", "2026-03-02", "--no-provenance"])
        #expect(!off.stdout.contains("## Provenance"))
    }

    @Test("JSON: the provenance key with commit, day, delay and the flag; uncommitted entries say so")
    func json() throws {
        let notes = try Self.repository()
        defer { notes.remove() }
        try Data((Self.backdated + "\n## 2026-03-02\n\n- Threatened to sue #legal\n").utf8).write(
            to: notes.root.appendingPathComponent("acme.md"))
        let result = try CLI.run(["dossier", notes.root.path, "acme", "--as-of", "2026-03-02", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let provenance = try #require(document["provenance"] as? [String: Any])
        #expect(provenance["threshold"] as? Int == 14)
        let items = try #require(provenance["items"] as? [[String: Any]])
        let byLine = Dictionary(
            uniqueKeysWithValues: items.compactMap { item in (item["line"] as? Int).map { ($0, item) } })
        #expect(byLine[9]?["late"] as? Bool == true)
        #expect(byLine[9]?["delay"] as? Int == 273)
        #expect(byLine[9]?["committed"] as? String == "2026-03-01")
        #expect((byLine[9]?["commit"] as? String)?.count == 40)
        #expect(byLine[5]?["late"] as? Bool == false)
        #expect(byLine[13]?["commit"] is NSNull, "\(items)")
        #expect(byLine[13]?["late"] as? Bool == false)
    }

    @Test("not a git repository: no provenance, and no error")
    func notInGit() throws {
        let notes = try CLI.notes(["acme.md": Self.backdated])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(
            ["dossier", notes.path, "acme", "--as-of", "2026-03-02", "--format", "json"],
            environment: ["GIT_CEILING_DIRECTORIES": notes.deletingLastPathComponent().path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\"provenance\""))
        #expect(result.stderr.isEmpty)
    }
}
