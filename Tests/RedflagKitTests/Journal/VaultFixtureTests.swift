import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// The fixture vaults of Tests/RedflagKitTests/Fixtures/vaults, one per tool, each with every
/// construct of docs/journal-format.md's tool sections, asserted as full `scan --format json`
/// goldens plus the attribution (clients, unattributed entries, diagnostics).
@Suite("Fixture vaults: Obsidian, Logseq, Foam")
struct VaultFixtureTests {
    static let vaults = TestPaths.fixtures.appendingPathComponent("vaults")

    static func load(_ name: String) -> Journal {
        NotesDirectory.load(root: vaults.appendingPathComponent(name).path)
    }

    /// Clients with their profiles, then unattributed entries, then diagnostics: one line each.
    static func attribution(_ journal: Journal) -> String {
        var out = "tool: \(journal.layout.tool.rawValue)\n"
        for client in journal.clients {
            out += "client \(client.id): \(client.name)"
            if !client.aliases.isEmpty { out += " aka \(client.aliases.joined(separator: ", "))" }
            if let billing = client.billing { out += " [\(billing.rawValue)]" }
            out += "\n  files: \(client.files.joined(separator: ", "))\n"
        }
        for item in journal.unattributed {
            let reason: String
            switch item.reason {
            case .noClient: reason = "no client"
            case let .severalClients(ids): reason = "several clients: " + ids.map(\.rawValue).joined(separator: ", ")
            }
            out += "unattributed \(item.entry.file):\(item.entry.line) (\(reason)): \(item.entry.text)\n"
        }
        for diagnostic in journal.allDiagnostics { out += diagnostic.description + "\n" }
        return out
    }

    @Test("scan --format json and the attribution match their goldens", arguments: ["obsidian", "logseq", "foam"])
    func golden(_ name: String) {
        let journal = Self.load(name)
        Golden.assertMatches(ScanRenderer.render(journal.entries, format: .json), named: "vault-\(name).json")
        Golden.assertMatches(Self.attribution(journal), named: "vault-\(name).attribution.txt")
    }

    @Test("every tag position points at its # in the file on disk", arguments: ["obsidian", "logseq", "foam"])
    func tagPositions(_ name: String) throws {
        let root = Self.vaults.appendingPathComponent(name)
        let journal = Self.load(name)
        for file in journal.files {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(file.path)))
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            for entry in file.entries {
                for tag in entry.tags where tag.line >= entry.line && tag.line <= entry.endLine {
                    let line = lines[tag.line - 1]
                    let written = Array(tag.raw.utf8)
                    let at = Array(line.dropFirst(tag.column - 1))
                    // `#tag` in the text, or a property value `tags:: tag` (no `#`).
                    #expect(
                        at.starts(with: [UInt8(ascii: "#")] + written) || at.starts(with: written),
                        "\(file.path):\(tag.line):\(tag.column) \(tag.raw)")
                }
            }
        }
    }

    @Test("private %% comments %% appear in no output")
    func commentsArePrivate() throws {
        let journal = Self.load("obsidian")
        let asOf = try #require(CalendarDate(iso: "2026-01-01"))
        let templates = try HTMLTemplates.load()
        var outputs = [
            ScanRenderer.render(journal.entries, format: .json), ScanRenderer.render(journal.entries, format: .text),
        ]
        let dossiers = Dossier.all(
            Timeline.all(in: journal, asOf: asOf), policy: .standard, inputDigest: InputDigest.of(journal))
        for dossier in dossiers {
            outputs.append(DossierMarkdownRenderer.render(dossier))
            outputs.append(DossierJSONRenderer.render(dossier))
            outputs.append(DossierHTMLRenderer.render(dossier, templates: templates))
        }
        for output in outputs {
            #expect(!output.contains("private"))
            #expect(!output.contains("note to self"))
            #expect(!output.contains("%%"))
        }
    }

    @Test("a Logseq graph has no clients called journals or pages; templates and tool folders are not read")
    func layout() {
        let logseq = Self.load("logseq")
        #expect(logseq.layout.tool == .logseq)
        #expect(logseq.clients.map(\.id) == ["kestrel", "northwind-foods"])
        #expect(!logseq.files.contains { $0.path.hasPrefix("logseq/") })
        let obsidian = Self.load("obsidian")
        #expect(obsidian.layout.tool == .obsidian)
        #expect(obsidian.clients.map(\.id) == ["acme-corp", "brightwave"])
        #expect(!obsidian.files.contains { $0.path.hasPrefix("Templates/") || $0.path.hasPrefix("Archive/") })
        #expect(!obsidian.files.contains { $0.path.hasSuffix(".excalidraw.md") })
        let foam = Self.load("foam")
        #expect(foam.layout.tool == .foam)
        #expect(foam.clients.map(\.id) == ["acme", "bakery"])
        #expect(foam.clients.first?.name == "Acme Hosting")
    }

    @Test("Logseq page properties make the client's profile")
    func logseqProfile() throws {
        let kestrel = try #require(Self.load("logseq").clients.first { $0.id == "kestrel" })
        #expect(kestrel.name == "Kestrel Apps")
        #expect(kestrel.billing == .hourly)
        #expect(kestrel.aliases == ["KA", "Kestrel Co"])
        #expect(kestrel.contact == "Mira Kestrel")
    }
}
