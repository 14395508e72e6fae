import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Golden files for every dossier and triage format on `journal-samples/` as of 2026-11-29.
///
/// Re-record with `REDFLAG_RECORD=1` after an intended change, and read the diff.
@Suite("Dossier and triage golden files")
struct DossierGoldenTests {
    static let asOf = Make.day("2026-11-29")

    struct Samples {
        var dossiers: [Dossier]
        var triage: Triage
        var templates: HTMLTemplates
    }

    static func samples() throws -> Samples {
        let journal = NotesDirectory.load(root: TestPaths.samples.path)
        let policy = try Policy(configuration: journal.configuration)
        let digest = InputDigest.of(journal)
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: digest).map {
            var dossier = $0
            dossier.evidence = EvidenceManifest(citing: dossier.citedEntries, in: journal)
            return dossier
        }
        return Samples(
            dossiers: dossiers, triage: Triage(dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: digest),
            templates: try HTMLTemplates.load())
    }

    /// A fired, a watched and a kept client.
    static let clients = ["kessler-bau", "helix", "albers"]

    @Test("dossier golden files", arguments: clients)
    func dossier(_ id: String) throws {
        let samples = try Self.samples()
        let dossier = try #require(samples.dossiers.first { $0.client.id.rawValue == id })
        Golden.assertMatches(DossierMarkdownRenderer.render(dossier), named: "dossier-\(id).md")
        Golden.assertMatches(DossierJSONRenderer.render(dossier), named: "dossier-\(id).json")
        Golden.assertMatches(
            DossierHTMLRenderer.render(dossier, templates: samples.templates), named: "dossier-\(id).html")
    }

    @Test("triage golden files", arguments: [TriageFormat.text, .md, .json, .csv])
    func triage(_ format: TriageFormat) throws {
        let samples = try Self.samples()
        let text = TriageRenderer.render(samples.triage, format: format, color: false, templates: samples.templates)
        Golden.assertMatches(text, named: "triage.\(format == .text ? "txt" : format.rawValue)")
    }

    @Test("the text triage fits 80 columns and states as-of and both digests")
    func triageWidth() throws {
        let samples = try Self.samples()
        let text = TriageRenderer.text(samples.triage, color: false)
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        #expect(text.contains("as of:  2026-11-29"))
        #expect(text.contains(samples.triage.policyDigest))
        #expect(text.contains(samples.triage.inputDigest))
        #expect(!text.contains("\u{1B}["))
        #expect(TriageRenderer.text(samples.triage, color: true).contains("\u{1B}[1;31mFIRE\u{1B}[0m"))
    }

    @Test("triage rows are in risk order and the JSON follows schema 1")
    func triageJSON() throws {
        let samples = try Self.samples()
        let object = try JSONSerialization.jsonObject(with: Data(TriageRenderer.json(samples.triage).utf8))
        let document = try #require(object as? [String: Any])
        #expect(document["schema"] as? Int == 1)
        #expect(document["asOf"] as? String == "2026-11-29")
        let clients = try #require(document["clients"] as? [[String: Any]])
        #expect(clients.count == 10)
        #expect(clients.first?["id"] as? String == "kessler-bau")
        let verdicts = clients.compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["fire", "fire", "fire", "fire", "fire", "watch", "watch", "keep", "keep", "keep"])
        for client in clients {
            for key in ["id", "name", "verdict", "score", "reasons", "headline", "plainSummary", "billingAssumed"] {
                #expect(client[key] != nil, "missing \(key)")
            }
        }
    }

    @Test("the dossier JSON has the keys of schema 1, and every reason cites file and line")
    func dossierJSONSchema() throws {
        let samples = try Self.samples()
        let dossier = try #require(samples.dossiers.first { $0.client.id == "kessler-bau" })
        let object = try JSONSerialization.jsonObject(with: Data(DossierJSONRenderer.render(dossier).utf8))
        let document = try #require(object as? [String: Any])
        for key in [
            "schema", "asOf", "client", "verdict", "score", "reasons", "timeline", "policyDigest", "inputDigest",
            "headline", "plainSummary", "todo", "billingAssumed", "noted",
        ] {
            #expect(document[key] != nil, "missing \(key)")
        }
        let client = try #require(document["client"] as? [String: Any])
        #expect(client["id"] as? String == "kessler-bau")
        #expect(client["name"] as? String == "Kessler Bau GmbH")
        let reasons = try #require(document["reasons"] as? [[String: Any]])
        #expect(reasons.first?["outcome"] as? String == "fire")
        for reason in reasons {
            for key in ["rule", "tag", "outcome", "entries", "nextThreshold", "advice", "plainSummary", "owed"] {
                #expect(reason.keys.contains(key), "reason without \(key)")
            }
            let entries = try #require(reason["entries"] as? [[String: Any]])
            #expect(!entries.isEmpty)
            for entry in entries {
                #expect(entry["file"] as? String == "kessler-bau.md")
                #expect((entry["line"] as? Int ?? 0) > 0)
                #expect(entry.keys.contains("date") && entry.keys.contains("quote"))
            }
        }
    }

    @Test("the Markdown dossier leads with the verdict, then reasons, summary and timeline")
    func markdownOrder() throws {
        let samples = try Self.samples()
        let dossier = try #require(samples.dossiers.first { $0.client.id == "kessler-bau" })
        let text = DossierMarkdownRenderer.render(dossier)
        #expect(text.hasPrefix("# Kessler Bau GmbH: ✕ Fire this client\n"))
        let positions = ["## Why", "## Summary", "## Timeline", "policy digest"].map {
            text.range(of: $0)?.lowerBound.utf16Offset(in: text) ?? -1
        }
        #expect(positions.allSatisfy { $0 >= 0 })
        #expect(positions == positions.sorted())
        for reason in dossier.assessment.reasons {
            for entry in reason.entries { #expect(text.contains("`\(entry.reference)`")) }
        }
    }

    @Test("each HTML reason links to anchors that exist on the page")
    func htmlAnchors() throws {
        let samples = try Self.samples()
        for dossier in samples.dossiers {
            let html = DossierHTMLRenderer.render(dossier, templates: samples.templates)
            for reason in dossier.assessment.reasons {
                for entry in reason.entries {
                    let anchor = Dossier.anchor(file: entry.file, line: entry.line)
                    #expect(html.contains("href=\"#\(anchor)\""))
                    #expect(html.contains("id=\"\(anchor)\""), "\(dossier.client.id): no entry with id \(anchor)")
                }
            }
        }
    }
}
