import Testing

@testable import RedflagDetector

/// Temporary: the YAML files generated from the Swift literals read back as the same lexicon.
@Suite("Lexicon equivalence (temporary)")
struct LexiconEquivalenceTests {
    @Test("the bundled YAML lexicon equals the Swift-literal one, phrase by phrase and in order")
    func equal() {
        let yaml = IncidentLexicon.bundledStandard
        let swift = IncidentLexicon.standard
        #expect(yaml.cues == swift.cues)
        #expect(yaml.exclusions == swift.exclusions)
        #expect(yaml.counterEvidence == swift.counterEvidence)
        #expect(yaml.precedence == swift.precedence)
        #expect(yaml.personal == swift.personal)
        #expect(yaml == swift)
    }
}
