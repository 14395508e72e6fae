import Foundation
import RedflagTestSupport
import Testing

/// `lint` and `triage` replay the report they rendered last (`ReportCache`) for an unchanged tree and
/// the same options: the same bytes on both streams and the same exit status as a run without any
/// cache; another format or option never replays another's bytes; a change is never missed.
@Suite("report cache")
struct ReportCacheTests {
    /// The report cache files in `folder`.
    static func reportFiles(in folder: URL, command: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("report-\(command)-") && $0.hasSuffix(".cache") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Plain notes dated 2023 (not racy), with findings, a read problem on standard error (a client
    /// folder holding its own redflag.yml) and a warning.
    static func oldNotes() throws -> URL {
        let notes = try CLI.notes([
            "acme.md": "- 2025-01-02: Invoice 2211 still not paid, 45 days overdue.\n- 2025-01-03: fine #lae\n",
            "beta.md": "- 2025-01-02: paid on time #paid\n- 2027-01-01: far ahead #late\n",
            "beta/2025.md": "## 2025-02-01\nThey shouted at the team and threw a chair. #abuse\n",
            "delta/2025.md": "- 2025-01-02: fine #paid\n", "delta/redflag.yml": "vocabulary: {}\n",
            "gamma.md": "- 2025-01-02: lied about the budget #lie\n",
        ])
        try LintCacheTests.age(notes)
        return notes
    }

    @Test(
        "lint: every format and option replays the bytes and status of a run without cache, never another's",
        arguments: [
            ["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--format", "github", "--strict"],
            ["--format", "text", "--explain"], ["--format", "json", "--explain"], ["--min-severity", "error"],
        ])
    func lintReplays(options: [String]) throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let lint = ["lint", notes.path, "--as-of", "2026-11-29"]
        let reference = try CLI.run(lint + options + ["--no-cache"])
        #expect(!reference.stdout.isEmpty)
        // Another format fills the caches first: its report must not be replayed for these options.
        let other = options.contains("json") ? ["--format", "text"] : ["--format", "json"]
        _ = try CLI.run(lint + other + ["--cache-path", cache.path])
        for run in 1...3 {
            let result = try CLI.run(lint + options + ["--cache-path", cache.path])
            #expect(result.stdout == reference.stdout, "run \(run)")
            #expect(result.stderr == reference.stderr, "run \(run)")
            #expect(result.status == reference.status, "run \(run)")
        }
        #expect(try Self.reportFiles(in: cache, command: "lint").count == 2)
        // The report is what is replayed: without the findings cache, the same bytes come back.
        try FileManager.default.removeItem(at: LintCacheTests.lintCacheFile(in: cache))
        let replayed = try CLI.run(lint + options + ["--cache-path", cache.path])
        #expect(replayed.stdout == reference.stdout && replayed.stderr == reference.stderr)
        #expect(replayed.status == reference.status)
    }

    @Test("lint: a changed file, configuration or --as-of is linted again, never replayed")
    func lintChanges() throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        func both(_ arguments: [String]) throws -> (CLI.Result, CLI.Result) {
            (try CLI.run(arguments + ["--cache-path", cache.path]), try CLI.run(arguments + ["--no-cache"]))
        }
        let lint = ["lint", notes.path, "--as-of", "2026-11-29", "--format", "json"]
        let (first, _) = try both(lint)
        let acme = notes.appendingPathComponent("acme.md")
        try Data("- 2025-01-02: all good #paid\n".utf8).write(to: acme)
        let (edited, fresh) = try both(lint)
        #expect(edited.stdout == fresh.stdout && edited.status == fresh.status)
        #expect(edited.stdout != first.stdout)
        try LintCacheTests.age(notes)
        _ = try both(lint)
        try Data("lint:\n  rules:\n    unknown-tag: off\n".utf8).write(to: notes.appendingPathComponent("redflag.yml"))
        let (configured, freshConfigured) = try both(lint)
        #expect(configured.stdout == freshConfigured.stdout)
        let (later, freshLater) = try both(["lint", notes.path, "--as-of", "2027-06-01", "--format", "json"])
        #expect(later.stdout == freshLater.stdout)
    }

    @Test(
        "a corrupt, truncated or foreign report is ignored and rewritten",
        arguments: ["garbage", "truncated", "flipped", "foreign"])
    func badReport(kind: String) throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let lint = ["lint", notes.path, "--as-of", "2026-11-29", "--cache-path", cache.path]
        let reference = try CLI.run(lint)
        let files = try Self.reportFiles(in: cache, command: "lint")
        try #require(files.count == 1)
        let good = try Data(contentsOf: files[0])
        var bad = good
        switch kind {
        case "garbage": bad = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        case "truncated": bad = good.prefix(good.count - 7)
        case "flipped":
            // A byte of the report itself: the checksum no longer matches.
            let index = bad.index(bad.endIndex, offsetBy: -10)
            bad[index] ^= 0x01
        default:
            // Another version (the first letter of the version, after the checksum and the format).
            let index = bad.startIndex + "redflag report cache\n".utf8.count + 64 + 2
            bad[index] = bad[index] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
        }
        try bad.write(to: files[0])
        let result = try CLI.run(lint)
        #expect(result.stdout == reference.stdout && result.stderr == reference.stderr)
        #expect(result.status == reference.status)
        #expect(try Data(contentsOf: files[0]) == good)
    }

    @Test(
        "triage: every format replays the bytes, diagnostics and status of a run without cache",
        arguments: ["text", "md", "json", "csv", "html"])
    func triageReplays(format: String) throws {
        let notes = try Self.oldNotes()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let triage = ["triage", notes.path, "--as-of", "2026-11-29", "--format", format]
        let reference = try CLI.run(triage + ["--no-cache"])
        #expect(reference.stdout.contains("gamma"))
        #expect(reference.stderr.contains("own redflag.yml"), "\(reference.stderr)")
        _ = try CLI.run(triage + ["--format", format == "json" ? "csv" : "json", "--cache-path", cache.path])
        for run in 1...3 {
            let result = try CLI.run(triage + ["--cache-path", cache.path])
            #expect(result.stdout == reference.stdout, "run \(run)")
            #expect(result.stderr == reference.stderr, "run \(run)")
            #expect(result.status == reference.status, "run \(run)")
        }
        #expect(try Self.reportFiles(in: cache, command: "triage").count == 2)
        // Replayed, not judged: without the rows cache, the same bytes come back.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasPrefix("triage-") {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        #expect(try CLI.run(triage + ["--cache-path", cache.path]).stdout == reference.stdout)
        // A changed file is judged again.
        try Data("- 2025-01-02: threw a chair at me #abuse/physical\n".utf8).write(
            to: notes.appendingPathComponent("acme.md"))
        let changed = try CLI.run(triage + ["--cache-path", cache.path])
        #expect(changed.stdout == (try CLI.run(triage + ["--no-cache"])).stdout)
        #expect(changed.stdout != reference.stdout)
    }
}
