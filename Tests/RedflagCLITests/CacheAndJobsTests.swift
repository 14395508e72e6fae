import Foundation
import RedflagTestSupport
import Testing

/// The parse cache and `--jobs` change how fast the notes are read, never a byte of the output.
@Suite("parse cache and --jobs")
struct CacheAndJobsTests {
    /// A new empty temporary folder for a cache.
    static func cacheFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The one parse cache file in `folder` (`triage` keeps its own beside it: `TriageCacheTests`; lint
    /// its `lint-….cache`: `LintCacheTests`).
    static func cacheFile(in folder: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("notes-") && $0.hasSuffix(".cache")
        }
        try #require(names.count == 1, "cache files: \(names)")
        return folder.appendingPathComponent(names[0])
    }

    @Test(
        "scan, tags, triage and lint print the same bytes without the cache, with a cold and a warm one, with any --jobs",
        arguments: [
            ["scan", "journal-samples", "--format", "jsonl"], ["tags", "journal-samples", "--format", "json"],
            ["triage", "journal-samples", "--as-of", "2026-11-29", "--format", "json"],
            ["lint", "journal-samples", "--as-of", "2026-11-29", "--format", "json"],
        ])
    func sameOutput(command: [String]) throws {
        let cache = try Self.cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let reference = try CLI.run(command + ["--no-cache", "--jobs", "1"])
        #expect(reference.status <= 1, "\(reference.stderr)")
        #expect(!reference.stdout.isEmpty)
        for variant in [
            ["--no-cache", "--jobs", "3"], ["--cache-path", cache.path], ["--cache-path", cache.path, "--jobs", "1"],
            ["--cache-path", cache.path, "--jobs", "4"],
        ] {
            let result = try CLI.run(command + variant)
            #expect(result.status == reference.status, "\(variant)")
            #expect(result.stdout == reference.stdout, "\(variant)")
            #expect(result.stderr == reference.stderr, "\(variant)")
        }
        _ = try Self.cacheFile(in: cache)
    }

