import Foundation
import Testing

@Suite("redflag triage")
struct TriageCommandTests {
    @Test func textTableFitsEightyColumnsWithoutColourWhenPiped() throws {
        let result = try CLI.run(["triage", "journal-samples", "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        for line in lines { #expect(line.count <= 80, "too wide: \(line)") }
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(lines.first == "redflag triage as of 2026-11-29: 10 clients: 5 fire, 2 watch, 3 keep")
        #expect(lines.contains { $0.hasPrefix("policy: ") && $0.count == 72 })
        #expect(lines.contains { $0.hasPrefix("input:  ") && $0.count == 72 })
    }

    @Test func csvHasOneLinePerClientAndTheDigests() throws {
        let result = try CLI.run(["triage", "journal-samples", "--format", "csv", "--as-of", "2026-11-29"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 11)
        #expect(lines.first == "id,name,verdict,score,incidents,lastIncident,reasons,asOf,policyDigest,inputDigest")
        #expect(lines[1].hasPrefix("kessler-bau,Kessler Bau GmbH,fire,"))
    }

    @Test func htmlUsesATemplateOverride() throws {
        let templates = try CLI.notes(["triage.mustache": "<p id=\"custom\">{{#clients}}{{name}};{{/clients}}</p>\n"])
        defer { try? FileManager.default.removeItem(at: templates) }
        let result = try CLI.run([
            "triage", "journal-samples", "--format", "html", "--as-of", "2026-11-29", "--template", templates.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<p id=\"custom\">"))
        #expect(result.stdout.contains("Kessler Bau GmbH;"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try CLI.run(["triage", "journal-samples", "--format", "xml"])
        #expect(result.status == 64)
    }

    @Test func missingNotesDirectoryExitsTwo() throws {
        let result = try CLI.run(["triage", "/no/such/notes"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }
}
