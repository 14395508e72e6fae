import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Lint suppressions")
struct LintSuppressionTests {
    static let unknown = "- 2026-03-05: Campaign live. #blackfriday\n"

    func rules(_ result: LintResult) -> [String] { result.findings.map { "\($0.rule)@\($0.line)" } }

    @Test("next-line hides the finding on the next line only, and needs no other finding")
    func nextLine() throws {
        let result = try LintHarness.lint(
            "<!-- redflag-disable-next-line unknown-tag -- campaign hashtag -->\n" + Self.unknown + Self.unknown)
        #expect(rules(result) == ["unknown-tag@3"])
    }

    @Test("a suppression in a code block is text, not a suppression")
    func inCode() throws {
        let result = try LintHarness.lint(
            "```\n<!-- redflag-disable-next-line unknown-tag -- example -->\n```\n" + Self.unknown)
        #expect(rules(result) == ["unknown-tag@4"])
    }

    @Test("a block runs from disable to enable; other rules are not hidden")
    func block() throws {
        let text = """
            <!-- redflag-disable unknown-tag -- imported from the old CRM -->
            - 2026-03-05: Live. #blackfriday
            - 2024-02-30: Live, day two. #cybermonday
            <!-- redflag-enable unknown-tag -->
            - 2026-03-07: Still live. #blackfriday

            """
        let result = try LintHarness.lint(text)
        #expect(rules(result) == ["invalid-date@3", "unknown-tag@5"])
    }

    @Test("a block without enable runs to the end of the file; no rule ids means every rule")
    func openBlock() throws {
        let result = try LintHarness.lint(
            "<!-- redflag-disable -- old notes, kept as they were -->\n- 2024-02-30: x #blackfriday\n")
        #expect(rules(result) == [])
    }

    @Test("front matter disables rules for the whole file, as a list with a reason or a mapping")
    func fileLevel() throws {
        let list = try LintHarness.lint(
            "---\nredflag-disable: [unknown-tag]\nredflag-disable-reason: campaign notes\n---\n" + Self.unknown)
        #expect(rules(list) == [])
        let mapping = try LintHarness.lint("---\nredflag-disable: {unknown-tag: campaign notes}\n---\n" + Self.unknown)
        #expect(rules(mapping) == [])
        let noReason = try LintHarness.lint("---\nredflag-disable: unknown-tag\n---\n" + Self.unknown)
        #expect(rules(noReason) == ["missing-reason@2"])
    }

    @Test("a suppression without a reason still works, and is reported")
    func missingReason() throws {
        let result = try LintHarness.lint("<!-- redflag-disable-next-line unknown-tag -->\n" + Self.unknown)
        #expect(rules(result) == ["missing-reason@1"])
        #expect(result.findings.first?.hint?.contains("-- why") == true)
    }

    @Test("unused and unknown-rule suppressions are reported where they are written")
    func unused() throws {
        let result = try LintHarness.lint(
            "Intro.\n\n<!-- redflag-disable-next-line unknown-tag -- x -->\n- 2026-03-05: Paid. #paid\n"
                + "<!-- redflag-disable-next-line untaged-incident -- y -->\n- 2026-03-06: ok\n")
        #expect(rules(result) == ["unused-suppression@3", "unused-suppression@5"])
        #expect(result.findings.last?.message.contains("did you mean 'untagged-incident'") == true)
    }

    @Test("suppressions of a rule turned off in redflag.yml are not called unused")
    func disabledRule() throws {
        var configuration = LintConfiguration()
        configuration.severities["unknown-tag"] = .some(nil)
        let result = try LintHarness.lint(
            [("acme.md", "<!-- redflag-disable-next-line unknown-tag -- x -->\n" + Self.unknown)],
            configuration: configuration)
        #expect(rules(result) == [])
    }

    @Test("directive parsing: keyword, comma or space separated ids, reason after --")
    func directive() {
        let parsed = Suppression.Directive("redflag-disable unknown-tag, date-order  --  old CRM import")
        #expect(parsed?.keyword == "redflag-disable")
        #expect(parsed?.rules == ["unknown-tag", "date-order"])
        #expect(parsed?.reason == "old CRM import")
        #expect(Suppression.Directive("redflag-enable")?.rules == [])
        #expect(Suppression.Directive("a normal comment about redflag-disable") == nil)
        #expect(Suppression.Directive("redflag-disabled unknown-tag") == nil)
    }
}
