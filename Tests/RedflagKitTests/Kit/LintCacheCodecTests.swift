import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagKit
@testable import RedflagLint

/// The lint cache's binary form: a run goes in and comes out equal, to the last bit of every
/// confidence; damaged bytes are refused, never a crash.
@Suite("Lint cache codec")
struct LintCacheCodecTests {
    /// The journal samples linted with `--explain`-ready suggestions, as `redflag lint` would.
    static let run: LintRun = {
        let workspace = try? Workspace.open(notes: TestPaths.samples.path)
        guard let workspace else {
            return LintRun(
                result: LintResult(findings: [], files: [], sources: [:], rules: []), problems: [], journal: nil)
        }
        var run = workspace.lint(
            files: nil, options: .standard,
            asOf: CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0))
        run.problems.append(
            Diagnostic(.error, file: "x.md", line: 3, column: nil, message: "m", hint: "h", topic: .frontMatter))
        return run
    }()

    static func encoded(_ run: LintRun) -> [UInt8] {
        var writer = ParseCacheCodec.Writer()
        LintCache.encode(run, into: &writer)
        return writer.bytes
    }

    @Test("a run comes back equal: findings, suggestions with reasons, reported lines, problems")
    func roundTrip() throws {
        let run = Self.run
        #expect(run.result.findings.contains { $0.suggestion?.reasons.isEmpty == false })
        #expect(!run.result.sources.isEmpty)
        var reader = ParseCacheCodec.Reader(Self.encoded(run)[...])
        let back = try LintCache.decodeRun(&reader)
        #expect(reader.isAtEnd)
        #expect(back.result.findings == run.result.findings)
        #expect(back.result.files == run.result.files)
        #expect(back.result.sources == run.result.sources)
        #expect(back.problems == run.problems)
        // Without --explain the reasons are skipped, and nothing else changes.
        var skipping = ParseCacheCodec.Reader(Self.encoded(run)[...])
        let lean = try LintCache.decodeRun(&skipping, reasons: false)
        #expect(skipping.isAtEnd)
        let withoutReasons = run.result.findings.map { finding in
            var finding = finding
            finding.suggestion?.reasons = []
            return finding
        }
        #expect(lean.result.findings == withoutReasons)
        #expect(lean.result.sources == run.result.sources)
    }

    @Test("every truncation and a flipped byte anywhere is refused or read as something, never a crash")
    func damaged() {
        let bytes = Self.encoded(Self.run)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            var reader = ParseCacheCodec.Reader(bytes[..<length])
            let decoded = try? LintCache.decodeRun(&reader)
            #expect(decoded == nil || !reader.isAtEnd || length == bytes.count)
        }
        for index in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            var flipped = bytes
            flipped[index] ^= 0xFF
            var reader = ParseCacheCodec.Reader(flipped[...])
            _ = try? LintCache.decodeRun(&reader)
        }
    }
}
