import Foundation
import RedflagTestSupport
import Testing

/// `lint --fix` as a user meets it on a real disk: read-only files (as root and as a real
/// non-root user), a multi-file fix that half succeeds, a write past the file-size limit, the
/// leftover of a killed run, links, and files with nothing to fix.
@Suite("redflag lint --fix on a hostile file system", .serialized)
struct LintFixSafetyTests {
    static let overdue = "- 2026-10-30: Invoice 2211 still not paid, 45 days overdue.\n"
    static let fixed = "- 2026-10-30: Invoice 2211 still not paid, 45 days overdue. #late\n"
    static let asOf = ["--as-of", "2026-11-29"]

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test("half succeeds: the writable file is fixed, the read-only one refused and untouched; exit 2")
    func halfSucceeds() throws {
        let notes = try CLI.notes(["acme.md": Self.overdue, "bolt.md": Self.overdue])
        defer { try? FileManager.default.removeItem(at: notes) }
        let readOnly = notes.appendingPathComponent("bolt.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
        let result = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("acme.md:1: fixed: added #late"))
        #expect(result.stderr.contains("bolt.md: error: not fixed: the file is read-only"))
        #expect(result.stderr.contains("added 1 tag in 1 file"))
        // The remaining finding (bolt's) is still reported after the fix.
        #expect(result.stdout.contains("bolt.md:1:1: warning: untagged incident"))
        #expect(!result.stdout.contains("acme.md:1:1"))
        #expect(Self.text(notes.appendingPathComponent("acme.md")) == Self.fixed)
        #expect(Self.text(readOnly) == Self.overdue)
        #expect(Self.mode(readOnly.path) == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).sorted() == ["acme.md", "bolt.md"])
    }

