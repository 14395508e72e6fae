import Foundation
import RedflagTestSupport
import Testing

/// `redflag log` as a user meets it: the entry lands in the client's own layout, the old bytes
/// stay (a byte prefix of the new file when appended), unknown tags and clients stop it before
/// anything is written, `$EDITOR` writes long entries, `--new` makes a client; and the fault
/// guarantees of `lint --fix` (read-only files, the file-size limit, kills, leftovers, links).
@Suite("redflag log", .serialized)
struct LogCommandTests {
    static let acme = "---\nclient: Acme\n---\n\n# Acme\n\n## 2026-11-01\n\n- kickoff call\n"

    static func bytes(_ url: URL) -> [UInt8] { (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? [] }

    static func log(_ notes: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["log", "--notes", notes.path] + arguments, environment: environment)
    }

    @Test("appends under a new day heading; the old file is a byte prefix of the new; scan sees the entry")
    func appends() throws {
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        let old = Self.bytes(file)
        let result = try Self.log(notes, ["acme", "Paid 34 days late #late", "--date", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("acme.md:13: logged 2026-11-29\n"), "\(result.stdout)")
        let new = Self.bytes(file)
        #expect(Array(new.prefix(old.count)) == old)
        #expect(
            String(decoding: new.dropFirst(old.count), as: UTF8.self)
                == "\n## 2026-11-29\n\n- Paid 34 days late #late\n")
        let scan = try CLI.run(["scan", notes.path, "--tag", "late"])
        #expect(scan.stdout.contains("2026-11-29  acme  acme.md:13  Paid 34 days late #late"), "\(scan.stdout)")
    }

