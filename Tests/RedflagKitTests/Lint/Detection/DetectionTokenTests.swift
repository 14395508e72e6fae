import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Detection: tokens and patterns")
struct DetectionTokenTests {
    @Test("words are lowercased Unicode letters and digits, with ё folded and inner apostrophes kept")
    func words() {
        let tokens = DetectorToken.tokenize("Didn’t PAY: Счёт 45d, e-mail 23:50")
        #expect(tokens.map(\.text) == ["didn't", "pay", "счет", "45d", "e", "mail", "23:50"])
    }

    @Test("punctuation and 'but'/'но' start a new clause")
    func clauses() {
        let tokens = DetectorToken.tokenize("late, but paid. Опоздал но заплатил")
        #expect(tokens.map(\.clause) == [0, 1, 1, 2, 3, 3])
    }

    @Test("patterns: stems, alternatives, gaps, negation, numbers and night hours")
    func patterns() throws {
        func matches(_ pattern: String, _ text: String) -> Bool {
            let words = DetectorToken.tokenize(text).map { Word($0.text.utf8) }
            return IncidentPattern.compileAll(pattern).contains { pattern in
                words.indices.contains { pattern.match(words, at: $0) != nil }
            }
        }
        #expect(matches("просроч*", "просрочили оплату"))
        #expect(!matches("просроч*", "срочно"))
        #expect(matches("competitor* ... cheaper", "a competitor of theirs is cheaper"))
        #expect(!matches("competitor* ... cheaper", "competitor one two three four five cheaper"))
        #expect(matches("competitor* ...8 cheaper", "competitor one two three four five cheaper"))
        #expect(matches("~neg paid", "hasn't paid"))
        #expect(matches("~num days late", "12 days late"))
        #expect(matches("call* ... ~night", "called at 2:40am"))
        #expect(!matches("call* ... ~night", "called at 10am"))
        #expect(!matches("~night", "estimated 120h"))
        #expect(matches("for free; free of charge", "free of charge"))
        #expect(matches("%money ... unpaid", "the deposit is still unpaid"))
        #expect(IncidentPattern("...") == nil)
    }
}
