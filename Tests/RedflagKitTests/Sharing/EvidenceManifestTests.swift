import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagKit
@testable import RedflagOutput

/// Every dossier carries the SHA-256 of its cited files and entries; `verify` tells which changed.
@Suite("Evidence manifest and verify")
struct EvidenceManifestTests {
    static let acme = """
        ---
        client: Acme
        ---
        ## 2026-01-10
        Said the server was patched; it was not. #lie

        ## 2026-02-01
        Paid 20 days late. #late

        ## 2026-03-01
        Paid 31 days late again. #late
        """

    static func setUp() throws -> (URL, EvidenceManifest, String) {
        let root = try TestPaths.temporaryDirectory()
        try Data(acme.utf8).write(to: root.appendingPathComponent("acme.md"))
        let workspace = try Workspace.open(notes: root.path)
        let judgement = workspace.judge(workspace.load(), asOf: Make.asOf)
        let dossier = try #require(judgement.dossiers.first)
        return (root, try #require(dossier.evidence), DossierJSONRenderer.render(dossier))
    }

    static func verify(_ manifest: EvidenceManifest, _ root: URL) throws -> EvidenceVerification {
        let workspace = try Workspace.open(notes: root.path)
        return EvidenceVerification(manifest: manifest, journal: workspace.load())
    }

    static func edit(_ root: URL, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent("acme.md")
        try Data(change(String(decoding: try Data(contentsOf: url), as: UTF8.self)).utf8).write(to: url)
    }

    @Test("the manifest lists each cited file and entry with its SHA-256, in JSON, Markdown and HTML")
    func manifest() throws {
        let (root, manifest, json) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(manifest.files.map(\.path) == ["acme.md"])
        #expect(manifest.entries.map(\.reference) == ["acme.md:5", "acme.md:8", "acme.md:11"])
        #expect(manifest.entries[0].sha256 == EvidenceManifest.sha256("Said the server was patched; it was not. #lie"))
        #expect(manifest.files[0].sha256 == EvidenceManifest.sha256(Self.acme))
        let decoded = try EvidenceVerification.manifest(at: try Self.write(json, in: root))
        #expect(decoded == manifest)
        let workspace = try Workspace.open(notes: root.path)
        let dossier = try #require(workspace.judge(workspace.load(), asOf: Make.asOf).dossiers.first)
        #expect(DossierMarkdownRenderer.render(dossier).contains("| `acme.md:5` | `\(manifest.entries[0].sha256)` |"))
        #expect(
            DossierHTMLRenderer.render(dossier, templates: try HTMLTemplates.load()).contains(
                manifest.entries[0].sha256))
    }

    static func write(_ text: String, in root: URL) throws -> String {
        let url = root.deletingLastPathComponent().appendingPathComponent("\(root.lastPathComponent)-dossier.json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("an untouched tree is intact")
    func untouched() throws {
        let (root, manifest, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.verify(manifest, root)
        #expect(result.intact)
        #expect(result.checks.allSatisfy { $0.status == .intact })
        #expect(result.changedFiles.isEmpty)
    }

    @Test("an edited cited entry is changed; the others stay intact")
    func edited() throws {
        let (root, manifest, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.edit(root) { $0.replacingOccurrences(of: "20 days late", with: "2 days late") }
        let result = try Self.verify(manifest, root)
        #expect(!result.intact)
        #expect(result.checks.map(\.status) == [.intact, .changed, .intact])
        #expect(result.changedFiles == ["acme.md"])
        let text = VerificationRenderer.text(result.checks, changedFiles: result.changedFiles)
        #expect(text.contains("changed: acme.md:8 (2026-02-01)"))
    }

    @Test("a deleted cited entry has vanished; a line added above moves the others, still intact")
    func deleted() throws {
        let (root, manifest, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.edit(root) { text in
            text.replacingOccurrences(of: "## 2026-03-01\nPaid 31 days late again. #late", with: "")
        }
        var result = try Self.verify(manifest, root)
        #expect(result.checks.map(\.status) == [.intact, .intact, .vanished])
        try Self.edit(root) {
            $0.replacingOccurrences(of: "---\n## 2026-01-10", with: "---\nA new first line.\n\n## 2026-01-10")
        }
        result = try Self.verify(manifest, root)
        #expect(result.checks.map(\.status) == [.moved, .moved, .vanished])
        #expect(result.checks.first?.nowAt == 7)
        try FileManager.default.removeItem(at: root.appendingPathComponent("acme.md"))
        result = try Self.verify(manifest, root)
        #expect(result.checks.allSatisfy { $0.status == .vanished })
    }

    @Test("a file that is no dossier, or has no manifest, is an error naming it")
    func unreadable() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let notJSON = root.appendingPathComponent("x.json")
        try Data("not json".utf8).write(to: notJSON)
        #expect(throws: RedflagError.self) { try EvidenceVerification.manifest(at: notJSON.path) }
        try Data("{\"schema\": 1}".utf8).write(to: notJSON)
        #expect(throws: RedflagError.self) { try EvidenceVerification.manifest(at: notJSON.path) }
        #expect(throws: RedflagError.self) {
            try EvidenceVerification.manifest(at: root.appendingPathComponent("none").path)
        }
    }

    @Test("judged from notes loaded without their text, the manifests are the same: cited files are read again")
    func withoutKeptText() throws {
        let workspace = try Workspace.open(notes: TestPaths.samples.path)
        let kept = workspace.judge(workspace.load(), asOf: Make.asOf)
        let dropped = workspace.judge(
            workspace.load(options: NotesDirectory.LoadOptions(keepsSource: false)), asOf: Make.asOf)
        #expect(kept.dossiers.map(\.evidence) == dropped.dossiers.map(\.evidence))
        #expect(kept.dossiers.contains { !($0.evidence?.entries.isEmpty ?? true) })
    }

    @Test("a cited file changed after it was read, its text not kept, is left out rather than hashed anew")
    func changedBeforeHashing() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.acme.utf8).write(to: root.appendingPathComponent("acme.md"))
        let workspace = try Workspace.open(notes: root.path)
        let journal = workspace.load(options: NotesDirectory.LoadOptions(keepsSource: false))
        try Self.edit(root) { $0 + "\n\n## 2026-04-01\nLate again. #late\n" }
        let dossier = try #require(workspace.judge(journal, asOf: Make.asOf).dossiers.first)
        #expect(dossier.evidence == EvidenceManifest(files: [], entries: []))
    }
}
