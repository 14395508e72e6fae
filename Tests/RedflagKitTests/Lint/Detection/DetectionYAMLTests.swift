import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Detection: user phrases from redflag.yml")
struct DetectionYAMLTests {
    static func lexicon(_ yaml: String) throws -> (IncidentLexicon, [Diagnostic]) {
        let root = try #require(try YAMLValue.parse(yaml))
        let value = try #require(root["lexicon"])
        let result = IncidentLexicon.standard.adding(yaml: value)
        return (result.lexicon, result.diagnostics)
    }

    @Test("phrases per sign and language, a plain list, weights, and exclusions")
    func valid() throws {
        let (lexicon, diagnostics) = try Self.lexicon(
            """
            lexicon:
              late:
                en: [ghosted, "radio silence"]
                ru: ["кормит обещаниями"]
              lie:
                en:
                  - fibbed
                  - {phrase: "story changed", weight: 0.6}
              competitor: ["cheaper shop"]
              exclude:
                late:
                  en: ["late checkout"]
            """)
        #expect(diagnostics.isEmpty)
        #expect(
            lexicon.cues["late"]?["en"]?.suffix(2) == [
                IncidentCue("ghosted", weight: 0.8), IncidentCue("radio silence", weight: 0.8),
            ])
        #expect(lexicon.cues["lie"]?["en"]?.last == IncidentCue("story changed", weight: 0.6))
        #expect(lexicon.cues["competitor"]?["any"] == [IncidentCue("cheaper shop", weight: 0.8)])
        let detector = IncidentDetector(lexicon: lexicon)
        #expect(detector.suggestions(for: "Client ghosted me").first?.tag == "late")
        #expect(detector.suggestions(for: "Заказчик кормит обещаниями").first?.tag == "late")
        #expect(detector.suggestions(for: "He fibbed about the budget").first?.tag == "lie")
        #expect(detector.suggestions(for: "asked for a late checkout at the hotel").isEmpty)
        #expect(IncidentDetector().suggestions(for: "Client ghosted me").isEmpty)
    }

    @Test("unknown signs, bad weights and bad shapes are reported with their lines; the rest is kept")
    func invalid() throws {
        let (lexicon, diagnostics) = try Self.lexicon(
            """
            lexicon:
              lat:
                en: [ghosted]
              lie:
                en:
                  - {phrase: "fibbed", weight: 3}
                  - {phrase: "tall tale", colour: red}
              dispute:
                en: [haggled hard]
            """)
        #expect(diagnostics.map(\.line) == [2, 6, 7])
        #expect(diagnostics[0].message == "'lat' is not a sign (did you mean 'late'?)")
        #expect(diagnostics[1].message == "a phrase's weight is a number from 0 to 1")
        #expect(diagnostics[2].message.contains("unknown key 'colour'"))
        #expect(lexicon.cues["dispute"]?["en"]?.last == IncidentCue("haggled hard", weight: 0.8))
        #expect(lexicon.cues["lie"]?["en"]?.last == IncidentCue("tall tale", weight: 0.8))
    }

    @Test("a lexicon that is not a mapping is one error")
    func notAMapping() throws {
        let (lexicon, diagnostics) = try Self.lexicon("lexicon: [late]")
        #expect(diagnostics.count == 1)
        #expect(lexicon == IncidentLexicon.standard)
    }
}
