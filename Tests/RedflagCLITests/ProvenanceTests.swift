import Foundation
import RedflagTestSupport
import Testing

/// Provenance in dossiers: where the notes are a git repository (made here with history), each
/// cited entry shows its first commit, and an entry committed long after its date is flagged.
@Suite("Dossier provenance from git", .serialized)
struct ProvenanceTests {
    static let imported = "# Acme\n\n## 2025-01-01\n\n- Claimed the server was down; it was not. #lie\n"
    static let early = imported + "\n## 2026-01-05\n\n- Said the files were sent; they were not. #lie\n"
    static let backdated = early + "\n## 2025-06-01\n\n- Invoice 7 paid 60 days late #late\n"

    /// Notes of 2025 put in git on 2026-01-02 (the first commit); the lie committed the day after
    /// its date; a late payment of 2025 committed on 2026-03-01, after the fact.
    static func repository() throws -> GitNotes {
        let notes = try GitNotes.make(["acme.md": imported], day: "2026-01-02")
        try notes.commit(["acme.md": early], day: "2026-01-06", message: "the lie")
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
        #expect(section.contains("- 2025-06-01 `acme.md:13`: first committed 2026-03-01 ("))
        #expect(section.contains("273 days after its date — **written after the fact**"))
        #expect(section.contains("- 2026-01-05 `acme.md:9`: first committed 2026-01-06 ("))
        #expect(section.contains("1 day after its date\n"))
        // Notes older than the repository are not flagged: they came with its first commit.
        #expect(section.contains("- 2025-01-01 `acme.md:5`: first committed 2026-01-02 ("))
        #expect(section.contains("366 days after its date; in the repository's first commit\n"))
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
        #expect(byLine[13]?["late"] as? Bool == true)
        #expect(byLine[13]?["delay"] as? Int == 273)
        #expect(byLine[13]?["committed"] as? String == "2026-03-01")
        #expect((byLine[13]?["commit"] as? String)?.count == 40)
        #expect(byLine[9]?["late"] as? Bool == false)
        #expect(byLine[5]?["imported"] as? Bool == true)
        #expect(byLine[5]?["late"] as? Bool == false)
        #expect(byLine[17]?["commit"] is NSNull, "\(items)")
        #expect(byLine[17]?["late"] as? Bool == false)
    }

    @Test("HTML: a Provenance section linking each cited entry, the late one flagged")
    func html() throws {
        let notes = try Self.repository()
        defer { notes.remove() }
        let result = try CLI.run(["dossier", notes.root.path, "acme", "--as-of", "2026-03-02", "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<h2 id=\"provenance\">Provenance</h2>"))
        #expect(result.stdout.contains("<p><strong>1 cited entry was written after the fact.</strong></p>"))
        #expect(
            result.stdout.contains(
                "<a href=\"#e-acme-md-13\">2025-06-01 · <span class=\"ref\">acme.md:13</span></a>: first committed 2026-03-01 ("
            ),
            "\(result.stdout)")
        #expect(result.stdout.contains("273 days after its date — <strong>written after the fact</strong></li>"))
        let off = try CLI.run([
            "dossier", notes.root.path, "acme", "--as-of", "2026-03-02", "--format", "html", "--no-provenance",
        ])
        #expect(!off.stdout.contains("Provenance"))
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

    /// A `git` first on PATH that notes each call in `calls`, then runs the real one: its folder,
    /// the log file and the environment that puts it first.
    static func gitCallLog() throws -> (bin: URL, calls: URL, environment: [String: String]) {
        let bin = try CLI.notes(["git": "#!/bin/sh\necho \"$*\" >> \"$GIT_CALLS\"\nexec /usr/bin/git \"$@\"\n"])
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("git").path)
        let calls = bin.appendingPathComponent("calls.txt")
        let environment = [
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_CALLS": calls.path,
        ]
        return (bin, calls, environment)
    }

    @Test("git runs only for a dossier with provenance: never for triage, scan, lint or --no-provenance")
    func gitOnlyWhenAsked() throws {
        let notes = try Self.repository()
        defer { notes.remove() }
        let (bin, calls, environment) = try Self.gitCallLog()
        defer { try? FileManager.default.removeItem(at: bin) }
        for arguments in [
            ["triage", notes.root.path], ["scan", notes.root.path], ["lint", notes.root.path],
            ["dossier", notes.root.path, "acme", "--no-provenance"],
            ["site", notes.root.path, "--output", bin.appendingPathComponent("site").path],
        ] {
            _ = try CLI.run(
                arguments + ["--as-of", "2026-03-02"].filter { _ in arguments[0] != "scan" }, environment: environment)
            #expect(!FileManager.default.fileExists(atPath: calls.path), "\(arguments[0]) ran git")
        }
        _ = try CLI.run(["dossier", notes.root.path, "acme", "--as-of", "2026-03-02"], environment: environment)
        let log = try String(contentsOf: calls, encoding: .utf8)
        #expect(log.contains("blame --line-porcelain -- acme.md"), "\(log)")
        // One blame per cited file, and only a few git calls in all.
        #expect(log.split(separator: "\n").count <= 4, "\(log)")
    }

    @Test(
        "notes in a folder of a larger repository: tracked files blamed by their path, never-committed ones not at all")
    func untrackedFilesAreNotBlamed() throws {
        let repository = try GitNotes.make(
            ["notes/café/2026.md": "# Café\n\n## 2026-01-05\n\n- Said the files were sent; they were not. #lie\n"],
            day: "2026-01-06")
        defer { repository.remove() }
        let notes = repository.root.appendingPathComponent("notes")
        try Data("# Zed\n\n## 2026-02-01\n\n- Invoice 3 paid 40 days late #late\n".utf8).write(
            to: notes.appendingPathComponent("zed.md"))
        let (bin, calls, environment) = try Self.gitCallLog()
        defer { try? FileManager.default.removeItem(at: bin) }
        func items(_ client: String) throws -> [[String: Any]] {
            let result = try CLI.run(
                ["dossier", notes.path, client, "--as-of", "2026-03-02", "--format", "json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let provenance = try #require(document["provenance"] as? [String: Any])
            return try #require(provenance["items"] as? [[String: Any]])
        }
        // The never-committed file: its entry has no commit, and git was not asked to blame it.
        let zed = try items("zed")
        #expect(zed.count == 1)
        #expect(zed.first?["commit"] is NSNull, "\(zed)")
        let untrackedLog = try String(contentsOf: calls, encoding: .utf8)
        #expect(!untrackedLog.contains("blame"), "\(untrackedLog)")
        #expect(!untrackedLog.contains("rev-list"), "\(untrackedLog)")
        try FileManager.default.removeItem(at: calls)
        // The committed file in a client folder, with a non-ASCII name: blamed by its path in the repository.
        let cafe = try items("café")
        #expect(cafe.first?["committed"] as? String == "2026-01-06", "\(cafe)")
        #expect((cafe.first?["commit"] as? String)?.count == 40)
        let trackedLog = try String(contentsOf: calls, encoding: .utf8)
        #expect(trackedLog.contains("blame --line-porcelain -- notes/café/2026.md"), "\(trackedLog)")
    }
}
