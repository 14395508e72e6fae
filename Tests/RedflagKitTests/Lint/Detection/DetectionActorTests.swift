import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal

/// The whose-act features (docs/detector.md, "How it decides" 3): each content word after a word
/// that names an actor in its sentence is paired with that actor, in English and Russian.
@Suite("Detection: whose act it is")
struct DetectionActorTests {
    static func features(_ text: String, naming: Bool = false) -> DetectorFeatures {
        let tokens = DetectorToken.tokenize(text)
        return DetectorFeatures.extract(
            tokens: tokens, stems: tokens.map { SnowballStemmer.stem($0.text) },
            lexical: IncidentDetector().lexicalScore(for: text), text: text, naming: naming)
    }

    static func has(_ features: DetectorFeatures, _ name: String) -> Bool {
        features.indices.contains(DetectorFeatures.index(of: name))
    }

    @Test("the client's act, the user's act and a third party's act give different features")
    func actors() {
        let client = Self.features("He kicked the ladder I was standing on.")
        #expect(Self.has(client, "a:cl:kick"))
        #expect(Self.has(client, "a:cl:ladder"))
        #expect(Self.has(client, "a:me:stand"), "the actor named last wins")
        #expect(!Self.has(client, "a:me:kick"))
        #expect(Self.has(client, "a:cl") && Self.has(client, "a:me") && !Self.has(client, "a:ot"))

        let own = Self.features("I was late to the call with the client.")
        #expect(Self.has(own, "a:me:late"))
        #expect(!Self.has(own, "a:cl:late"))

        let other = Self.features("A friend of mine was never paid by her client.")
        #expect(Self.has(other, "a:ot:never") && Self.has(other, "a:ot:paid"))
        #expect(!Self.has(other, "a:cl:paid"), "the client is named after the act")
    }

    @Test("Russian: заказчик and я, and the act done to the user")
    func russian() {
        let text = "Заказчик наорал на меня при всех. Я промолчал."
        let features = Self.features(text)
        #expect(Self.has(features, "a:cl:" + SnowballStemmer.stem("наорал")))
        #expect(Self.has(features, "a:cl>me"))
        #expect(Self.has(features, "a:me:" + SnowballStemmer.stem("промолчал")))
        #expect(!Self.has(features, "a:me:" + SnowballStemmer.stem("наорал")), "a new sentence forgets the actor")
    }

    @Test("no actor named: no whose-act feature, and the text features are unchanged by them")
    func noActor() {
        let plain = Self.features("Invoice 2211 still not paid, 45 days over.")
        for name in ["a:me", "a:cl", "a:ot", "a:cl>me", "a:ot>me"] { #expect(!Self.has(plain, name)) }
        // The whose-act features are normalised on their own: a word's own feature keeps its value.
        // ("cliens" is no actor, and has as many grams as "client".)
        let with = Self.features("Client says invoice was paid")
        let without = Self.features("Cliens says invoice was paid")
        #expect(Self.has(with, "a:cl:say") && !Self.has(without, "a:cl:say"))
        let word = DetectorFeatures.index(of: "w:invoic")
        let value = { (features: DetectorFeatures) in features.indices.firstIndex(of: word).map { features.values[$0] }
        }
        #expect(value(with) != nil && value(with) == value(without))
    }

    @Test("an explanation names the act, and a whose-act feature is never a finding's evidence")
    func naming() throws {
        let features = Self.features("The client threw a chair at me.", naming: true)
        let index = DetectorFeatures.index(of: "a:cl:threw")
        #expect(features.name(of: index) == "“threw” (the client's act)")
        #expect(!features.isEvidence(index))
        #expect(features.name(of: DetectorFeatures.index(of: "a:cl>me")) == "the client acts on you")
    }
}
