import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Every rule's examples, run as tests: a triggering example must produce findings of its rule
/// exactly at its `↓` markers; a non-triggering example none of its rule.
@Suite("Lint rule examples")
struct LintRuleExampleTests {
    /// (rule id, example index, triggering?) for every example of every rule.
    static let cases: [ExampleCase] = LintRules.all.flatMap { rule in
        let description = rule.description
        return description.triggering.indices.map { ExampleCase(rule: description.id, index: $0, triggering: true) }
            + description.nonTriggering.indices.map { ExampleCase(rule: description.id, index: $0, triggering: false) }
    }

    struct ExampleCase: CustomTestStringConvertible, Sendable {
        var rule: String
        var index: Int
        var triggering: Bool
        var testDescription: String { "\(rule) \(triggering ? "triggers" : "does not trigger") #\(index + 1)" }

        var example: RuleExample? {
            guard let description = LintRules.all.first(where: { $0.description.id == rule })?.description else {
                return nil
            }
            return triggering ? description.triggering[index] : description.nonTriggering[index]
        }
    }

    @Test("rule example", arguments: cases)
    func example(_ item: ExampleCase) throws {
        let example = try #require(item.example)
        var expected: [String] = []
        var files: [(String, String)] = []
        for file in example.files {
            let (text, positions) = RuleExample.strip(file.markdown)
            files.append((file.path, text))
            expected += positions.map { "\(file.path):\($0.line):\($0.column)" }
        }
        let result = try LintHarness.lint(files)
        let found = result.findings.filter { $0.rule == item.rule }.map { "\($0.file):\($0.line):\($0.column)" }
        if item.triggering {
            #expect(!expected.isEmpty, "a triggering example must mark where the finding is")
            #expect(found.sorted() == expected.sorted(), "\(result.findings.map(\.message))")
        } else {
            #expect(found.isEmpty, "\(result.findings.filter { $0.rule == item.rule }.map(\.message))")
        }
    }

    @Test("rule ids are unique, kebab-case, and every rule has both kinds of examples")
    func catalogue() {
        let ids = LintRules.ids
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == 13)
        for rule in LintRules.all.map(\.description) {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty, "\(rule.id)")
            #expect(!rule.rationale.isEmpty)
        }
    }

    @Test("docs/lint.md ends with the rule catalogue the code generates (--list-rules --format md)")
    func documentation() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent("docs/lint.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(
            text.hasSuffix(RuleCatalog.markdown(LintRules.all.map(\.description))),
            "regenerate: keep the text before '## Rules' and append `redflag lint --list-rules --format md`")
    }

    @Test("markers are removed and their positions counted in UTF-8 bytes")
    func markers() {
        let (text, positions) = RuleExample.strip("é ↓#lei\n## ↓2024")
        #expect(text == "é #lei\n## 2024")
        #expect(positions.map { [$0.line, $0.column] } == [[1, 4], [2, 4]])
    }
}
