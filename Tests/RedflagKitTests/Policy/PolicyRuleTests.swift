import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Every rule of the default policy at, below and above its thresholds (SIGNS.md).
@Suite("Policy rules")
struct PolicyRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var tag: String
        var billing: Billing?
        var count: Int
        var expected: Verdict
        var testDescription: String { "\(count)× #\(tag) (\(billing?.rawValue ?? "unknown billing")) → \(expected)" }
    }

    static let cases: [Case] = [
        // 1 physical abuse: fire at the first
        Case(tag: "abuse/physical", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "abuse/physical", billing: .fixed, count: 1, expected: .fire),
        Case(tag: "abuse/physical", billing: .hourly, count: 2, expected: .fire),
        // 2 verbal abuse (with or without subtype): watch at 1, fire at the 3rd within 365 days
        Case(tag: "abuse/verbal", billing: .fixed, count: 1, expected: .watch),
        Case(tag: "abuse/verbal", billing: .fixed, count: 2, expected: .watch),
        Case(tag: "abuse/verbal", billing: .fixed, count: 3, expected: .fire),
        Case(tag: "abuse", billing: .fixed, count: 1, expected: .watch),
        Case(tag: "abuse", billing: .fixed, count: 3, expected: .fire),
        Case(tag: "abuse", billing: .fixed, count: 4, expected: .fire),
        // 3 lie: fire at 1
        Case(tag: "lie", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "lie", billing: .hourly, count: 1, expected: .fire),
        Case(tag: "lie", billing: .fixed, count: 2, expected: .fire),
        // 4 unreasonable: watch 1, fire 3
        Case(tag: "unreasonable", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "unreasonable", billing: .fixed, count: 1, expected: .watch),
        Case(tag: "unreasonable", billing: .fixed, count: 2, expected: .watch),
        Case(tag: "unreasonable", billing: .fixed, count: 3, expected: .fire),
        Case(tag: "unreasonable", billing: .fixed, count: 4, expected: .fire),
        // 5 late: one is noted, not a sign; watch 2, fire 3
        Case(tag: "late", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "late", billing: .fixed, count: 1, expected: .keep),
        Case(tag: "late", billing: .hourly, count: 2, expected: .watch),
        Case(tag: "late", billing: .fixed, count: 2, expected: .watch),
        Case(tag: "late", billing: .fixed, count: 3, expected: .fire),
        Case(tag: "late", billing: .fixed, count: 5, expected: .fire),
        // 6 dispute: fire at 1
        Case(tag: "dispute", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "dispute", billing: .fixed, count: 1, expected: .fire),
        // 7 changed-mind: fixed/retainer/unknown watch 2 fire 4; hourly watch 4 never fire
        Case(tag: "changed-mind", billing: .fixed, count: 1, expected: .keep),
        Case(tag: "changed-mind", billing: .fixed, count: 2, expected: .watch),
        Case(tag: "changed-mind", billing: .fixed, count: 3, expected: .watch),
        Case(tag: "changed-mind", billing: .fixed, count: 4, expected: .fire),
        Case(tag: "changed-mind", billing: .retainer, count: 1, expected: .keep),
        Case(tag: "changed-mind", billing: .retainer, count: 2, expected: .watch),
        Case(tag: "changed-mind", billing: .retainer, count: 4, expected: .fire),
        Case(tag: "changed-mind", billing: nil, count: 2, expected: .watch),
        Case(tag: "changed-mind", billing: nil, count: 4, expected: .fire),
        Case(tag: "changed-mind", billing: .hourly, count: 2, expected: .keep),
        Case(tag: "changed-mind", billing: .hourly, count: 3, expected: .keep),
        Case(tag: "changed-mind", billing: .hourly, count: 4, expected: .watch),
        Case(tag: "changed-mind", billing: .hourly, count: 12, expected: .watch),
        // 8 ignored-advice: watch 1, fire 2
        Case(tag: "ignored-advice", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "ignored-advice", billing: .fixed, count: 1, expected: .watch),
        Case(tag: "ignored-advice", billing: .fixed, count: 2, expected: .fire),
        Case(tag: "ignored-advice", billing: .fixed, count: 3, expected: .fire),
        // 9 competitor (used against agreed work): fire at 1
        Case(tag: "competitor", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "competitor", billing: .fixed, count: 1, expected: .fire),
        Case(tag: "competitor", billing: .hourly, count: 2, expected: .fire),
        // 10 legal: fire at 1
        Case(tag: "legal", billing: .fixed, count: 0, expected: .keep),
        Case(tag: "legal", billing: .fixed, count: 1, expected: .fire),
    ]

    @Test("outcome by count", arguments: cases)
    func outcome(_ testCase: Case) {
        let assessment = Make.assess(Make.series(testCase.tag, count: testCase.count), billing: testCase.billing)
        #expect(assessment.verdict == testCase.expected)
        if testCase.expected == .keep {
            #expect(assessment.reasons.isEmpty)
            // Counted below watch: noted, with the distance to the watch.
            #expect(assessment.noted.map(\.count) == (testCase.count > 0 ? [testCase.count] : []))
            #expect(assessment.noted.allSatisfy { $0.outcome == .keep && $0.nextThreshold?.outcome == .watch })
        } else {
            #expect(assessment.reasons.count == 1)
            #expect(assessment.reasons.first?.entries.count == testCase.count)
            #expect(assessment.reasons.first?.count == testCase.count)
        }
    }

    struct WindowCase: CustomTestStringConvertible, Sendable {
        var tag: String
        var fire: Int
        var window: Int
        var testDescription: String { "#\(tag): fire at \(fire) within \(window) days" }
    }

    @Test(
        "an incident just outside the window does not count; one on its first day does",
        arguments: [
            WindowCase(tag: "late", fire: 3, window: 365),
            WindowCase(tag: "unreasonable", fire: 3, window: 365),
            WindowCase(tag: "abuse/verbal", fire: 3, window: 365),
            WindowCase(tag: "changed-mind", fire: 4, window: 180),
            WindowCase(tag: "ignored-advice", fire: 2, window: 365),
        ])
    func windowEdge(_ testCase: WindowCase) {
        let recent = Make.series(testCase.tag, count: testCase.fire - 1, start: 0)
        let inside = Make.assess(recent + [Make.ago(testCase.window - 1, testCase.tag)])
        let outside = Make.assess(recent + [Make.ago(testCase.window, testCase.tag)])
        #expect(inside.verdict == .fire)
        #expect(outside.verdict == .watch)
        #expect(outside.reasons.first?.entries.count == testCase.fire - 1)
        #expect(outside.reasons.first?.nextThreshold?.more == 1)
    }

    @Test(
        "hard rules count incidents of any age, undated ones too",
        arguments: ["abuse/physical", "lie", "dispute", "competitor", "legal"])
    func hardRulesHaveNoWindow(tag: String) {
        #expect(Make.assess([Make.ago(3650, tag)]).verdict == .fire)
        #expect(Make.assess([Make.entry(nil, tag)]).verdict == .fire)
    }

    @Test("windowed rules ignore undated entries")
    func undatedNotWindowed() {
        let assessment = Make.assess([Make.entry(nil, "late"), Make.entry(nil, "late"), Make.entry(nil, "late")])
        #expect(assessment.verdict == .keep)
    }

    @Test("the window ends at as-of: the same notes judged a year later fall out of it")
    func windowMovesWithAsOf() {
        let entries = Make.series("late", count: 3)
        #expect(Make.assess(entries).verdict == .fire)
        #expect(Make.assess(entries, asOf: Make.asOf.adding(days: 340)).verdict == .watch)
        #expect(Make.assess(entries, asOf: Make.asOf.adding(days: 400)).verdict == .keep)
    }

    @Test("entries dated after as-of are ignored for judging")
    func futureIgnored() {
        #expect(Make.assess([Make.ago(-1, "lie")]).verdict == .keep)
        #expect(Make.assess([Make.ago(0, "lie")]).verdict == .fire)
        let late = Make.assess([
            Make.ago(5, "late"), Make.ago(7, "late"), Make.ago(-5, "late"), Make.ago(-6, "late"),
        ])
        #expect(late.verdict == .watch)
        #expect(late.reasons.first?.entries.count == 2)
    }

    @Test("canonical tags from aliases (#liar → lie, #insult → abuse/verbal) are judged like the canonical ones")
    func aliases() {
        var liar = Make.ago(3, "lie")
        liar.tags = [Make.tag("lie", raw: "liar")]
        #expect(Make.assess([liar]).verdict == .fire)
        var insult = Make.ago(3, "abuse/verbal")
        insult.tags = [Make.tag("abuse/verbal", raw: "insult")]
        let assessment = Make.assess([insult])
        #expect(assessment.verdict == .watch)
        #expect(assessment.reasons.first?.rule == "abuse-verbal")
        #expect(assessment.reasons.first?.tag == "abuse/verbal")
    }

    @Test("physical abuse is not counted as verbal abuse, and vice versa")
    func abuseSubtypes() {
        let assessment = Make.assess([Make.ago(3, "abuse/physical"), Make.ago(2, "abuse/verbal")])
        #expect(assessment.reasons.map(\.rule) == ["abuse-physical", "abuse-verbal"])
        #expect(assessment.reasons.map(\.outcome) == [.fire, .watch])
        #expect(assessment.reasons.map(\.count) == [1, 1])
    }

    @Test("the verdict is the most severe outcome; reasons list fire first, then policy order")
    func mostSevere() {
        let assessment = Make.assess([
            Make.ago(3, "late"), Make.ago(4, "competitor"), Make.ago(5, "dispute"), Make.ago(6, "late"),
        ])
        #expect(assessment.verdict == .fire)
        #expect(assessment.reasons.map(\.rule) == ["dispute", "competitor", "late"])
        #expect(assessment.summary == "fire: #dispute (fire), #competitor (fire), #late (watch)")
    }

    @Test("an entry with two signs counts for both rules")
    func twoSigns() {
        let assessment = Make.assess([Make.ago(3, "late", "unreasonable"), Make.ago(4, "late")])
        #expect(assessment.reasons.map(\.rule) == ["unreasonable", "late"])
        #expect(assessment.reasons.map(\.count) == [1, 2])
        #expect(assessment.verdict == .watch)
    }

    @Test("one late payment is noted, not a sign: keep, with the distance to a watch")
    func oneLateIsNoted() throws {
        let assessment = Make.assess([Make.ago(30, "late"), Make.ago(10, "paid")])
        #expect(assessment.verdict == .keep)
        #expect(assessment.reasons.isEmpty)
        let noted = try #require(assessment.noted.first)
        #expect(noted.rule == "late")
        #expect(noted.outcome == .keep)
        #expect(noted.nextThreshold?.sentence == "1 more #late within 365 days → watch")
        #expect(noted.entries.count == 1)
    }

    @Test("a client with nothing to report is kept, with a summary line")
    func keepSummary() {
        let assessment = Make.assess([Make.ago(3, "paid"), Make.ago(40, "praise")])
        #expect(assessment.verdict == .keep)
        #expect(assessment.score == 0)
        #expect(
            assessment.summary
                == "keep: no sign reached its threshold as of 2026-11-29 (0 incidents, 2 positive entries)")
    }
}
