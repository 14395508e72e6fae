import Foundation
import RedflagTestSupport
import Testing

/// `triage` over plain notes judges one client at a time and remembers each client's row: the output
/// is the same bytes with or without the cache, cold or warm, whatever `--jobs` is, and a change is seen.
@Suite("triage cache")
struct TriageCacheTests {
    /// The samples as plain notes (a copy without `.obsidian`, so that they stream).
    static func plainSamples() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-plain-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("journal-samples"), to: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".obsidian"))
        return root
    }

    @Test(
        "every format prints the same bytes without the cache, cold, warm and with any --jobs",
        arguments: ["text", "md", "json", "csv", "html"])
    func sameOutput(format: String) throws {
        let notes = try Self.plainSamples()
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let triage = ["triage", notes.path, "--as-of", "2026-11-29", "--format", format]
        let reference = try CLI.run(triage + ["--no-cache", "--jobs", "1"])
        #expect(reference.status <= 1, "\(reference.stderr)")
        #expect(reference.stdout.lowercased().contains("kessler"))
        for variant in [
            ["--no-cache", "--jobs", "3"], ["--cache-path", cache.path], ["--cache-path", cache.path, "--jobs", "1"],
            ["--cache-path", cache.path, "--jobs", "3"],
        ] {
            let result = try CLI.run(triage + variant)
            #expect(result.status == reference.status, "\(variant)")
            #expect(result.stdout == reference.stdout, "\(variant)")
            #expect(result.stderr == reference.stderr, "\(variant)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(names.contains { $0.hasPrefix("triage-") && $0.hasSuffix(".cache") }, "\(names)")
    }

    @Test("a changed file, redflag.yml or --as-of is seen by a warm triage")
    func changesAreSeen() throws {
        let notes = try CLI.notes([
            "acme.md": "- 2025-01-02: late again #late\n", "beta.md": "- 2025-01-03: fine\n",
        ])
        let cache = try CacheAndJobsTests.cacheFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: cache)
        }
        let triage = ["triage", notes.path, "--format", "csv"]
        func check(_ asOf: String) throws -> String {
            let warm = try CLI.run(triage + ["--as-of", asOf, "--cache-path", cache.path])
            let cold = try CLI.run(triage + ["--as-of", asOf, "--no-cache"])
            #expect(warm.stdout == cold.stdout)
            #expect(warm.stderr == cold.stderr)
            return warm.stdout
        }
        let first = try check("2025-06-01")
        #expect(first.contains("acme,acme,keep"))
        // Same size, written at once: the cache must not answer for it.
        try Data("- 2025-01-02: lied again #lie\n".utf8).write(to: notes.appendingPathComponent("acme.md"))
        #expect(try check("2025-06-01").contains("acme,acme,fire"))
        try Data("policy:\n  lie: off\n".utf8).write(to: notes.appendingPathComponent("redflag.yml"))
        #expect(try check("2025-06-01").contains("acme,acme,keep"))
        #expect(try check("2027-06-01") != first)
    }
}