    @Test("on a copy of journal-samples: a file client, a monthly folder and a daily folder each get the day's file")
    func samplesLayouts() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-log-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("journal-samples"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let albers = copy.appendingPathComponent("albers.md")
        let before = Self.bytes(albers)
        for (client, expected) in [
            ("albers", "albers.md:"), ("nordlicht", "nordlicht/2026-12.md:3:"),
            ("helix", "helix/2026/2026-12-01.md:1:"),
        ] {
            let result = try CLI.run(["log", client, "Quiet day #paid", "--date", "2026-12-01"], in: copy)
            #expect(result.status == 0, "\(client): \(result.stderr)")
            #expect(result.stdout.contains(expected), "\(client): \(result.stdout)")
        }
        #expect(Array(Self.bytes(albers).prefix(before.count)) == before)
        let scan = try CLI.run(["scan", copy.path, "--tag", "paid", "--since", "2026-12-01"])
        #expect(scan.stdout.split(separator: "\n").count == 3, "\(scan.stdout)")
        for client in ["albers", "nordlicht", "helix"] { #expect(scan.stdout.contains("2026-12-01  \(client)")) }
    }

    @Test("unknown tags stop it before anything is written, with lint's did-you-mean; --force writes")
    func unknownTags() throws {
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        let refused = try Self.log(notes, ["acme", "Said it was sent #lei"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("unknown tag #lei (did you mean #lie?)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(Self.bytes(file) == Array(Self.acme.utf8))
        let forced = try Self.log(notes, ["acme", "Said it was sent #lei", "--force", "--date", "2026-11-29"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(String(decoding: Self.bytes(file), as: UTF8.self).hasSuffix("- Said it was sent #lei\n"))
    }

    @Test("an unknown client is an error with suggestions and the --new hint; nothing is created")
    func unknownClient() throws {
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try Self.log(notes, ["acmee", "hello"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown client 'acmee'"))
        #expect(result.stderr.contains("did you mean"), "\(result.stderr)")
        #expect(result.stderr.contains("redflag log --new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
        // Without text, the client is checked before the editor opens.
        let marker = notes.appendingPathComponent("editor-ran").path
        let editor = try Self.log(notes, ["acmee"], environment: ["VISUAL": "touch '\(marker)'; true"])
        #expect(editor.status == 2)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("--new creates the client with front matter; the dossier reads it; a second --new is refused")
    func newClient() throws {
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try Self.log(
            notes,
            [
                "--new", "Bolt & Co", "--name", "Bolt & Co \"Ltd\"", "--billing", "fixed", "--contact",
                "Jo <jo@bolt.example>", "Kickoff #referral", "--date", "2026-11-20",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: notes.appendingPathComponent("bolt-co.md"), encoding: .utf8)
        #expect(
            text
                == "---\nclient: \"Bolt & Co \\\"Ltd\\\"\"\nbilling: fixed\ncontact: \"Jo <jo@bolt.example>\"\n"
                + "since: 2026-11-20\n---\n\n# Bolt & Co \"Ltd\"\n\n## 2026-11-20\n\n- Kickoff #referral\n")
        let dossier = try CLI.run(["dossier", notes.path, "bolt-co", "--format", "json", "--as-of", "2026-11-29"])
        #expect(dossier.stdout.contains("\"billing\" : \"fixed\""), "\(dossier.stdout)")
        #expect(dossier.stdout.contains("Jo <jo@bolt.example>"))
        let again = try Self.log(notes, ["--new", "Acme", "x"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists already"))
        #expect(Self.bytes(notes.appendingPathComponent("acme.md")) == Array(Self.acme.utf8))
    }

    @Test("without text, $VISUAL/$EDITOR writes the entry; an empty one logs nothing")
    func editor() throws {
        let notes = try CLI.notes([
            "acme.md": Self.acme,
            "editor.sh": "printf 'Long call.\\n\\nAsked for 20%% off #unreasonable\\n' > \"$1\"\n",
            "empty.sh": ": > \"$1\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let editor = "/bin/sh " + notes.appendingPathComponent("editor.sh").path
        let result = try Self.log(
            notes, ["acme", "--date", "2026-11-29"], environment: ["VISUAL": "", "EDITOR": editor])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: notes.appendingPathComponent("acme.md"), encoding: .utf8)
        #expect(text.hasSuffix("## 2026-11-29\n\n- Long call.\n\n  Asked for 20% off #unreasonable\n"), "\(text)")
        let empty = try Self.log(
            notes, ["acme"], environment: ["VISUAL": "/bin/sh " + notes.appendingPathComponent("empty.sh").path])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("nothing logged"))
        #expect(try String(contentsOf: notes.appendingPathComponent("acme.md"), encoding: .utf8) == text)
    }

    @Test("a CRLF file stays CRLF; a --time entry gets its own heading")
    func crlfAndTime() throws {
        let notes = try CLI.notes(["acme.md": "## 2026-11-01\r\n\r\n- a\r\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try Self.log(notes, ["acme", "call #praise", "--date", "2026-11-02", "--time", "9:30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try String(contentsOf: notes.appendingPathComponent("acme.md"), encoding: .utf8)
                == "## 2026-11-01\r\n\r\n- a\r\n\r\n## 2026-11-02 9:30\r\n\r\n- call #praise\r\n")
        let bad = try Self.log(notes, ["acme", "x", "--time", "25:00"])
        #expect(bad.status == 64)
    }

    // MARK: - The fault guarantees of lint --fix

    @Test("a read-only file (or a new file in a read-only folder) is refused and left as it was")
    func readOnly() throws {
        let notes = try CLI.notes(["acme.md": Self.acme, "nord/2026-10.md": "## 2026-10-01\n\n- a\n"])
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: notes.appendingPathComponent("nord").path)
            try? FileManager.default.removeItem(at: notes)
        }
        let file = notes.appendingPathComponent("acme.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let result = try Self.log(notes, ["acme", "late #late"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not written: the file is read-only"), "\(result.stderr)")
        #expect(Self.bytes(file) == Array(Self.acme.utf8))
        let folder = notes.appendingPathComponent("nord")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let second = try Self.log(notes, ["nord", "late #late", "--date", "2026-11-29"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("read-only"), "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["2026-10.md"])
    }

    @Test("a write past the file-size limit (ulimit -f) is reported; the note is whole")
    func fileSizeLimit() throws {
        let filler = String(repeating: "- 2026-01-01: a quiet day of work, nothing to report.\n", count: 80)
        let notes = try CLI.notes(["acme.md": filler])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(
            "/bin/bash",
            [
                "-c", "ulimit -f 1; exec \"$0\" \"$@\"", CLI.executable.path, "log", "--notes", notes.path, "acme",
                "x #late",
            ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write the temporary file (File too large)"), "\(result.stderr)")
        #expect(String(decoding: Self.bytes(notes.appendingPathComponent("acme.md")), as: UTF8.self) == filler)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test("killed (SIGKILL) at points through a run: the note is its old bytes or the old plus the entry")
    func realKills() throws {
        let filler = String(repeating: "- 2026-01-01: a quiet day of work, nothing to report.\n", count: 300)
        let timeout = try #require(Subprocess.find(["timeout"]), "coreutils timeout is needed")
        let notes = try CLI.notes(["acme.md": filler])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        let arguments = ["log", "--notes", notes.path, "acme", "x #late", "--date", "2026-11-29"]
        let start = Date()
        _ = try CLI.run(arguments)
        let whole = Date().timeIntervalSince(start)
        let new = String(decoding: Self.bytes(file), as: UTF8.self)
        #expect(new == filler + "\n## 2026-11-29\n\n- x #late\n")
        for fraction in [0.5, 0.8, 0.95, 0.99] {
            try Data(filler.utf8).write(to: file)
            let delay = String(format: "%.3f", whole * fraction)
            _ = try CLI.run(timeout, ["--signal=KILL", delay, CLI.executable.path] + arguments)
            let now = String(decoding: Self.bytes(file), as: UTF8.self)
            #expect(now == filler || now == new, "killed after \(delay) s: the note is neither old nor new")
        }
    }

    @Test("killed while creating a new client's file: the file is absent or whole, never partial")
    func killedCreating() throws {
        let timeout = try #require(Subprocess.find(["timeout"]), "coreutils timeout is needed")
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("bolt.md")
        let text = String(repeating: "A long first entry. ", count: 200) + "#referral"
        let arguments = ["log", "--notes", notes.path, "--new", "Bolt", text, "--date", "2026-11-29"]
        let start = Date()
        _ = try CLI.run(arguments)
        let whole = Date().timeIntervalSince(start)
        let complete = Self.bytes(file)
        #expect(String(decoding: complete, as: UTF8.self).hasSuffix(text + "\n"))
        for fraction in [0.5, 0.8, 0.95, 0.99] {
            try FileManager.default.removeItem(at: file)
            let delay = String(format: "%.3f", whole * fraction)
            _ = try CLI.run(timeout, ["--signal=KILL", delay, CLI.executable.path] + arguments)
            let exists = FileManager.default.fileExists(atPath: file.path)
            #expect(!exists || Self.bytes(file) == complete, "killed after \(delay) s: a partial file")
            if !exists { try Data(complete).write(to: file) }
        }
    }

    @Test("as a real non-root user (setpriv, nobody): a note it cannot write is refused and untouched")
    func nonRootUser() throws {
        guard getuid() == 0 else { return }  // Not root: readOnly() above runs as the non-root user already.
        let setpriv = try #require(
            ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "setpriv (util-linux) is needed to run redflag as a non-root user")
        let redflag = try LintFixSafetyTests.executableForNobody(setpriv: setpriv)
        defer {
            if redflag != CLI.executable.path {
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: redflag).deletingLastPathComponent())
            }
        }
        let notes = try CLI.notes(["acme.md": Self.acme])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: notes.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let result = try CLI.run(
            setpriv,
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", redflag, "log", "--notes", notes.path, "acme",
                "x #late",
            ],
            in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("not written: the file is read-only"), "\(result.stderr)")
        #expect(Self.bytes(file) == Array(Self.acme.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test("a killed run's temporary file is removed by the next run; a linked note stays a link")
    func leftoverAndLink() throws {
        let root = try CLI.notes(["real/acme.md": Self.acme, "notes/.keep": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let link = root.appendingPathComponent("notes/acme.md")
        let target = root.appendingPathComponent("real/acme.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let leftover = root.appendingPathComponent("real/.acme.md.redflag-2147483000-12345.tmp")
        try Data("half".utf8).write(to: leftover)
        let result = try CLI.run(["log", "--notes", root.appendingPathComponent("notes").path, "acme", "x #late"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(String(decoding: Self.bytes(target), as: UTF8.self).hasPrefix(Self.acme))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("real").path) == ["acme.md"]
        )
    }
}
