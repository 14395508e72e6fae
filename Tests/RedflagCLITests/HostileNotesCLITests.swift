import Foundation
import Testing

/// The commands as a user runs them on hostile notes and around the notes folder: terminal
/// output never carries a raw control or bidi character; `site` and `dossier --output` never write
/// into the notes or over a file redflag did not write; the JSON outputs are the same bytes on
/// every run, however the parallel reading was scheduled.
@Suite("redflag on hostile notes")
struct HostileNotesCLITests {
    static let asOf = ["--as-of", "2026-11-29"]

    /// A notes folder whose file name, client name, entries and tags hold escape sequences,
    /// control bytes, a NUL and bidi controls.
    static func hostileNotes() throws -> URL {
        try CLI.notes([
            "e\u{1B}[31mvil\u{202E}.md": """
            ---
            client: "Acme \\u202Egnp.exe\\u202C \\e]0;pwned\\a"
            aliases: [acme]
            billing: fixed
            ---

            ## 2026-03-02 Call \u{1B}[2J

            He lied \u{1B}[31mred\u{1B}[0m \u{0}nul \u{9B}31m \u{200F}rtl\u{200E} #lie

            - 2026-05-01: \u{1B}[1mdone\u{1B}[0m \u{202A}#lei
            - 2026-06-01: Invoice 2211 still not paid, 45 days overdue \u{1B}]8;;http://x\u{07}link.

            """
        ])
    }

    /// Scalars a terminal would act on (the line feed allowed).
    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }.map { String($0.value, radix: 16) }
    }

    @Test(
        "scan, tags, triage, lint, dossier, the fix preview: no raw control or bidi character on stdout or stderr",
        arguments: [
            ["scan", "NOTES"], ["tags", "NOTES"], ["triage", "NOTES", "--as-of", "2026-11-29"],
            ["lint", "NOTES", "--as-of", "2026-11-29"],
            ["lint", "NOTES", "--format", "github", "--as-of", "2026-11-29"],
            ["dossier", "acme", "--notes", "NOTES", "--as-of", "2026-11-29"],
            ["lint", "NOTES", "--fix", "--dry-run", "--as-of", "2026-11-29"],
        ])
    func terminalOutput(command: [String]) throws {
        let notes = try Self.hostileNotes()
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(command.map { $0 == "NOTES" ? notes.path : $0 })
        #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
        #expect(!result.stdout.isEmpty, "\(command)")
        #expect(Self.raw(result.stdout).isEmpty, "\(command) stdout: \(Self.raw(result.stdout))")
        #expect(Self.raw(result.stderr).isEmpty, "\(command) stderr: \(Self.raw(result.stderr))")
        // Tag names cannot hold such characters; every other output quotes the notes' text.
        if command[0] != "tags" {
            #expect(
                result.stdout.contains("\\u{1B}") || result.stdout.contains("\\u{202E}"), "\(command): shown escaped")
        }
    }

    @Test("JSON outputs keep the text, escaped by JSON's rules")
    func jsonOutputs() throws {
        let notes = try Self.hostileNotes()
        defer { try? FileManager.default.removeItem(at: notes) }
        for command in [
            ["scan", notes.path, "--format", "json"], ["lint", notes.path, "--format", "json"] + Self.asOf,
            ["lint", notes.path, "--format", "sarif"] + Self.asOf,
            ["triage", notes.path, "--format", "json"] + Self.asOf,
        ] {
            let result = try CLI.run(command)
            #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(command)")
            #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any], "\(command)")
        }
    }

    // MARK: - Where site and dossier write

    @Test("site: a sibling folder sharing the notes' name as a prefix is allowed; notes/site is refused")
    func siblingPrefix() throws {
        let root = try CLI.notes(["notes/acme.md": "## 2026-01-01\n\nHe lied #lie\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes").path
        let sibling = try CLI.run(
            ["site", notes, "--output", root.appendingPathComponent("notes-site").path] + Self.asOf)
        #expect(sibling.status == 0, "\(sibling.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("notes-site/acme.html").path))
        let inside = try CLI.run(["site", notes, "--output", notes + "/site"] + Self.asOf)
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("inside"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes) == ["acme.md"])
    }

    @Test("site: a page it did not write is not overwritten; its own pages are, on the next run")
    func foreignPage() throws {
        let root = try CLI.notes(["notes/acme.md": "## 2026-01-01\n\nHe lied #lie\n", "out/index.html": "mine\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes").path
        let output = root.appendingPathComponent("out")
        let refused = try CLI.run(["site", notes, "--output", output.path] + Self.asOf)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("index.html exists and redflag did not write it"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "mine\n")

        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html"))
        try Data("my notes on the site\n".utf8).write(to: output.appendingPathComponent("README.txt"))
        for run in 1...2 {
            let result = try CLI.run(["site", notes, "--output", output.path] + Self.asOf)
            #expect(result.status == 0, "run \(run): \(result.stderr)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [
                ".redflag-site.json", "README.txt", "acme.html", "index.html",
            ])
        #expect(
            try String(contentsOf: output.appendingPathComponent("README.txt"), encoding: .utf8)
                == "my notes on the site\n")
    }

    @Test("dossier --output through a symbolic link into the notes is refused; the note is untouched")
    func dossierOutputThroughLink() throws {
        let root = try CLI.notes(["notes/acme.md": "## 2026-01-01\n\nHe lied #lie\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        let note = notes.appendingPathComponent("acme.md")
        let fileLink = root.appendingPathComponent("dossier.md")
        try FileManager.default.createSymbolicLink(atPath: fileLink.path, withDestinationPath: note.path)
        let folderLink = root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: folderLink.path, withDestinationPath: notes.path)
        for output in [fileLink.path, folderLink.path + "/d.md", folderLink.path + "/acme.md"] {
            let result = try CLI.run(["dossier", "acme", "--notes", notes.path, "--output", output] + Self.asOf)
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("refusing to write inside the notes directory"), "\(output)")
        }
        #expect(try String(contentsOf: note, encoding: .utf8) == "## 2026-01-01\n\nHe lied #lie\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fileLink.path) == note.path)
    }

    // MARK: - Output order

    @Test("scan, triage and lint JSON are the same bytes on every run")
    func sameBytesEveryRun() throws {
        for command in [
            ["scan", "journal-samples", "--format", "json"],
            ["triage", "journal-samples", "--format", "json"] + Self.asOf,
            ["lint", "journal-samples", "--format", "json"] + Self.asOf,
        ] {
            let first = try CLI.run(command)
            #expect(first.stdout.count > 1000, "\(command)")
            for _ in 1...2 {
                #expect(try CLI.run(command).stdout == first.stdout, "\(command)")
            }
        }
    }
}
