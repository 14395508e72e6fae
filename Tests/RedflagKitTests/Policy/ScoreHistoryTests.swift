import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// The score over the last 12 months: judged purely as of each month end, as-of being "now".
@Suite("Score history")
struct ScoreHistoryTests {
    @Test("twelve points, month ends then as-of, each the score of the timeline as of that day")
    func points() {
        let entries = Make.numbered(Make.series("late", count: 3, start: 40, step: 60))
        let timeline = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
        let history = Policy.standard.scoreHistory(timeline)
        #expect(history.count == 12)
        #expect(history.last?.asOf == Make.asOf)
        #expect(history.first?.asOf == Make.day("2025-12-31"))
        #expect(history[1].asOf == Make.day("2026-01-31"))
        #expect(history[2].asOf == Make.day("2026-02-28"))
        for point in history {
            let then = Policy.standard.assess(Timeline(client: Make.client(), entries: entries, asOf: point.asOf))
            #expect(point.score == then.score)
            #expect(point.verdict == then.verdict)
        }
        #expect(history.map(\.score) != Array(repeating: history[0].score, count: 12), "the score moved")
    }

    @Test("the trimmed timeline of a month end judges exactly as the whole timeline rebuilt as of that day")
    func trimmedTimelineIsEquivalent() async {
        let tags = PolicyPropertyTests.anyTags + ["resolved/lie", "forgiven/late", "wordpress"]
        let journal = zip(Gen.int(in: -20...800), Gen.int(in: 0...(tags.count - 1))).array(of: 0...14)
        await propertyCheck(count: 150, input: journal, Gen.int(in: 1...700)) { specs, back in
            let entries = Make.numbered(specs.map { Make.ago($0.0, tags[$0.1]) })
            let timeline = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
            let day = Make.daysAgo(back)
            let rebuilt = Policy.standard.assess(Timeline(client: Make.client(), entries: entries, asOf: day))
            let trimmed = Policy.standard.assess(timeline.forAssessment(asOf: day))
            #expect(trimmed.verdict == rebuilt.verdict)
            #expect(trimmed.score == rebuilt.score)
            #expect(trimmed.reasons == rebuilt.reasons)
            #expect(trimmed.closures == rebuilt.closures)
        }
    }

    @Test("the sparkline maps 0–100 onto eight blocks; the SVG holds only numbers and months")
    func charts() {
        let points = [0, 12, 25, 50, 60, 100].enumerated().map {
            ScorePoint(month: "2026-0\($0.offset + 1)", asOf: Make.asOf, score: $0.element, verdict: .keep)
        }
        #expect(ScoreChart.sparkline(points) == "▁▁▂▄▅█")
        let svg = ScoreChart.svg(points) ?? ""
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("2026-01: 0, 2026-02: 12"))
        #expect(!svg.contains("<script"))
        #expect(ScoreChart.svg([]) == nil)
    }
}
