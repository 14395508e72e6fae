import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLanguageServer
@testable import RedflagLint

/// `ineffective-closing`: lint reports the closings the policy cannot apply, parsed by the same
/// `ClosingTag` the policy uses.
@Suite("Lint: ineffective closings")
struct IneffectiveClosingRuleTests {
    /// The messages of `ineffective-closing` for `text` in `acme.md`, as `line:column message`.
    static func findings(_ text: String) throws -> [String] {
        try LintHarness.lint([("acme.md", text)]).findings.filter { $0.rule == IneffectiveClosingRule.id }
            .map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test("a misspelt sign gets a did-you-mean, in lint and in the dossier's note alike")
    func misspelt() throws {
        #expect(
            try Self.findings("- 2026-05-12: The CTO left. #resolved/lei\n")
                == ["1:29 #resolved closes no sign: 'lei' is no incident sign (did you mean #resolved/lie?)"])
        #expect(
            try Self.findings("- 2026-05-12: #forgiven laet: paid in full\n")
                == ["1:15 #forgiven closes no sign: 'laet' is no incident sign (did you mean #forgiven/late?)"])
        let lie = Make.entry(Make.day("2024-03-05"), "lie")
        let closing = Make.entry(Make.day("2025-02-01"), "resolved/lei", text: "The CTO left. #resolved/lei")
        let note = Make.assess([lie, closing]).closures.first?.note
        #expect(note == "'lei' is no incident sign (did you mean lie?)")
    }

    @Test("no sign named, or no date: said plainly; a closing that applies is not reported")
    func bareAndUndated() throws {
        #expect(
            try Self.findings("- 2026-05-12: All good now. #forgiven\n")
                == ["1:29 #forgiven names no sign, so it closes nothing"])
        #expect(
            try Self.findings("# Acme\n\nThe CTO left. #resolved/lie\n")
                == ["3:15 #resolved/lie is undated, so it closes nothing"])
        #expect(try Self.findings("- 2026-05-12: #resolved abuse/physical: he left.\n").isEmpty)
        #expect(try Self.findings("- 2026-05-12: Issue #resolved in code, `#forgiven` quoted.\n").count == 1)
    }

    @Test("ClosingTag: subtype or the word before a colon; an unknown word is kept to be reported")
    func parser() throws {
        func parse(_ raw: String, _ text: String) -> ClosingTag? { ClosingTag(Make.tag(raw), in: text) }
        #expect(parse("resolved", "#resolved the lie: later")?.written == nil)
        #expect(parse("resolved", "#resolved praise: no")?.written == "praise")
        #expect(parse("resolved", "#resolved praise: no")?.sign == nil)
        #expect(parse("forgiven", "ok #forgiven abuse/physical: he left")?.target == "abuse/physical")
        #expect(parse("forgiven", "ok #forgiven abuse/physical: he left")?.phrase == "#forgiven abuse/physical:")
        #expect(parse("resolved/liar", "#resolved/liar")?.target == "lie")
        #expect(parse("lie", "#lie") == nil)
        #expect(ClosingTag.suggestion(for: "disput") == "dispute")
    }

    @Test("the editor sees it: redflag lsp publishes the finding, and clears it once the sign is spelt right")
    func languageServer() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "---\nclient: Acme\n---\n## 2026-03-05\nThe CTO left. #resolved/lei\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("acme.md"))
        let server = LanguageServer(today: { Make.asOf })
        _ = server.receive(LSPClient.initialize(root: root))
        let uri = root.appendingPathComponent("acme.md").absoluteString
        var published = LSPClient.published(LSPClient.messages(server.receive(LSPClient.didOpen(uri, text))))
        let found = try #require(published.last?.first { $0["code"] as? String == IneffectiveClosingRule.id })
        #expect((found["message"] as? String)?.contains("did you mean #resolved/lie?") == true, "\(found)")
        let fixed = text.replacingOccurrences(of: "/lei", with: "/lie")
        published = LSPClient.published(
            LSPClient.messages(server.receive(LSPClient.didChange(uri, version: 2, [["text": fixed]]))))
        #expect(published.last?.contains { $0["code"] as? String == IneffectiveClosingRule.id } == false)
    }
}