    @Test("as a real non-root user (setpriv, nobody): a file it cannot write is refused with a message")
    func nonRootUser() throws {
        guard getuid() == 0 else {
            // Not root: this process is the non-root user already.
            let notes = try CLI.notes(["acme.md": Self.overdue])
            defer { try? FileManager.default.removeItem(at: notes) }
            let file = notes.appendingPathComponent("acme.md")
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
            let result = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
            #expect(result.status == 2)
            #expect(result.stderr.contains("read-only"))
            #expect(Self.text(file) == Self.overdue)
            return
        }
        let setpriv = try #require(
            ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "setpriv (util-linux) is needed to run redflag as a non-root user")
        let redflag = try Self.executableForNobody(setpriv: setpriv)
        defer {
            if redflag != CLI.executable.path {
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: redflag).deletingLastPathComponent())
            }
        }
        // Owned by root, mode 0644 and 0755: nobody may read the notes but not write them.
        let notes = try CLI.notes(["acme.md": Self.overdue])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: notes.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let result = try CLI.run(
            setpriv,
            ["--reuid=65534", "--regid=65534", "--clear-groups", redflag, "lint", notes.path, "--fix"]
                + Self.asOf, in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("acme.md: error: not fixed: the file is read-only"), "\(result.stderr)")
        #expect(Self.text(file) == Self.overdue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])

        // Its own file in a folder it cannot write: refused too (the temporary file could not be made).
        let folder = try CLI.notes(["acme.md": Self.overdue])
        defer { try? FileManager.default.removeItem(at: folder) }
        let own = folder.appendingPathComponent("acme.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: own.path)
        let second = try CLI.run(
            setpriv,
            ["--reuid=65534", "--regid=65534", "--clear-groups", redflag, "lint", folder.path, "--fix"]
                + Self.asOf, in: FileManager.default.temporaryDirectory)
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("is read-only"), "\(second.stderr)")
        #expect(Self.text(own) == Self.overdue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["acme.md"])
    }

    /// The redflag binary as user nobody can run it: the built one when nobody may reach it (its
    /// folders are open to others), else a copy with its resource bundles in a temporary folder
    /// (a CI checkout may sit in a folder only root can enter).
    static func executableForNobody(setpriv: String) throws -> String {
        let built = CLI.executable
        let probe = try CLI.run(
            setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/test", "-x", built.path])
        if probe.status == 0, ProcessInfo.processInfo.environment["REDFLAG_TEST_COPY_BINARY"] == nil {
            return built.path
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let buildFolder = built.deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: buildFolder.path)
        where name.hasPrefix("redflag_") && name.hasSuffix(".resources") && !name.contains("Tests") {
            try FileManager.default.copyItem(
                at: buildFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let copy = folder.appendingPathComponent("redflag")
        try FileManager.default.copyItem(at: built, to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        return copy.path
    }

    @Test("a write past the file-size limit (ulimit -f) is reported, not a crash; the file is whole")
    func fileSizeLimit() throws {
        // 4 KB of notes, a 1 KiB limit: the temporary file cannot be written in full.
        let filler = String(repeating: "- 2026-01-01: a quiet day of work, nothing to report.\n", count: 80)
        let notes = try CLI.notes(["acme.md": filler + Self.overdue])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        let before = Self.text(file)
        let result = try CLI.run(
            "/bin/bash",
            ["-c", "ulimit -f 1; exec \"$0\" \"$@\"", CLI.executable.path, "lint", notes.path, "--fix"] + Self.asOf)
        #expect(result.status == 2, "status \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("cannot write the temporary file (File too large)"), "\(result.stderr)")
        #expect(result.stderr.contains("left untouched"))
        #expect(Self.text(file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test("output redirected to a file that hits the file-size limit is cut short, not a crash")
    func outputPastFileSizeLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-fsize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            "/bin/bash",
            [
                "-c", "ulimit -f 1; \"$0\" \"$@\" > \"$OUT/out.txt\" 2> \"$OUT/err.txt\"; echo \"status $?\"",
                CLI.executable.path, "lint", "journal-samples",
            ] + Self.asOf, environment: ["OUT": folder.path])
        // 0 or 1 as usual (the findings decide), never a signal (128 + n).
        let status = Int(
            result.stdout.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        #expect(status.map { $0 <= 2 } == true, "\(result.stdout) \(result.stderr)")
        let written = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("out.txt").path)
        #expect((written[.size] as? Int ?? 0) <= 1024)
    }

    @Test("the leftover temporary file of a killed run trips nothing and the next --fix removes it")
    func leftoverOfKilledRun() throws {
        let notes = try CLI.notes(["acme.md": Self.overdue])
        defer { try? FileManager.default.removeItem(at: notes) }
        // What a run killed between writing and renaming leaves: the old file, whole, and its
        // temporary file (of a process that no longer exists), here cut short.
        let leftover = notes.appendingPathComponent(".acme.md.redflag-2147483000-12345.tmp")
        try Data(Self.fixed.prefix(20).utf8).write(to: leftover)
        let lint = try CLI.run(["lint", notes.path, "--format", "json"] + Self.asOf)
        #expect(lint.status == 0)
        #expect(!lint.stdout.contains(".tmp"))
        #expect(!lint.stderr.contains(".tmp"))
        let fixed = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(Self.text(notes.appendingPathComponent("acme.md")) == Self.fixed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test("killed (SIGKILL) at points through a --fix run: the note is always its old or its new bytes, whole")
    func realKills() throws {
        let filler = String(repeating: "- 2026-01-01: a quiet day of work, nothing to report.\n", count: 300)
        let old = filler + Self.overdue
        let new = filler + Self.fixed
        let timeout = try #require(Subprocess.find(["timeout"]), "coreutils timeout is needed")
        let notes = try CLI.notes(["acme.md": old])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md")
        // How long a whole run takes here, then kills spread over it, the last ones near its end.
        let start = Date()
        _ = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
        let whole = Date().timeIntervalSince(start)
        #expect(Self.text(file) == new)
        for fraction in [0.5, 0.8, 0.95, 0.99] {
            try Data(old.utf8).write(to: file)
            let delay = String(format: "%.3f", whole * fraction)
            _ = try CLI.run(
                timeout, ["--signal=KILL", delay, CLI.executable.path, "lint", notes.path, "--fix"] + Self.asOf)
            let now = Self.text(file)
            #expect(now == old || now == new, "killed after \(delay) s: the note is neither old nor new")
        }
        // The next run finishes the job and leaves nothing behind.
        try Data(old.utf8).write(to: file)
        _ = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
        #expect(Self.text(file) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
    }

    @Test("a linked note stays a link and its target is fixed")
    func linkStaysLink() throws {
        let root = try CLI.notes(["real/acme.md": Self.overdue, "notes/.keep": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let link = root.appendingPathComponent("notes/acme.md")
        let target = root.appendingPathComponent("real/acme.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let result = try CLI.run(["lint", root.appendingPathComponent("notes").path, "--fix"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(Self.text(target) == Self.fixed)
    }

    @Test("a file with nothing to fix is never rewritten: same inode, same time stamp")
    func nothingToFix() throws {
        let notes = try CLI.notes(["acme.md": Self.fixed, "bolt.md": "- 2026-11-01: done #lei\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        var before: [String: [FileAttributeKey: Any]] = [:]
        for name in ["acme.md", "bolt.md"] {
            let path = notes.appendingPathComponent(name).path
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
            before[name] = try FileManager.default.attributesOfItem(atPath: path)
        }
        let result = try CLI.run(["lint", notes.path, "--fix"] + Self.asOf)
        #expect(result.stderr.contains("added 0 tags in 0 files"))
        for name in ["acme.md", "bolt.md"] {
            let after = try FileManager.default.attributesOfItem(atPath: notes.appendingPathComponent(name).path)
            #expect(after[.modificationDate] as? Date == past, "\(name)")
            #expect(after[.systemFileNumber] as? Int == before[name]?[.systemFileNumber] as? Int, "\(name)")
        }
    }
}
