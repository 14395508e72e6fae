import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Lint configuration")
struct LintConfigurationTests {
    func parse(_ yaml: String) throws -> (LintConfiguration, [Diagnostic]) {
        let configuration = try Configuration.parse(yaml)
        return LintConfiguration.parse(configuration.lint, ruleIDs: LintRules.ids)
    }

    @Test("rules can be turned off or given a severity; threshold is read")
    func rules() throws {
        let (settings, problems) = try parse(
            "lint:\n  rules:\n    date-order: off\n    undated-entry: error\n    unknown-tag: on\n  threshold: 0.7\n")
        #expect(problems.isEmpty)
        #expect(!settings.isEnabled("date-order"))
        #expect(settings.isEnabled("unknown-tag"))
        #expect(settings.severity(of: UndatedEntryRule().description) == .error)
        #expect(settings.severity(of: UnknownTagRule().description) == .warning)
        #expect(settings.reportThreshold == 0.7)
    }

    @Test("a severity override applies to findings; an off rule reports nothing")
    func applied() throws {
        let (settings, _) = try parse("lint:\n  rules:\n    unknown-tag: error\n    invalid-date: off\n")
        let result = try LintHarness.lint(
            [("acme.md", "- 2024-02-30: x #blackfriday\n")], configuration: settings)
        #expect(result.findings.map { "\($0.rule):\($0.severity)" } == ["unknown-tag:error"])
    }

    @Test("every problem is an error with its line: unknown rule, bad setting, bad threshold, unknown key")
    func invalid() throws {
        let (_, problems) = try parse(
            "lint:\n  rules:\n    unknwn-tag: off\n    date-order: loud\n  threshold: 2\n  rulez: {}\n")
        #expect(problems.map(\.line) == [3, 4, 5, 6])
        #expect(problems.allSatisfy { $0.severity == .error && $0.file == "redflag.yml" })
        #expect(problems[0].message.contains("did you mean 'unknown-tag'"))
        #expect(problems[3].message.contains("did you mean 'rules'"))
    }

    @Test("lexicon phrases go through the detector's reader; a bad sign is an error with its line")
    func lexicon() throws {
        let (settings, problems) = try parse("lint:\n  lexicon:\n    late:\n      en: [ghosted us]\n")
        #expect(problems.isEmpty)
        let result = try LintHarness.lint(
            [("acme.md", "- 2026-03-05: Ghosted us again on invoice 12.\n")], configuration: settings)
        #expect(result.findings.first?.suggestion?.tag == "late")
        let (_, bad) = try parse("lint:\n  lexicon:\n    lates:\n      en: [ghosted]\n")
        #expect(bad.first?.line == 3)
        #expect(bad.first?.message.contains("not a sign") == true)
    }
}