    @Test(
        "plain notes, read one client at a time, print what reading them whole prints, with any --jobs and cache",
        arguments: ["jsonl", "json", "csv", "text"])
    func streamedScan(format: String) throws {
        let notes = try CLI.notes([
            "B.md": "- 2025-01-05: late again #late\n- 2024-12-01: earlier #lie\n",
            "a.md": "- 2025-01-02: paid #paid\n",
            "acme.md": "---\nclient: Acme Corp\n---\n- 2025-02-01: in the file #late\n",
            "acme/2025-01.md": "## 2025-01-03\nIn the folder #warned\n\n- undated one\n",
            "acme/2024-12.md": "## 2024-12-03\nOlder, later file name #changed-mind\n",
            "yak.md": "- 2025-02-30: impossible day #late\n- 2025-03-01: fine \"quoted\"\r\n",
        ])
        let cache = try Self.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let scan = ["scan", notes.path, "--format", format]
        // `--client` (every client) reads the whole journal first: the reference.
        let whole = try CLI.run(
            scan + ["--no-cache", "--jobs", "1"] + ["b", "a", "acme", "yak"].flatMap { ["--client", $0] })
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("earlier") && whole.stdout.contains("quoted"))
        #expect(whole.stderr.contains("not a valid date"))
        for variant in [
            ["--no-cache", "--jobs", "1"], ["--no-cache", "--jobs", "3"], ["--cache-path", cache.path],
            ["--cache-path", cache.path, "--jobs", "1"],
        ] {
            let result = try CLI.run(scan + variant)
            #expect(result.status == whole.status, "\(variant)")
            #expect(result.stdout == whole.stdout, "\(variant)")
            #expect(result.stderr == whole.stderr, "\(variant)")
        }
        let tags = try CLI.run(["tags", notes.path, "--format", "json", "--no-cache"])
        #expect(tags.stdout.contains("\"changed-mind\""))
        #expect(
            try CLI.run(["tags", notes.path, "--format", "json", "--cache-path", cache.path]).stdout == tags.stdout)
    }

    @Test("a changed file is read again, even at once and at the same size; so are files after a config change")
    func changesAreSeen() throws {
        let notes = try CLI.notes(["acme.md": "- 2025-01-02: late again #late\n", "beta.md": "- 2025-01-03: fine\n"])
        let cache = try Self.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let scan = ["scan", notes.path, "--format", "csv", "--cache-path", cache.path]
        #expect(try CLI.run(scan).stdout.contains("late again"))
        // Same size, written within the same second: the cache must not answer for it.
        try Data("- 2025-01-02: lied again #lie\n".utf8).write(to: notes.appendingPathComponent("acme.md"))
        let changed = try CLI.run(scan)
        #expect(changed.stdout.contains("lied again"))
        #expect(!changed.stdout.contains("late again"))
        // A new alias in redflag.yml changes how the same bytes are read.
        try Data("vocabulary:\n  aliases:\n    fine: paid\n".utf8).write(
            to: notes.appendingPathComponent("redflag.yml"))
        try Data("- 2025-01-03: fine #fine\n".utf8).write(to: notes.appendingPathComponent("beta.md"))
        let before = try CLI.run(scan)
        try Data("vocabulary:\n  aliases:\n    fine: late\n".utf8).write(
            to: notes.appendingPathComponent("redflag.yml"))
        let after = try CLI.run(scan)
        #expect(before.stdout.contains("paid"), "\(before.stdout)\(before.stderr)")
        #expect(after.stdout.contains("fine,late") || after.stdout.contains(",late,"), "\(after.stdout)")
        #expect(after.stdout == (try CLI.run(Array(scan.dropLast(2)) + ["--no-cache"]).stdout))
    }

    @Test("a cache written by another build of the same version is not used (a rebuilt parser reads again)")
    func otherBuildIsNotTrusted() throws {
        // A copy of the binary, with its resource bundles beside it, that the test can "rebuild"
        // (give a new modification time) without touching the real one.
        let build = try Self.cacheFolder()
        let notes = try CLI.notes(["acme.md": "- 2025-01-02: late again #late\n"])
        let cache = try Self.cacheFolder()
        defer {
            for folder in [build, notes, cache] { try? FileManager.default.removeItem(at: folder) }
        }
        let manager = FileManager.default
        let binary = build.appendingPathComponent("redflag")
        try manager.copyItem(at: CLI.executable, to: binary)
        let products = CLI.executable.deletingLastPathComponent()
        for name in try manager.contentsOfDirectory(atPath: products.path) where name.hasSuffix(".resources") {
            try manager.createSymbolicLink(
                at: build.appendingPathComponent(name), withDestinationURL: products.appendingPathComponent(name))
        }
        let scan = ["scan", notes.path, "--format", "csv", "--cache-path", cache.path]
        // An old modification time: a file written in the second the cache was saved is never trusted.
        let file = notes.appendingPathComponent("acme.md")
        let stamp = Date(timeIntervalSince1970: 1_600_000_000)
        try manager.setAttributes([.modificationDate: stamp], ofItemAtPath: file.path)
        #expect(try CLI.run(binary.path, scan).stdout.contains("late again"))
        // The same size and modification time: the cache answers for the file, unread (that is the
        // cache's bargain, as in SwiftLint's), so the old text is what a warm run prints.
        try Data("- 2025-01-02: lied again! #lie\n".utf8).write(to: file)
        try manager.setAttributes([.modificationDate: stamp], ofItemAtPath: file.path)
        #expect(try CLI.run(binary.path, scan).stdout.contains("late again"))
        // Another build (same version, new executable): nothing it did not parse itself is trusted.
        try manager.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: binary.path)
        let rebuilt = try CLI.run(binary.path, scan)
        #expect(rebuilt.stdout.contains("lied again"), "\(rebuilt.stdout)\(rebuilt.stderr)")
        #expect(!rebuilt.stdout.contains("late again"))
    }

    @Test(
        "a corrupt, truncated or foreign cache file is ignored and rewritten",
        arguments: ["garbage", "truncated", "foreign"])
    func badCacheIsIgnored(kind: String) throws {
        let cache = try Self.cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let scan = ["scan", "journal-samples", "--format", "jsonl", "--cache-path", cache.path]
        let reference = try CLI.run(scan)
        let file = try Self.cacheFile(in: cache)
        let good = try Data(contentsOf: file)
        switch kind {
        case "garbage": try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: file)
        case "truncated": try good.prefix(good.count / 2).write(to: file)
        default:
            // Written by another version: the first letter of the version after the magic line and
            // two one-byte numbers (format, the version's length).
            var foreign = good
            let index = foreign.startIndex + "redflag parse cache\n".utf8.count + 2
            foreign[index] = foreign[index] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
            try foreign.write(to: file)
        }
        let result = try CLI.run(scan)
        #expect(result.status == reference.status)
        #expect(result.stdout == reference.stdout)
        #expect(result.stderr == reference.stderr)
        // Rewritten whole: the next run reads it back.
        #expect(try Data(contentsOf: file).count == good.count)
        #expect(try CLI.run(scan).stdout == reference.stdout)
    }

    @Test("the cache goes to $XDG_CACHE_HOME/redflag by default, never inside the notes, and --no-cache writes none")
    func cacheLocation() throws {
        let home = try Self.cacheFolder()
        let notes = try CLI.notes(["acme.md": "- 2025-01-02: late #late\n"])
        defer {
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: notes)
        }
        let environment = ["XDG_CACHE_HOME": home.path]
        #expect(try CLI.run(["tags", notes.path, "--no-cache"], environment: environment).status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("redflag").path))
        #expect(try CLI.run(["tags", notes.path], environment: environment).status == 0)
        _ = try Self.cacheFile(in: home.appendingPathComponent("redflag"))
        let inside = try CLI.run(["tags", notes.path, "--cache-path", notes.appendingPathComponent("cache").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("inside the notes directory"), "\(inside.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["acme.md"])
        let both = try CLI.run(["tags", notes.path, "--no-cache", "--cache-path", home.path])
        #expect(both.status == 64)
        #expect(try CLI.run(["tags", notes.path, "--jobs", "0"]).status == 64)
    }
}
