import Foundation
import Testing

@Suite("redflag dossier")
struct DossierCommandTests {
    let asOf = ["--as-of", "2026-11-29"]

    @Test func findsAClientByAliasIgnoringCase() throws {
        let result = try CLI.run(["dossier", "KESSLER", "--notes", "journal-samples"] + asOf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Kessler Bau GmbH: ✕ Fire this client\n"))
        #expect(result.stdout.contains("As of 2026-11-29 · policy digest `"))
        #expect(result.stdout.contains("input digest `"))
    }

    @Test func unknownClientExitsTwoWithTheClosestMatches() throws {
        let result = try CLI.run(["dossier", "kesler", "--notes", "journal-samples"] + asOf)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error: unknown client 'kesler'"))
        #expect(result.stderr.contains("hint: did you mean Kessler"))
    }

    @Test func missingClientArgumentIsAUsageError() throws {
        let result = try CLI.run(["dossier", "--notes", "journal-samples"])
        #expect(result.status == 64)
    }

    @Test func writesJSONToAFileWhoseFolderExists() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redflag-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("helix.json")
        let result = try CLI.run(
            ["dossier", "Helix", "--notes", "journal-samples", "--format", "json", "--output", file.path] + asOf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(object?["schema"] as? Int == 1)
        #expect(object?["verdict"] as? String == "watch")
        #expect((object?["client"] as? [String: Any])?["id"] as? String == "helix")

        let missing = try CLI.run(
            ["dossier", "helix", "--notes", "journal-samples", "--output", directory.path + "/no/such/x.md"] + asOf)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/no"))
    }

    @Test func refusesToWriteIntoTheNotes() throws {
        let notes = try CLI.notes(["acme.md": "## 2026-01-01\n\nHe lied #lie\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["dossier", "acme", "--notes", notes.path, "--output", notes.path + "/d.md"] + asOf)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: notes.path + "/d.md"))
    }

    @Test func anInvalidPolicyGivesNoVerdict() throws {
        let notes = try CLI.notes([
            "acme.md": "## 2026-01-01\n\nHe lied #lie\n",
            "redflag.yml": "policy:\n  lat: { watch: 2 }\n  late: { fire: many }\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        for arguments in [["dossier", "acme", "--notes", notes.path], ["triage", notes.path]] {
            let result = try CLI.run(arguments + asOf)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "no verdict may be printed: \(result.stdout)")
            #expect(result.stderr.contains("redflag.yml:2:3: error: unknown rule 'lat'"))
            #expect(result.stderr.contains("redflag.yml:3:"))
        }
    }

    @Test func anUnreadableConfigurationGivesNoVerdict() throws {
        let notes = try CLI.notes(["acme.md": "## 2026-01-01\n\nHe lied #lie\n", "redflag.yml": "vocabulary: [\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["dossier", "acme", "--notes", notes.path] + asOf)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("redflag.yml"))
    }

    @Test func asOfChangesTheVerdict() throws {
        let notes = try CLI.notes(["acme.md": "## 2026-01-01\n\nHe lied #lie\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let before = try CLI.run([
            "dossier", "acme", "--notes", notes.path, "--format", "json", "--as-of", "2025-12-31",
        ])
        let after = try CLI.run(["dossier", "acme", "--notes", notes.path, "--format", "json", "--as-of", "2026-01-01"])
        #expect(before.stdout.contains("\"verdict\" : \"keep\""))
        #expect(after.stdout.contains("\"verdict\" : \"fire\""))
        let bad = try CLI.run(["dossier", "acme", "--notes", notes.path, "--as-of", "2026-02-30"])
        #expect(bad.status == 64)
    }
}
