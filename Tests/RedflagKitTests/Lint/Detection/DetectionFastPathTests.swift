import Foundation
import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagLint

/// The fast tokenizer and feature extractor against the reference ones they replaced
/// (`ReferenceFeaturizer`): the shipped model was trained on the reference's features, so every
/// token, index, value, name and evidence feature must be the same, bit for bit.
@Suite("Detection: the fast path equals the reference")
struct DetectionFastPathTests {
    static let pieces = [
        "still unpaid", "45d over", "lied", "не", "опоздал", "с оплатой", "I", "was", "late", "to the call",
        "#late", "#paid", "#1043", "!!", ", ", ". ", " — ", " - ", "e-mail", "\n", "\r\n", "2:40am", "23:50", "4h",
        "ё", "Ё", "Счёт", "didn’t", "ʼ", "'", "'s", "#", "🙂", "e\u{301}", "\u{345}", "İ", "ß", "Ǆ", "٣", "½",
        "", "   ", "\t", "if", "если", "said", "the bank shows", "оказалось", "…", "«ок»", "“q”", "•", "a/b_c",
        "#tag-with/slash", "ＡＢＣ", "Ω", "K", "x", "123", "me", "on", "our", "мне", "about me", "за",
    ]

    /// Entries of the labelled sets the tests ship with (a sample, to keep the suite fast).
    static func fixtureTexts() throws -> [String] {
        let base = try #require(Bundle.module.resourceURL)
        var texts: [String] = []
        for name in ["eval", "blind-2", "holdout-lead"] {
            let url = base.appendingPathComponent("Fixtures/lint-eval/\(name).jsonl")
            let text = try String(contentsOf: url, encoding: .utf8)
            texts += try LabeledText.parseJSONLines(text).map(\.text)
        }
        return texts
    }

    static func sameTokens(_ text: String) -> Bool {
        let fast = DetectorToken.tokenize(text)
        let reference = ReferenceFeaturizer.tokenize(text)
        guard fast.count == reference.count else { return false }
        return zip(fast, reference).allSatisfy { fast, reference in
            fast.text == reference.text && fast.clause == reference.clause && fast.sentence == reference.sentence
                && fast.range.lowerBound.utf16Offset(in: text) == reference.range.lowerBound.utf16Offset(in: text)
                && fast.range.upperBound.utf16Offset(in: text) == reference.range.upperBound.utf16Offset(in: text)
        }
    }

    /// The first difference between the fast features of `text` and the reference's (indices,
    /// values bit for bit, and, when naming, every feature's name and whether it may stand as
    /// evidence); nil when there is none.
    static func featureDifference(_ text: String, detector: IncidentDetector) -> String? {
        let tokens = DetectorToken.tokenize(text)
        let stems = tokens.map { SnowballStemmer.stem($0.text) }
        let score = detector.lexicalScore(for: text)
        let reference = ReferenceFeaturizer.extract(
            tokens: tokens, stems: stems, lexical: score, text: text, naming: true)
        let fast = DetectorFeatures.extract(tokens: tokens, stems: stems, lexical: score, text: text)
        let named = DetectorFeatures.extract(tokens: tokens, stems: stems, lexical: score, text: text, naming: true)
        if fast.indices != reference.indices { return "indices \(fast.indices) ≠ \(reference.indices)" }
        if named.indices != reference.indices { return "named indices \(named.indices) ≠ \(reference.indices)" }
        if fast.values.map(\.bitPattern) != reference.values.map(\.bitPattern) {
            return "values \(fast.values) ≠ \(reference.values)"
        }
        if named.values.map(\.bitPattern) != reference.values.map(\.bitPattern) { return "named values differ" }
        for index in reference.indices {
            if named.name(of: index) != reference.names[index] {
                return "name of \(index): \(named.name(of: index) ?? "nil") ≠ \(reference.names[index] ?? "nil")"
            }
            if named.isEvidence(index) != reference.evidence.contains(index) { return "evidence of \(index)" }
            if fast.name(of: index) != nil { return "a name without naming" }
        }
        return nil
    }

    @Test("tokens of random text (tags, apostrophes, dashes, combining marks, other scripts) equal the reference's")
    func randomTokens() async {
        let notes = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...16)
        await propertyCheck(count: 400, input: notes) { indices in
            let text = indices.map { Self.pieces[$0] }.joined(separator: indices.count % 3 == 0 ? "" : " ")
            #expect(Self.sameTokens(text), "\(text.debugDescription)")
        }
    }

    @Test("features of random text equal the reference's, names and evidence included")
    func randomFeatures() async {
        let detector = IncidentDetector()
        let notes = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...16)
        await propertyCheck(count: 200, input: notes) { indices in
            let text = indices.map { Self.pieces[$0] }.joined(separator: indices.count % 3 == 0 ? "" : " ")
            let difference = Self.featureDifference(text, detector: detector)
            #expect(difference == nil, "\(text.debugDescription): \(difference ?? "")")
        }
    }

    @Test("tokens and features of the labelled sets' entries equal the reference's")
    func fixtures() throws {
        let detector = IncidentDetector()
        let texts = try Self.fixtureTexts()
        #expect(texts.count > 400)
        let differing = texts.filter { !Self.sameTokens($0) || Self.featureDifference($0, detector: detector) != nil }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
    }

    @Test("the id table gives the ids a dictionary would, in insertion order")
    func featureIDs() async {
        let keys = Gen.int(in: 0...5000).array(of: 0...3000)
        await propertyCheck(count: 30, input: keys) { keys in
            var table = FeatureIDs()
            var dictionary: [UInt64: Int] = [:]
            for key in keys.map({ UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }) {
                if let id = table[key] {
                    #expect(dictionary[key] == id)
                } else {
                    #expect(dictionary[key] == nil)
                    let id = table.insert(key)
                    #expect(id == dictionary.count)
                    dictionary[key] = id
                }
            }
            #expect(table.count == dictionary.count)
        }
    }

    @Test("word sets find exactly their words, by bytes")
    func wordSets() {
        let words = ["not", "не", "didn't", "a", "", "никогда"] + (0..<100).map { "w\($0)" }
        let set = WordSet(words)
        for word in words { #expect(set.contains(Word(word.utf8))) }
        for word in ["no", "нe", "didnt", "b", "w100", "никогд", "e\u{301}"] { #expect(!set.contains(Word(word.utf8))) }
    }

    @Test("lint with untagged-incident off reports the other rules exactly as with it on")
    func ruleOff() throws {
        let text = """
            # Acme

            ## 2026-10-30

            - Invoice 2211 still not paid, 45 days overdue.
            - Sent the #invoce for October.

            """
        var off = LintConfiguration()
        off.severities[UntaggedIncidentRule.id] = .some(nil)
        let withRule = try LintHarness.lint([("acme.md", text)]).findings
        let withoutRule = try LintHarness.lint([("acme.md", text)], configuration: off).findings
        #expect(withRule.contains { $0.rule == UntaggedIncidentRule.id })
        #expect(withoutRule == withRule.filter { $0.rule != UntaggedIncidentRule.id })
    }
}
