import Foundation
import RedflagTestSupport
import Testing

/// The lint cache replays the last run's findings for an unchanged tree: the same bytes and exit
/// status as linting from the notes, and never stale.
@Suite("lint cache")
struct LintCacheTests {
    /// The lint cache file in `folder`.
    static func lintCacheFile(in folder: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("lint-") && $0.hasSuffix(".cache")
        }
        try #require(names.count == 1, "lint cache files: \(names)")
        return folder.appendingPathComponent(names[0])
    }

    /// The cache file's modification time and bytes: unchanged when a run replayed it.
    static func snapshot(_ file: URL) throws -> (Date?, Data) {
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        return (modified, try Data(contentsOf: file))
    }

    /// Notes whose files were last modified long ago (so that their stamps are not racy), with a
    /// forgotten incident, an unknown tag and a future date.
    static func oldNotes() throws -> URL {
        let notes = try CLI.notes([
            "acme.md": "- 2025-01-02: Invoice 2211 still not paid, 45 days overdue.\n- 2025-01-03: fine #lae\n",
            "beta.md": "- 2025-01-02: paid on time #paid\n- 2027-01-01: far ahead #late\n",
            "beta/2025.md": "## 2025-02-01\nThey shouted at the team and threw a chair.\n",
        ])
        try age(notes)
        return notes
    }

    /// Sets every file under `folder` to a modification time in 2023.
    static func age(_ folder: URL) throws {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                ofItemAtPath: folder.appendingPathComponent(name).path)
        }
    }

    @Test(
        "cold, warm and --no-cache runs print the same bytes and exit with the same status, with any --jobs",
        arguments: [
            ["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--format", "github", "--strict"],
        ]
    )
    func sameBytes(format: [String]) throws {
        let cache = try CacheAndJobsTests.cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let lint = ["lint", "journal-samples", "--as-of", "2026-11-29"] + format
        let reference = try CLI.run(lint + ["--no-cache", "--jobs", "1"])
        #expect(reference.status == (format.contains("--strict") ? 1 : 0), "\(reference.stderr)")
        #expect(!reference.stdout.isEmpty)
        for variant in [["--cache-path", cache.path, "--jobs", "3"], ["--cache-path", cache.path, "--jobs", "1"]] {
            let result = try CLI.run(lint + variant)
            #expect(result.status == reference.status, "\(variant)")
            #expect(result.stdout == reference.stdout, "\(variant)")
            #expect(result.stderr == reference.stderr, "\(variant)")
        }
        let explained = try CLI.run(lint + ["--no-cache", "--explain"])
        #expect(try CLI.run(lint + ["--cache-path", cache.path, "--explain"]).stdout == explained.stdout)
        _ = try Self.lintCacheFile(in: cache)
    }

    @Test("an unchanged tree is replayed; a touched file still is; a changed file, config or --as-of is linted again")
    func invalidation() throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let lint = ["lint", notes.path, "--as-of", "2026-11-29", "--format", "json"]
        let cached = lint + ["--cache-path", cache.path]
        func fresh() throws -> CLI.Result { try CLI.run(lint + ["--no-cache"]) }
        let cold = try CLI.run(cached)
        #expect(cold.stdout.contains("untagged-incident") && cold.stdout.contains("unknown-tag"), "\(cold.stdout)")
        let file = try Self.lintCacheFile(in: cache)
        let written = try Self.snapshot(file)
        // Replayed: the same bytes, and the cache is not rewritten.
        let warm = try CLI.run(cached)
        #expect(warm.stdout == cold.stdout && warm.status == cold.status)
        #expect(try Self.snapshot(file) == written)

        // Touched (new time, same bytes): the findings stand.
        let acme = notes.appendingPathComponent("acme.md")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_710_000_000)], ofItemAtPath: acme.path)
        #expect(try CLI.run(cached).stdout == cold.stdout)

        // Same size, new content: linted again.
        let old = try String(contentsOf: acme, encoding: .utf8)
        try Data(old.replacingOccurrences(of: "#lae", with: "#lie").utf8).write(to: acme)
        let changed = try CLI.run(cached)
        #expect(!changed.stdout.contains("#lae"), "\(changed.stdout)")
        #expect(changed.stdout == (try fresh()).stdout)
        #expect(try Self.snapshot(file).1 != written.1)

        // A new file, a new configuration, another day: linted again.
        try Data("- 2025-03-01: they lied about the budget\n".utf8).write(to: notes.appendingPathComponent("gamma.md"))
        #expect(try CLI.run(cached).stdout == (try fresh()).stdout)
        try Data("lint:\n  rules:\n    unknown-tag: off\n".utf8).write(to: notes.appendingPathComponent("redflag.yml"))
        let configured = try CLI.run(cached)
        #expect(!configured.stdout.contains("unknown-tag"))
        #expect(configured.stdout == (try fresh()).stdout)
        let later = ["lint", notes.path, "--as-of", "2027-06-01", "--format", "json"]
        let future = try CLI.run(later + ["--cache-path", cache.path])
        #expect(future.stdout == (try CLI.run(later + ["--no-cache"])).stdout)
        #expect(future.stdout != configured.stdout)
        // Only some files asked for: another key.
        let one = ["lint", acme.path, "--as-of", "2026-11-29", "--format", "json"]
        #expect(try CLI.run(one + ["--cache-path", cache.path]).stdout == (try CLI.run(one + ["--no-cache"])).stdout)
    }

    @Test(
        "a corrupt, truncated or foreign lint cache file is ignored and rewritten",
        arguments: ["garbage", "truncated", "foreign"])
    func badCacheIsIgnored(kind: String) throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let lint = ["lint", notes.path, "--as-of", "2026-11-29", "--cache-path", cache.path]
        let reference = try CLI.run(lint)
        let file = try Self.lintCacheFile(in: cache)
        let good = try Data(contentsOf: file)
        switch kind {
        case "garbage": try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: file)
        case "truncated": try good.prefix(good.count - 7).write(to: file)
        default:
            // Another version: the first letter of the version after the magic line and two one-byte
            // numbers (format, the version's length).
            var foreign = good
            let index = foreign.startIndex + "redflag lint cache\n".utf8.count + 2
            foreign[index] = foreign[index] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
            try foreign.write(to: file)
        }
        // The rendered report would be replayed without opening the findings cache (`ReportCache`).
        for report in try ReportCacheTests.reportFiles(in: cache, command: "lint") {
            try FileManager.default.removeItem(at: report)
        }
        let result = try CLI.run(lint)
        #expect(result.status == reference.status)
        #expect(result.stdout == reference.stdout)
        #expect(result.stderr == reference.stderr)
        #expect(try Data(contentsOf: file) == good)
    }
}
