import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The notes-directory walk on a real file system: symbolic links, special files, tool folders
/// and `ignore:` patterns.
@Suite("Notes directory walk")
struct NotesDirectoryWalkTests {
    /// A temporary notes directory with `files` (path → text); removed by the caller.
    static func notes(_ files: [String: String]) throws -> URL {
        let root = try TestPaths.temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func link(_ root: URL, _ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    @Test("a folder link back to an ancestor is reported and skipped; the walk ends")
    func folderLoop() throws {
        let root = try Self.notes(["acme/2025.md": "- 2025-01-02: x #late\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.link(root, "acme/loop", to: "..")
        try Self.link(root, "acme/self", to: ".")
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["acme/2025.md"])
        let messages = journal.diagnostics.map(\.description)
        #expect(messages.contains("acme/loop/: warning: symbolic link loop: the folder contains itself; skipped"))
        #expect(messages.contains("acme/self/: warning: symbolic link loop: the folder contains itself; skipped"))
    }

    @Test("a link that leads back to itself is reported and skipped")
    func fileLoop() throws {
        let root = try Self.notes(["acme.md": "- 2025-01-02: x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.link(root, "a.md", to: "b.md")
        try Self.link(root, "b.md", to: "a.md")
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["acme.md"])
        #expect(
            journal.diagnostics.map(\.description).sorted() == [
                "a.md: warning: symbolic link loop; skipped", "b.md: warning: symbolic link loop; skipped",
            ])
    }

    @Test("links to a FIFO, a socket or a device are reported and skipped, never opened")
    func specialFiles() throws {
        let root = try Self.notes(["acme.md": "- 2025-01-02: x\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o644) == 0)
        try Self.link(root, "fifo.md", to: root.appendingPathComponent("pipe").path)
        try Self.link(root, "null.md", to: "/dev/null")
        let socketPath = root.appendingPathComponent("sock").path
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        try Self.link(root, "socket.md", to: socketPath)
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["acme.md"])
        let diagnostics = journal.diagnostics.sorted { $0.file < $1.file }
        #expect(
            diagnostics.map(\.description) == [
                "fifo.md: error: not a regular file; skipped", "null.md: error: not a regular file; skipped",
                "socket.md: error: not a regular file; skipped",
            ])
        #expect(diagnostics.map { $0.hint ?? "" }.map { $0.contains("links to a") } == [true, true, true])
    }

    @Test("a linked file inside the tree is read once, by its real path")
    func linkedFileReadOnce() throws {
        let root = try Self.notes(["zeta/notes.md": "- 2025-01-02: paid late #late\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.link(root, "alpha.md", to: "zeta/notes.md")
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["zeta/notes.md"])
        #expect(journal.entries.count == 1)
    }

    @Test("a linked folder inside the tree is read once, by its real path; one outside is read through the link")
    func linkedFolderReadOnce() throws {
        let root = try Self.notes(["acme/2025.md": "- 2025-01-02: x #late\n"])
        let outside = try Self.notes(["2024.md": "- 2024-01-02: y #lie\n"])
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try Self.link(root, "aaa-acme", to: "acme")
        try Self.link(root, "beta", to: outside.path)
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["acme/2025.md", "beta/2024.md"])
        #expect(journal.diagnostics.isEmpty)
    }

    @Test("tool folders are skipped: .obsidian, .foam, logseq (with logseq/bak)")
    func toolFolders() throws {
        let root = try Self.notes([
            ".obsidian/x.md": "#lie\n", ".foam/templates/t.md": "#lie\n", "logseq/bak/pages/a.md": "#lie\n",
            "logseq/custom.md": "#lie\n", "journals/2025_03_05.md": "- [[A]] #late\n", "pages/A.md": "type:: client\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["journals/2025_03_05.md", "pages/A.md"])
        #expect(journal.clients.map(\.id) == ["a"])
        #expect(journal.entries.map(\.client) == ["a"])
    }

    @Test("ignore: in redflag.yml leaves paths out, gitignore style")
    func ignore() throws {
        let root = try Self.notes([
            "redflag.yml":
                "ignore:\n  - Archive/\n  - \"*.draft.md\"\n  - /top.md\n  - \"**/private/**\"\n  - \"!keep.draft.md\"\n",
            "Archive/old.md": "x\n", "acme/Archive/deep.md": "x\n", "acme/a.draft.md": "x\n",
            "acme/keep.draft.md": "x\n",
            "top.md": "x\n", "acme/top.md": "x\n", "acme/x/private/p.md": "x\n", "acme/ok.md": "x\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = NotesDirectory.load(root: root.path)
        #expect(journal.files.map(\.path) == ["acme/keep.draft.md", "acme/ok.md", "acme/top.md"])
    }

    @Test(
        "ignore patterns",
        arguments: [
            ("Archive/", "Archive/a.md", true), ("Archive/", "x/Archive/a.md", true),
            ("/Archive/", "x/Archive/a.md", false),
            ("*.tmp.md", "a/b.tmp.md", true), ("a/*.md", "a/b.md", true), ("a/*.md", "a/c/b.md", false),
            ("a/**/b.md", "a/x/y/b.md", true), ("a/**/b.md", "a/b.md", true), ("b?.md", "b1.md", true),
            ("[bc].md", "c.md", true), ("[!bc].md", "c.md", false), ("notes.md", "deep/notes.md", true),
        ])
    func patterns(pattern: String, path: String, excluded: Bool) {
        #expect(IgnorePatterns([pattern]).excludes(path, isDirectory: false) == excluded)
    }
}
