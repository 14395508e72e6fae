import Foundation
import RedflagKit
import RedflagTestSupport
import Testing

@testable import RedflagJournal

@Suite("Workspace: opening a notes directory")
struct WorkspaceTests {
    /// A fresh folder holding `files` (relative path → text).
    static func folder(_ files: [String: String]) throws -> URL {
        try TemporaryNotes.make(files, prefix: "redflag-ws")
    }

    @Test("a missing folder and a file are typed errors")
    func missing() throws {
        #expect(throws: RedflagError.notesDirectoryNotFound("/no/such/notes")) {
            try Workspace.open(notes: "/no/such/notes")
        }
        let root = try Self.folder(["acme.md": "x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("acme.md").path
        #expect(throws: RedflagError.notADirectory(file)) { try Workspace.open(notes: file) }
        #expect(throws: RedflagError.configurationUnreadable("/no/such.yml")) {
            try Workspace.open(notes: root.path, configFile: "/no/such.yml")
        }
    }

    @Test("every section's problems are reported at once, with lines, under the notes path")
    func allProblemsAtOnce() throws {
        let root = try Self.folder([
            "redflag.yml":
                "vocabulary:\n  aliases:\n    x: nothing\npolicy:\n  lie:\n    wacth: 1\nlint:\n  rulez: {}\n",
            "acme.md": "- 2026-01-01: #lie\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let problems: [Diagnostic]
        do {
            _ = try Workspace.open(notes: root.path)
            Issue.record("an invalid redflag.yml must not open")
            return
        } catch {
            guard case let .configurationInvalid(found) = error else {
                Issue.record("expected configurationInvalid, got \(error)")
                return
            }
            problems = found
        }
        let shown = problems.map { "\($0.file):\($0.line ?? 0): \($0.message)" }
        let file = root.path + "/redflag.yml"
        try #require(shown.count == 3)
        #expect(shown[0] == "\(file):3: the alias 'x' points to the unknown tag 'nothing'")
        #expect(shown[1] == "\(file):6: unknown key 'policy.lie.wacth' (did you mean 'watch'?)")
        #expect(shown[2].hasPrefix("\(file):8: unknown key 'lint.rulez'"))
    }

    @Test("--config replaces redflag.yml; clients: gives names and aliases")
    func explicitConfiguration() throws {
        let root = try Self.folder([
            "acme.md": "- 2026-01-01: He lied. #lie\n",
            "settings.yml": "clients:\n  acme:\n    name: Acme Corp\n    aliases: [ACME Inc]\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.open(
            notes: root.path, configFile: root.appendingPathComponent("settings.yml").path)
        let journal = workspace.load()
        let client = try workspace.client(matching: "acme inc", in: journal)
        #expect(client.id == "acme")
        #expect(client.name == "Acme Corp")
        #expect(throws: RedflagError.unknownClient("acmee", suggestions: ["acme"])) {
            try workspace.client(matching: "acmee", in: journal)
        }
        let judgement = workspace.judge(journal, asOf: CalendarDate(year: 2026, month: 2, day: 1)!)
        #expect(judgement.dossier(for: "acme")?.assessment.verdict == .fire)
    }

    @Test("the notes directory is found upward by its redflag.yml, else the folder itself")
    func locate() throws {
        let root = try Self.folder(["redflag.yml": "", "acme/2026.md": "x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = root.appendingPathComponent("acme").path
        #expect(Workspace.locateNotes(from: inside) == "..")
        #expect(Workspace.locateNotes(from: root.path) == ".")
        let elsewhere = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        #expect(Workspace.locateNotes(from: elsewhere.path) == elsewhere.path)
    }

    @Test("a folder one level too high is named: clients holding other clients, twins, a nested redflag.yml")
    func tooHigh() throws {
        let client = "---\nclient: Bright Pixel Agency\n---\n- 2026-01-01: ok\n"
        let other = "---\nclient: Acme\n---\n- 2026-01-01: ok\n"
        let root = try Self.folder([
            "notes/bright.md": client, "notes/acme.md": other, "notes-copy/bright.md": client,
            "notes-copy/acme.md": other, "c2/redflag.yml": "", "c2/bright.md": client,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = try Workspace.open(notes: root.path).load()
        let messages = journal.diagnostics.map { "\($0.file) \($0.message)" }
        #expect(messages.contains("c2/ this client folder has its own redflag.yml"))
        #expect(messages.contains { $0.hasPrefix("notes/ the client 'notes' holds notes of 2 different clients") })
        #expect(messages.contains { $0.contains("2 clients are named 'Acme': notes, notes-copy") })
        #expect(journal.diagnostics.allSatisfy { $0.severity == .warning })
    }
}

@Suite("Workspace: one client's notes")
struct WorkspaceClientLoadTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    @Test("in plain notes, one client's files give that client's dossier as the whole directory does")
    func sameDossier() throws {
        // The samples without their .obsidian folder: plain notes.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-plain-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.samples, to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent(".obsidian"))
        let workspace = try Workspace.open(notes: root.path)
        let whole = workspace.judge(workspace.load(), asOf: Self.asOf)
        #expect(whole.dossiers.count >= 8)
        for id in ["albers", "brightwave", "helix", "romashka"] {
            let journal = try #require(workspace.load(client: id) as Journal?, "no journal for \(id)")
            #expect(Set(journal.files.map(\.client.rawValue)) == [id])
            let own = try #require(workspace.judge(journal, asOf: Self.asOf).dossier(for: ClientID(rawValue: id)))
            var expected = try #require(whole.dossier(for: ClientID(rawValue: id)))
            expected.inputDigest = own.inputDigest
            #expect(own == expected, "\(id)")
        }
        #expect(workspace.load(client: "no-such-client") == nil)
        // In the samples as they are (an Obsidian vault), every file is read.
        #expect(try Workspace.open(notes: TestPaths.samples.path).load(client: "albers") == nil)
    }

    @Test("with shared notes (a journals/ folder) every file is read")
    func sharedNotes() throws {
        let root = try WorkspaceTests.folder([
            "acme.md": "- 2025-01-02: late #late\n", "journals/2025-01-03.md": "- [[acme]] lied #lie\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.open(notes: root.path)
        #expect(workspace.load(client: "acme") == nil)
        #expect(workspace.load().entries.count == 2)
    }
}

/// `dossier`'s walk of one client's names only, against the walk of the whole tree it replaces.
@Suite("Workspace: one client's names walked")
struct ClientWalkTests {
    /// Loads `id` both ways: only its names walked (`load(root:configuration:client:)`), and the
    /// whole tree walked then filtered; both must give the same journal.
    static func bothWays(_ root: URL, _ id: String) throws -> (Journal?, Journal?) {
        let configuration = try Workspace.open(notes: root.path).configuration
        let fast = NotesDirectory.load(root: root.path, configuration: configuration, client: ClientID(rawValue: id))
        var diagnostics: [Diagnostic] = []
        let listing = NotesDirectory.discover(
            root: root.path, ignore: IgnorePatterns(configuration.ignore), diagnostics: &diagnostics)
        let whole = NotesDirectory.load(
            root: root.path, configuration: configuration, client: ClientID(rawValue: id), listing: listing,
            diagnostics: diagnostics, options: .standard)
        return (fast, whole)
    }

    @Test("plain notes: only the client's names are walked, and the journal is the one the whole walk gives")
    func sameJournal() throws {
        let root = try WorkspaceTests.folder([
            "acme.md": "- 2025-01-02: late #late\n", "Acme/2025.md": "## 2025-02-01\nlied #lie\n",
            "acme/skip/x.md": "- 2025-03-01: ignored #late\n", "acme/notes.txt": "not notes\n",
            "beta.md": "- 2025-01-02: fine\n", "beta/2024.md": "- 2024-01-02: old #paid\n",
            "redflag.yml": "ignore:\n  - acme/skip/\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // A link loop inside the client's folder is reported, as the whole walk reports it.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("acme/loop").path, withDestinationPath: ".")
        let configuration = try Workspace.open(notes: root.path).configuration
        #expect(
            NotesDirectory.ownNames(root: root.path, configuration: configuration, client: ClientID(rawValue: "acme"))
                != nil)
        for id in ["acme", "beta"] {
            let (fast, whole) = try Self.bothWays(root, id)
            let journal = try #require(fast)
            #expect(journal == whole, "\(id)")
            #expect(Set(journal.files.map(\.client.rawValue)) == [id])
        }
        let acme = try #require(try Self.bothWays(root, "acme").0)
        #expect(acme.files.map(\.path).sorted() == ["Acme/2025.md", "acme.md"])
        #expect(acme.diagnostics.contains { $0.message.contains("loop") }, "\(acme.diagnostics)")
    }

    @Test(
        "the whole tree is walked when the root shows shared notes, a tool folder, or a link into the client's files",
        arguments: [
            "journals/2025-01-03.md", "daily/x.md", "clients/acme.md", "2025-01-03.md", ".obsidian/app.json", "link",
        ])
    func fallsBack(extra: String) throws {
        var files = ["acme.md": "- 2025-01-02: late #late\n", "beta/x.md": "- 2025-01-02: fine #paid\n"]
        if extra != "link" { files[extra] = "- 2025-01-03: [[acme]] lied #lie\n" }
        let root = try WorkspaceTests.folder(files)
        defer { try? FileManager.default.removeItem(at: root) }
        if extra == "link" {
            // acme/b.md is beta's file: the whole walk keeps it under its real path, beta/x.md.
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("acme"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("acme/b.md").path, withDestinationPath: "../beta/x.md")
        }
        let (fast, whole) = try Self.bothWays(root, "acme")
        #expect(fast == whole)
        if extra == "link" {
            #expect(fast?.files.map(\.path) == ["acme.md"])
        } else if extra.hasPrefix("clients") || extra.hasPrefix(".obsidian") || !extra.contains("/") {
            let configuration = try Workspace.open(notes: root.path).configuration
            #expect(
                NotesDirectory.ownNames(
                    root: root.path, configuration: configuration, client: ClientID(rawValue: "acme")) == nil)
        }
    }
}
