import Foundation
import Testing

@Suite("redflag site")
struct SiteCommandTests {
    @Test func writesTheIndexAndOneDossierPerClient() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run(["site", "journal-samples", "--output", output.path, "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            .filter { $0 != ".redflag-site.json" }
        #expect(
            files == [
                "albers.html", "brightwave.html", "cafe-ole.html", "duarte-imoveis.html", "helix.html", "index.html",
                "kessler-bau.html", "nordlicht.html", "petrakis.html", "romashka.html", "weber.html",
            ])
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        for file in files where file != "index.html" { #expect(index.contains("href=\"\(file)\"")) }
        #expect(!index.contains("href=\"/"), "links are relative")
    }

    @Test func refusesAnOutputInsideTheNotesAndLeavesTheNotesAlone() throws {
        let notes = try CLI.notes(["acme.md": "## 2026-01-01\n\nHe lied #lie\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        for output in [notes.path, notes.path + "/site"] {
            let result = try CLI.run(["site", notes.path, "--output", output, "--as-of", "2026-11-29"])
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("inside"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test func outputIsRequired() throws {
        let result = try CLI.run(["site", "journal-samples"])
        #expect(result.status == 64)
    }
}
