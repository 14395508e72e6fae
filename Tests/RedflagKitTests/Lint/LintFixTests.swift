import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// `--fix`: the pure planner on fixtures, the unified diff, and the atomic writer on real files.
@Suite("Lint fix")
struct LintFixTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Lints `bytes` as `acme.md` and applies the planned fixes.
    static func fix(_ bytes: [UInt8], threshold: Double = 0.8) throws -> (plan: FixPlan, result: LintResult) {
        let parser = JournalParser()
        let file = parser.parse(path: "acme.md", client: "acme", bytes: bytes)
        let refs = [NotesDirectory.FileRef(path: "acme.md", client: "acme")]
        let journal = Journal(
            root: ".", configuration: .standard, clients: NotesDirectory.clients(from: [file], refs: refs),
            files: [file], diagnostics: [])
        let result = Linter().lint(journal, asOf: LintHarness.asOf)
        let plan = FixPlanner.plan(
            file: file, bytes: bytes, findings: result.findings, threshold: threshold, parser: parser)
        return (plan, result)
    }

    static func fixed(_ text: String, threshold: Double = 0.8) throws -> String {
        String(decoding: try fix(Array(text.utf8), threshold: threshold).plan.result, as: UTF8.self)
    }

    static let overdue = "Invoice 2211 still not paid, 45 days overdue."

    @Test("a list item gets the tag at the end of its line")
    func listItem() throws {
        #expect(try Self.fixed("- 2026-10-30: \(Self.overdue)\n") == "- 2026-10-30: \(Self.overdue) #late\n")
    }

    @Test("the tag goes at the end of the first paragraph, before a nested list")
    func nestedList() throws {
        let text =
            "- 2026-10-30: Invoice 2211 still not paid,\n  45 days overdue.\n  - reminder 1 sent\n  - reminder 2 sent\n"
        #expect(
            try Self.fixed(text)
                == "- 2026-10-30: Invoice 2211 still not paid,\n  45 days overdue. #late\n  - reminder 1 sent\n  - reminder 2 sent\n"
        )
    }

    @Test("trailing spaces (a hard break) stay after the tag; a file without a final newline works")
    func trailingSpaces() throws {
        #expect(try Self.fixed("- 2026-10-30: \(Self.overdue)  \n") == "- 2026-10-30: \(Self.overdue) #late  \n")
        #expect(try Self.fixed("## 2026-10-30\n\n\(Self.overdue)") == "## 2026-10-30\n\n\(Self.overdue) #late")
    }

    @Test("a quote's tag goes after its last quoted line; a heading's before its closing hashes")
    func quotesAndHeadings() throws {
        #expect(
            try Self.fixed("## 2026-10-30\n\n> Invoice 2211 still not paid,\n> 45 days overdue.\n\nNext.\n")
                == "## 2026-10-30\n\n> Invoice 2211 still not paid,\n> 45 days overdue. #late\n\nNext.\n")
        #expect(
            try Self.fixed("## 2026-10-30 Invoice 2211 still not paid, 45 days overdue ##\n")
                == "## 2026-10-30 Invoice 2211 still not paid, 45 days overdue #late ##\n")
    }

    @Test("CRLF line endings and a BOM are kept byte for byte")
    func crlfAndBOM() throws {
        let text = "# Acme\r\n\r\n## 2026-10-30\r\n\r\n\(Self.overdue)\r\nSecond line.\r\n\r\nAll good.\r\n"
        let bytes = Self.bom + Array(text.utf8)
        let plan = try Self.fix(bytes).plan
        let expected = Self.bom + Array(text.replacingOccurrences(of: "Second line.", with: "Second line. #late").utf8)
        #expect(plan.result == expected)
        #expect(plan.insertions.map(\.line) == [6])
    }

    @Test("findings below the threshold and other rules are not fixed")
    func threshold() throws {
        let (plan, result) = try Self.fix(Array("- 2026-10-30: \(Self.overdue) #lei\n".utf8), threshold: 1.0)
        #expect(result.findings.count == 2)
        #expect(plan.isEmpty)
    }

    @Test("bytes that are not what was parsed (changed file) are never planned on")
    func changedBytes() throws {
        let parser = JournalParser()
        let text = "- 2026-10-30: \(Self.overdue)\n"
        let file = parser.parse(path: "acme.md", client: "acme", bytes: Array(text.utf8))
        let finding = LintFinding(
            rule: UntaggedIncidentRule.id, severity: .warning, file: "acme.md", line: 1, column: 1, message: "",
            suggestion: IncidentSuggestion(tag: "late", confidence: 0.99, evidence: ""), entryLines: 1...1)
        let plan = FixPlanner.plan(
            file: file, bytes: Array((text + "more\n").utf8), findings: [finding], threshold: 0.8, parser: parser)
        #expect(plan.isEmpty)
        #expect(plan.skipped.count == 1)
    }

    @Test("a file that is not valid UTF-8 is not fixed (its bytes could not be kept)")
    func invalidUTF8() throws {
        let bytes = Array("- 2026-10-30: \(Self.overdue) caf".utf8) + [0xE9] + Array("\n".utf8)
        let (plan, result) = try Self.fix(bytes)
        #expect(result.findings.contains { $0.rule == UntaggedIncidentRule.id })
        #expect(plan.isEmpty)
        #expect(plan.result == bytes)
        #expect(plan.skipped.first?.reason.contains("not valid UTF-8") == true)
    }

    @Test("a tag that would not be read where it goes (inside a code span) is skipped, not written")
    func unreadableSpot() throws {
        let parser = JournalParser()
        let text = "- 2026-10-30: `code span\n  still open`x\n"
        let file = parser.parse(path: "acme.md", client: "acme", bytes: Array(text.utf8))
        let finding = LintFinding(
            rule: UntaggedIncidentRule.id, severity: .warning, file: "acme.md", line: 1, column: 1, message: "",
            suggestion: IncidentSuggestion(tag: "late", confidence: 0.99, evidence: ""), entryLines: 1...2)
        // The tag would land after "open`x", which is fine; force the first line by a one-line entry range.
        var oneLine = finding
        oneLine.range.endLine = 1
        let plan = FixPlanner.plan(
            file: file, bytes: Array(text.utf8), findings: [oneLine], threshold: 0.8, parser: parser)
        #expect(plan.isEmpty)
        #expect(plan.skipped.first?.reason.contains("would not be read") == true)
    }

    @Test("the unified diff shows the changed lines with context, CRLF shown as plain lines")
    func diff() throws {
        let old = Array("a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\n".utf8)
        let new = Array("a\r\nb\r\nc\r\nd #late\r\ne\r\nf\r\ng\r\nh\r\n".utf8)
        #expect(
            UnifiedDiff.render(path: "notes/acme.md", old: old, new: new)
                == "--- a/notes/acme.md\n+++ b/notes/acme.md\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+d #late\n e\n f\n g\n")
        #expect(UnifiedDiff.render(path: "x", old: old, new: old) == "")
    }

    // MARK: - The atomic writer, on real files

    static func file(_ text: String, mode: Int = 0o640) throws -> (folder: URL, path: String) {
        let folder = try TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("acme.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (folder, path)
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "acme.md" && $0 != "link.md" }
    }

    @Test("replacing keeps the permissions and leaves no temporary file")
    func writerKeepsPermissions() throws {
        let (folder, path) = try Self.file("old\n", mode: 0o640)
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Array("old\n".utf8), with: Array("old #late\n".utf8))
        #expect(outcome == .written)
        #expect(AtomicFileWriter.read(path) == Array("old #late\n".utf8))
        #expect(try Self.mode(path) == 0o640)
        #expect(try Self.leftovers(folder) == [])
    }

    @Test("a file that changed after it was read is left untouched")
    func writerChangedBefore() throws {
        let (folder, path) = try Self.file("edited meanwhile\n")
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Array("old\n".utf8), with: Array("old #late\n".utf8))
        #expect(outcome == .changedOnDisk)
        #expect(AtomicFileWriter.read(path) == Array("edited meanwhile\n".utf8))
        #expect(try Self.leftovers(folder) == [])
    }

    @Test("a file that changes while the temporary file is written is left untouched")
    func writerChangedDuring() throws {
        let (folder, path) = try Self.file("old\n")
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Array("old\n".utf8), with: Array("old #late\n".utf8),
            beforeRename: { try? Data("saved by the editor\n".utf8).write(to: URL(fileURLWithPath: path)) })
        #expect(outcome == .changedOnDisk)
        #expect(AtomicFileWriter.read(path) == Array("saved by the editor\n".utf8))
        #expect(try Self.leftovers(folder) == [])
    }

    @Test("a symbolic link stays a link; its target is replaced")
    func writerFollowsLinks() throws {
        let (folder, path) = try Self.file("old\n", mode: 0o600)
        let link = folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(
            AtomicFileWriter.replace(path: link, expected: Array("old\n".utf8), with: Array("new\n".utf8)) == .written)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(AtomicFileWriter.read(path) == Array("new\n".utf8))
        #expect(try Self.mode(path) == 0o600)
    }
}
