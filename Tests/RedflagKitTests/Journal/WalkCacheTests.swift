import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The walk cache (`WalkCache`): a folder unchanged since the last walk is not listed again, and the
/// walk with the cache always finds what a walk without it finds (paths, client ids, stamps, problems).
@Suite("Walk cache")
struct WalkCacheTests {
    /// Notes in a temporary folder, every file and folder dated 2023 (not racy), and a cache folder.
    static func agedNotes() throws -> (notes: URL, cache: CacheLocation, cacheFolder: URL) {
        let notes = try NotesDirectoryWalkTests.notes([
            "acme.md": "- 2025-01-02: late #late\n", "acme/2025.md": "## 2025-02-01\nlied #lie\n",
            "beta/2024/q1.md": "- 2024-01-02: fine #paid\n", "beta/notes.txt": "not notes\n",
            "Gamma Corp.md": "- 2024-01-02: x\n",
        ])
        try age(notes)
        let folder = try TestPaths.temporaryDirectory()
        return (notes, CacheLocation(folder: folder.path, root: notes.path, version: "test"), folder)
    }

    /// Dates every file and folder under `root` (and `root`) in 2023.
    static func age(_ root: URL) throws {
        let old = [FileAttributeKey.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let name = enumerator?.nextObject() as? String { paths.append(root.appendingPathComponent(name).path) }
        // Children first: dating a file does not change its folder's time, but creating does.
        for path in paths.reversed() + [root.path] { try FileManager.default.setAttributes(old, ofItemAtPath: path) }
    }

    /// The walk with the cache equals the walk without it (files with their clients and stamps,
    /// markers, settings, problems); returns how many folders the cached walk read from the disk.
    @discardableResult
    static func walkMatches(
        _ notes: URL, _ cache: CacheLocation, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Int {
        var plainProblems: [Diagnostic] = []
        let plain = NotesDirectory.discover(root: notes.path, diagnostics: &plainProblems)
        var cachedProblems: [Diagnostic] = []
        let (cached, read) = NotesDirectory.discoverCounting(
            root: notes.path, cache: cache, diagnostics: &cachedProblems)
        #expect(cached == plain, sourceLocation: sourceLocation)
        #expect(cached.files.map(\.stamp) == plain.files.map(\.stamp), sourceLocation: sourceLocation)
        #expect(cachedProblems == plainProblems, sourceLocation: sourceLocation)
        return read
    }

    @Test("an unchanged tree is walked without listing a folder; every file keeps its stamp from one lstat")
    func unchanged() throws {
        let (notes, cache, folder) = try Self.agedNotes()
        defer { for url in [notes, folder] { try? FileManager.default.removeItem(at: url) } }
        #expect(try Self.walkMatches(notes, cache) == 4)  // root, acme, beta, beta/2024 (cold) …
        #expect(FileManager.default.fileExists(atPath: cache.file("walk")))
        #expect(try Self.walkMatches(notes, cache) == 0)  // … then none
        var problems: [Diagnostic] = []
        let listing = NotesDirectory.discover(root: notes.path, cache: cache, diagnostics: &problems)
        #expect(listing.files.map(\.path) == ["Gamma Corp.md", "acme.md", "acme/2025.md", "beta/2024/q1.md"])
        #expect(listing.files.map(\.client) == listing.files.map { NotesDirectory.clientID(forRelativePath: $0.path) })
        #expect(listing.files.map(\.client.rawValue).suffix(3) == ["acme", "acme", "beta"])
        #expect(
            listing.files.allSatisfy {
                $0.stamp == ParseCache.Stamp.of(path: notes.appendingPathComponent($0.path).path)
            })
    }

    @Test("a new, deleted or renamed file or folder is seen; only the folders that changed are listed again")
    func changes() throws {
        let (notes, cache, folder) = try Self.agedNotes()
        defer { for url in [notes, folder] { try? FileManager.default.removeItem(at: url) } }
        try Self.walkMatches(notes, cache)
        // A new file deep down: its folder changed (and is racy now: listed until it is two seconds old).
        try Data("- 2024-03-01: new #late\n".utf8).write(to: notes.appendingPathComponent("beta/2024/q2.md"))
        #expect(try Self.walkMatches(notes, cache) == 1)
        try Self.age(notes)
        // Dated again: every folder's change time (ctime) moved, so every folder is listed once more.
        #expect(try Self.walkMatches(notes, cache) == 4)
        #expect(try Self.walkMatches(notes, cache) == 0)
        // A deleted file.
        try FileManager.default.removeItem(at: notes.appendingPathComponent("acme/2025.md"))
        try Self.walkMatches(notes, cache)
        // A renamed folder: its parent changed; the folder keeps its inode but not its path.
        try FileManager.default.moveItem(
            at: notes.appendingPathComponent("beta"), to: notes.appendingPathComponent("delta"))
        try Self.walkMatches(notes, cache)
        var problems: [Diagnostic] = []
        let listing = NotesDirectory.discover(root: notes.path, cache: cache, diagnostics: &problems)
        #expect(listing.files.map(\.path) == ["Gamma Corp.md", "acme.md", "delta/2024/q1.md", "delta/2024/q2.md"])
        #expect(listing.files.map(\.client.rawValue).suffix(3) == ["acme", "delta", "delta"])
    }

    @Test("a file edited in place (its folder untouched) gets its new stamp; a touched folder is listed again")
    func editedAndTouched() throws {
        let (notes, cache, folder) = try Self.agedNotes()
        defer { for url in [notes, folder] { try? FileManager.default.removeItem(at: url) } }
        try Self.walkMatches(notes, cache)
        let file = notes.appendingPathComponent("acme/2025.md")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("- 2025-03-01: more #late\n".utf8))
        try handle.close()
        #expect(try Self.walkMatches(notes, cache) == 0)  // no folder changed …
        var problems: [Diagnostic] = []
        let listing = NotesDirectory.discover(root: notes.path, cache: cache, diagnostics: &problems)
        let stamp = listing.files.first { $0.path == "acme/2025.md" }?.stamp
        #expect(stamp == ParseCache.Stamp.of(path: file.path))  // … the file's new stamp is seen
        #expect(stamp?.size == "## 2025-02-01\nlied #lie\n- 2025-03-01: more #late\n".utf8.count)
        // A touched folder (new time, same names) is listed again, and found the same.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_710_000_000)],
            ofItemAtPath: notes.appendingPathComponent("acme").path)
        #expect(try Self.walkMatches(notes, cache) == 1)
        #expect(try Self.walkMatches(notes, cache) == 0)
    }

    @Test("a folder reached through a symbolic link is listed by its own identity; links are resolved every time")
    func symbolicLinks() throws {
        let (notes, cache, folder) = try Self.agedNotes()
        let outside = try NotesDirectoryWalkTests.notes(["2025.md": "- 2025-01-02: x #late\n"])
        defer { for url in [notes, folder, outside] { try? FileManager.default.removeItem(at: url) } }
        try NotesDirectoryWalkTests.link(notes, "zeta", to: outside.path)
        try NotesDirectoryWalkTests.link(notes, "acme/copy.md", to: "2025.md")
        try Self.age(outside)
        try Self.age(notes)
        try Self.walkMatches(notes, cache)
        #expect(try Self.walkMatches(notes, cache) == 0)
        // A new file in the linked folder (outside the notes): that folder changed, not the notes'.
        try Data("- 2025-02-02: y #lie\n".utf8).write(to: outside.appendingPathComponent("2026.md"))
        #expect(try Self.walkMatches(notes, cache) == 1)
        // The link now points elsewhere (re-created: its folder changed too).
        let other = try NotesDirectoryWalkTests.notes(["other.md": "- 2025-01-02: z\n"])
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.removeItem(at: notes.appendingPathComponent("zeta"))
        try NotesDirectoryWalkTests.link(notes, "zeta", to: other.path)
        try Self.walkMatches(notes, cache)
        var problems: [Diagnostic] = []
        let listing = NotesDirectory.discover(root: notes.path, cache: cache, diagnostics: &problems)
        #expect(listing.files.map(\.path).contains("zeta/other.md"))
        #expect(!listing.files.map(\.path).contains("zeta/2025.md"))
    }

    @Test(
        "a corrupt, truncated, foreign or empty walk cache is ignored and rewritten",
        arguments: ["garbage", "truncated", "flipped", "foreign", "empty"])
    func badCache(kind: String) throws {
        let (notes, cache, folder) = try Self.agedNotes()
        defer { for url in [notes, folder] { try? FileManager.default.removeItem(at: url) } }
        try Self.walkMatches(notes, cache)
        let file = URL(fileURLWithPath: cache.file("walk"))
        let good = try Data(contentsOf: file)
        var bad = good
        switch kind {
        case "garbage": bad = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        case "truncated": bad = good.prefix(good.count - 9)
        case "flipped":
            // A name in the listing changed: the checksum no longer matches.
            let index = bad.index(bad.endIndex, offsetBy: -20)
            bad[index] ^= 0x20
        case "foreign":
            let other = CacheLocation(folder: folder.path, root: notes.path, version: "another")
            var problems: [Diagnostic] = []
            _ = NotesDirectory.discover(root: notes.path, cache: other, diagnostics: &problems)
            bad = try Data(contentsOf: URL(fileURLWithPath: other.file("walk")))
            #expect(bad != good)
        default: bad = Data()
        }
        try bad.write(to: file)
        #expect(try Self.walkMatches(notes, cache) == 4)
        #expect(try Data(contentsOf: file) == good)
        #expect(try Self.walkMatches(notes, cache) == 0)
    }
}
