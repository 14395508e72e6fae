import Foundation
import RedflagTestSupport
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Lint reporters")
struct LintReporterTests {
    /// `redflag lint journal-samples --as-of 2026-11-29`, as the kit computes it.
    static func samples() -> LintResult {
        Linter().lint(NotesDirectory.load(root: TestPaths.samples.path), asOf: LintHarness.asOf)
    }

    static let options = ReportOptions(root: "journal-samples")

    @Test("text output on journal-samples matches its golden file")
    func text() {
        Golden.assertMatches(TextReporter().render(Self.samples(), options: Self.options), named: "lint-samples.txt")
    }

    @Test("JSON output on journal-samples matches its golden file")
    func json() {
        Golden.assertMatches(JSONReporter().render(Self.samples(), options: Self.options), named: "lint-samples.json")
    }

    @Test("SARIF output on journal-samples matches its golden file")
    func sarif() {
        Golden.assertMatches(SARIFReporter().render(Self.samples(), options: Self.options), named: "lint-samples.sarif")
    }

    @Test("GitHub Actions output on journal-samples matches its golden file")
    func github() {
        Golden.assertMatches(
            GitHubActionsReporter().render(Self.samples(), options: Self.options), named: "lint-samples.github.txt")
    }

    static func sample() throws -> LintResult {
        try LintHarness.lint([
            ("café.md", "## 2026-10-30\n\nÉtienne: invoice still not paid, 45 days overdue.\n- 2026-11-01: #lei\n")
        ])
    }

