import Foundation
import RedflagTestSupport
import Testing

/// `redflag diff --since DATE|REV` over a git repository of notes with history (made in a temporary
/// folder), and over a copy of journal-samples by date.
@Suite("redflag diff", .serialized)
struct DiffCommandTests {
    static let acme = "# Acme\n\n## 2026-09-01\n\n- kickoff, paid the deposit #paid\n"
    static let bolt = "# Bolt\n\n## 2026-09-02\n\n- Invoice 11 paid 30 days late #late\n"
    static let acmeLater =
        acme + "\n## 2026-10-10\n\n- Said the files were sent; they were not. #lie\n"
    static let boltLater = bolt + "\n## 2026-10-12\n\n- Paid on time #paid\n"

    /// acme and bolt committed on 2026-09-05; acme's lie (and bolt's payment) on 2026-10-15.
    static func history() throws -> GitNotes {
        let notes = try GitNotes.make(["acme.md": acme, "bolt.md": bolt], day: "2026-09-05")
        try notes.commit(["acme.md": acmeLater, "bolt.md": boltLater], day: "2026-10-15", message: "october")
        return notes
    }

    @Test("since a revision: the client whose verdict changed, with the entry that changed it; the work tree untouched")
    func sinceRevision() throws {
        let notes = try Self.history()
        defer { notes.remove() }
        let result = try CLI.run(["diff", notes.root.path, "--since", "HEAD~1", "--as-of", "2026-10-20"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix("redflag diff since HEAD~1 (as of 2026-09-05) to 2026-10-20: 1 client changed\n"))
        #expect(result.stdout.contains("acme [acme]: KEEP 0 → FIRE"), "\(result.stdout)")
        #expect(result.stdout.contains("  + 2026-10-10 acme.md:9: Said the files were sent; they were not. #lie"))
        #expect(!result.stdout.contains("bolt"))
        #expect(try notes.git(["status", "--porcelain"]).isEmpty)
        #expect(try String(contentsOf: notes.root.appendingPathComponent("acme.md"), encoding: .utf8) == Self.acmeLater)
    }

    @Test("JSON and Markdown say the same; uncommitted work counts as now")
    func formats() throws {
        let notes = try Self.history()
        defer { notes.remove() }
        // An uncommitted entry in the work tree is part of "now".
        try Data((Self.boltLater + "\n## 2026-10-18\n\n- Threatened to sue over the invoice #legal\n").utf8).write(
            to: notes.root.appendingPathComponent("bolt.md"))
        let json = try CLI.run([
            "diff", notes.root.path, "--since", "HEAD~1", "--as-of", "2026-10-20", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? Int == 1)
        #expect(document["before"] as? String == "2026-09-05")
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.compactMap { $0["client"] as? String }.sorted() == ["acme", "bolt"])
        let bolt = try #require(changes.first { $0["client"] as? String == "bolt" })
        let entries = try #require(bolt["newEntries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["date"] as? String } == ["2026-10-12", "2026-10-18"])
        let md = try CLI.run(["diff", notes.root.path, "--since", "HEAD~1", "--as-of", "2026-10-20", "--format", "md"])
        #expect(md.stdout.hasPrefix("# What changed since HEAD~1\n"))
        #expect(md.stdout.contains("## acme [acme]: KEEP 0 → FIRE"))
        #expect(md.stdout.contains("- 2026-10-18 `bolt.md:13`: Threatened to sue over the invoice #legal"))
    }

    @Test("notes in a folder of the repository, since a tag; and since a date without git")
    func subfolderAndDate() throws {
        let notes = try GitNotes.make(["notes/acme.md": Self.acme, "README.md": "not notes\n"], day: "2026-09-05")
        defer { notes.remove() }
        try notes.git(["tag", "v1"])
        try notes.commit(["notes/acme.md": Self.acmeLater], day: "2026-10-15", message: "lie")
        let folder = notes.root.appendingPathComponent("notes").path
        let byTag = try CLI.run(["diff", folder, "--since", "v1", "--as-of", "2026-10-20"])
        #expect(byTag.status == 0, "\(byTag.stderr)")
        #expect(byTag.stdout.contains("acme [acme]: KEEP 0 → FIRE"), "\(byTag.stdout)")
        let byDate = try CLI.run(["diff", folder, "--since", "2026-10-01", "--as-of", "2026-10-20"])
        #expect(
            byDate.stdout.hasPrefix("redflag diff since 2026-10-01 (as of 2026-10-01) to 2026-10-20: 1 client changed"))
        #expect(byDate.stdout.contains("+ 2026-10-10 acme.md:9"))
    }

    @Test("a revision outside git, an unknown revision: clear errors, exit 2")
    func errors() throws {
        let plain = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: plain) }
        let outside = try CLI.run(
            ["diff", plain.path, "--since", "HEAD~1"], in: FileManager.default.temporaryDirectory)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not in a git repository"), "\(outside.stderr)")
        let notes = try Self.history()
        defer { notes.remove() }
        let unknown = try CLI.run(["diff", notes.root.path, "--since", "no-such-tag"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'no-such-tag' is neither a date nor a commit"), "\(unknown.stderr)")
        let option = try CLI.run(["diff", notes.root.path, "--since=--output=/tmp/x"])
        #expect(option.status == 2)
    }

    @Test("on journal-samples by date: entries after the date are left out of then")
    func samplesByDate() throws {
        let result = try CLI.run(["diff", "journal-samples", "--since", "2026-09-01", "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(as of 2026-09-01) to 2026-11-29"))
        // Every new entry listed is dated after the date.
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("  + ") {
            let day = line.dropFirst(4).prefix(10)
            #expect(day > "2026-09-01", "\(line)")
        }
        // --threshold: a client whose verdict stayed is listed only when its score moved by more.
        for threshold in [0, 10] {
            let json = try CLI.run([
                "diff", "journal-samples", "--since", "2026-09-01", "--as-of", "2026-11-29", "--format", "json",
                "--threshold", String(threshold),
            ])
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let changes = try #require(document["changes"] as? [[String: Any]])
            #expect(!changes.isEmpty)
            for change in changes {
                let moved = abs(change["scoreChange"] as? Int ?? 0)
                #expect(change["verdictChanged"] as? Bool == true || moved > threshold, "\(change)")
            }
        }
    }
}