    @Test("JSON: schema 1, every field, suggestion null except for untagged-incident, deterministic")
    func jsonShape() throws {
        let result = try Self.sample()
        let rendered = JSONReporter().render(result, options: ReportOptions())
        #expect(rendered == JSONReporter().render(result, options: ReportOptions()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "file", "line", "column", "message", "suggestion"])
        }
        let untagged = try #require(findings.first { $0["rule"] as? String == "untagged-incident" })
        let suggestion = try #require(untagged["suggestion"] as? [String: Any])
        #expect(suggestion["tag"] as? String == "late")
        #expect((suggestion["confidence"] as? Double ?? 0) >= 0.5)
        #expect(findings.first { $0["rule"] as? String == "unknown-tag" }?["suggestion"] is NSNull)
    }

    @Test("SARIF: 2.1.0 structure code scanning needs (checked without the schema file)")
    func sarifStructure() throws {
        let result = try Self.sample()
        let rendered = SARIFReporter().render(result, options: ReportOptions(root: "notes"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "redflag")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == LintRules.ids)
        for rule in rules {
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["note", "warning", "error"].contains(level ?? ""))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == result.findings.count)
        for item in results {
            let ruleID = try #require(item["ruleId"] as? String)
            #expect(item["ruleIndex"] as? Int == ids.firstIndex(of: ruleID))
            #expect(["note", "warning", "error"].contains(item["level"] as? String ?? ""))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require(
                (item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(uri == "notes/caf%C3%A9.md")
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
        // `#lei` is at byte column 15 of "- 2026-11-01: #lei"; code points agree (ASCII line).
        let tagRegion = results.first { $0["ruleId"] as? String == "unknown-tag" }
            .flatMap { ($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any] }
            .flatMap { $0["region"] as? [String: Any] }
        #expect(tagRegion?["startColumn"] as? Int == 15)
    }

    /// Validates `log` (SARIF text) against the vendored OASIS SARIF 2.1.0 schema
    /// (Fixtures/sarif) with Python's `jsonschema`; returns its exit status and what it printed.
    static func validateSARIF(_ log: String) throws -> Subprocess.Result {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lint.sarif")
        try Data(log.utf8).write(to: file)
        let schema = TestPaths.fixtures.appendingPathComponent("sarif/sarif-schema-2.1.0.json")
        let python = try #require(
            Subprocess.find(["python3"]), "python3 is missing: run `make test` (scripts/install-deps.sh --test)")
        let result = try Subprocess.run(
            python,
            [
                "-c",
                """
                import json, sys
                try:
                    import jsonschema
                except ImportError:
                    print("jsonschema is missing: run `make test` or `python3 -m pip install jsonschema`")
                    sys.exit(3)
                schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
                errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
                [print(e.message, list(e.path)) for e in errors]
                sys.exit(1 if errors else 0)
                """,
                schema.path, file.path,
            ], timeout: 60)
        #expect(result.status != 3, "\(result.stdoutText)")
        return result
    }

    @Test("SARIF validates against the SARIF 2.1.0 JSON schema (journal-samples and hostile text)")
    func sarifSchema() throws {
        let samples = try Self.validateSARIF(SARIFReporter().render(Self.samples(), options: Self.options))
        #expect(samples.status == 0, "\(samples.stdoutText)\(samples.stderrText)")
        let hostile = try LintHarness.lint([
            ("e\u{1B}[31mvil\u{202E}.md", "- 2026-10-30: Invoice \u{1B}]0;pwned\u{07} still not paid #lei\u{0}\n")
        ])
        let rendered = SARIFReporter().render(hostile, options: Self.options)
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "JSON escapes C0 controls")
        let result = try Self.validateSARIF(rendered)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    }

    @Test("the SARIF schema check can fail: a log with a wrong version and a string line is rejected")
    func sarifSchemaRejects() throws {
        let bad = """
            {"version": "9.9", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"},
            "locations": [{"physicalLocation": {"region": {"startLine": "one"}}}]}]}]}
            """
        let result = try Self.validateSARIF(bad)
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("9.9"))
    }

    @Test("SARIF columns are Unicode code points, converted from UTF-8 bytes")
    func sarifColumns() {
        let source = SourceText("Étienne: «ok» #lei\n")
        let finding = LintFinding(
            rule: "unknown-tag", severity: .warning, file: "a.md", line: 1, column: 19, message: "m")
        #expect(SARIFReporter.codePointColumn(finding, in: ReportedLines(source, lines: [1])) == 16)
    }

    @Test("GitHub: properties escape % \\r \\n : , and messages escape % \\r \\n")
    func githubEscaping() {
        #expect(GitHubActionsReporter.escapeData("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b")
        #expect(GitHubActionsReporter.escapeProperty("dir:a,b%\n") == "dir%3Aa%2Cb%25%0A")
        let finding = LintFinding(
            rule: "date-order", severity: .note, file: "a,b:c.md", line: 3, column: 4, message: "100%\nsure")
        let result = LintResult(findings: [finding], files: ["a,b:c.md"], sources: [:], rules: [])
        #expect(
            GitHubActionsReporter().render(result, options: ReportOptions())
                == "::notice file=a%2Cb%3Ac.md,line=3,col=4,title=date-order::100%25%0Asure\n")
    }

    @Test("text: compiler format, excerpt with caret, hint, summary; colour only when asked")
    func textShape() throws {
        let result = try LintHarness.lint("- 2026-11-01: done #lei\n")
        let plain = TextReporter().render(result, options: ReportOptions(root: "notes"))
        #expect(
            plain == """
                notes/acme.md:1:20: warning: unknown tag #lei (did you mean #lie?) [unknown-tag]
                    - 2026-11-01: done #lei
                                       ^
                  hint: fix the spelling; a misspelt tag is not counted
                1 warning, 0 errors in 1 file

                """)
        #expect(!plain.contains("\u{1B}"))
        #expect(TextReporter().render(result, options: ReportOptions(color: true)).contains("\u{1B}[1;33mwarning:"))
        let clean = try LintHarness.lint("- 2026-11-01: done #paid\n")
        #expect(TextReporter().render(clean, options: ReportOptions()) == "no problems in 1 file\n")
    }
}
