import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Timeline")
struct TimelineTests {
    @Test("dated entries sort by date, file, line; undated ones are listed apart")
    func sorting() {
        let entries = [
            Make.entry(Make.day("2026-03-01"), "late", file: "b.md", line: 4),
            Make.entry(nil, "praise", file: "a.md", line: 9),
            Make.entry(Make.day("2026-01-15"), "lie", file: "z.md", line: 1),
            Make.entry(Make.day("2026-03-01"), "paid", file: "a.md", line: 7),
            Make.entry(Make.day("2026-03-01"), "dispute", file: "b.md", line: 2),
        ]
        let timeline = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
        #expect(
            timeline.entries.map { "\($0.entry.file):\($0.entry.line)" } == ["z.md:1", "a.md:7", "b.md:2", "b.md:4"])
        #expect(timeline.undated.map(\.entry.line) == [9])
        #expect(timeline.firstIncident == Make.day("2026-01-15"))
        #expect(timeline.lastIncident == Make.day("2026-03-01"))
    }

    @Test("entries after as-of are listed, flagged future, and never counted")
    func futureEntries() {
        let timeline = Make.timeline([Make.ago(10, "late"), Make.ago(-1, "lie"), Make.ago(0, "late")])
        #expect(timeline.entries.count == 3)
        #expect(timeline.future.map(\.entry.date) == [Make.asOf.adding(days: 1)])
        #expect(timeline.entries.filter(\.isFuture).count == 1)
        #expect(timeline.tagCounts.map(\.tag) == ["late"])
        #expect(timeline.lastIncident == Make.asOf)
        #expect(timeline.incidents(within: 30) == 2)
        #expect(timeline.months.map(\.incidents).reduce(0, +) == 2)
    }

    @Test("rolling windows end at as-of and include exactly the last N days")
    func windows() {
        let timeline = Make.timeline([
            Make.ago(0, "late"), Make.ago(29, "late"), Make.ago(30, "lie"), Make.ago(89, "dispute"),
            Make.ago(90, "late"), Make.ago(364, "legal"), Make.ago(365, "legal"), Make.ago(3, "paid"),
        ])
        #expect(timeline.windows.map(\.days) == [30, 90, 180, 365])
        #expect(timeline.incidents(within: 30) == 2)
        #expect(timeline.incidents(within: 90) == 4)
        #expect(timeline.incidents(within: 180) == 5)
        #expect(timeline.incidents(within: 365) == 6)
        #expect(timeline.windows[0].bySign == ["late": 2])
        #expect(timeline.windows[3].bySign == ["late": 3, "lie": 1, "dispute": 1, "legal": 1])
    }

    @Test(
        "trend compares the last 90 days with the 90 before",
        arguments: [
            (recent: 3, previous: 1, direction: Timeline.Trend.Direction.rising),
            (recent: 0, previous: 2, direction: .falling),
            (recent: 2, previous: 2, direction: .steady),
            (recent: 0, previous: 0, direction: .steady),
        ])
    func trend(recent: Int, previous: Int, direction: Timeline.Trend.Direction) {
        let entries =
            (0..<recent).map { Make.ago(89 - $0, "late") } + (0..<previous).map { Make.ago(90 + $0 * 89, "late") }
            + [Make.ago(180, "late")]
        let trend = Make.timeline(entries).trend
        #expect(trend.recent == recent)
        #expect(trend.previous == previous)
        #expect(trend.direction == direction)
    }

    @Test("tag counts per tag and per subtype; an entry counts once per tag")
    func tagCounts() {
        let timeline = Make.timeline([
            Make.ago(5, "abuse/verbal", "abuse/verbal"), Make.ago(6, "abuse/physical"), Make.ago(7, "abuse"),
            Make.ago(8, "paid"), Make.entry(nil, "late"),
        ])
        let counts = timeline.tagCounts.map { "\($0.qualifiedName)=\($0.count)" }
        #expect(counts == ["abuse=3", "abuse/physical=1", "abuse/verbal=1", "late=1", "paid=1"])
        #expect(timeline.tagCounts.first { $0.tag == "paid" }?.isIncident == false)
        #expect(timeline.tagCounts.first { $0.tag == "late" }?.isIncident == true)
    }

    @Test("months group dated entries by YYYY-MM, oldest first, with incidents per sign")
    func months() {
        let timeline = Make.timeline([
            Make.entry(Make.day("2026-02-28"), "late", "lie"), Make.entry(Make.day("2026-02-01"), "paid"),
            Make.entry(Make.day("2025-12-31"), "late"), Make.entry(nil, "lie"),
        ])
        #expect(timeline.months.map(\.month) == ["2025-12", "2026-02"])
        #expect(timeline.months.map(\.entries) == [1, 2])
        #expect(timeline.months.map(\.incidents) == [1, 1])
        #expect(timeline.months[1].bySign == ["late": 1, "lie": 1])
    }

    @Test("positives and span: since: counts when earlier than the first entry")
    func positivesAndSpan() {
        let entries = Make.numbered([
            Make.entry(Make.day("2025-01-10"), "paid"), Make.entry(Make.day("2025-03-10"), "referral", "praise"),
            Make.entry(nil, "praise"), Make.entry(Make.day("2025-02-01"), "late"),
        ])
        let timeline = Timeline(
            client: Make.client(since: Make.day("2024-12-31")), entries: entries, asOf: Make.asOf)
        #expect(timeline.positives.count == 3)
        #expect(timeline.span.start == Make.day("2024-12-31"))
        #expect(timeline.span.firstEntry == Make.day("2025-01-10"))
        #expect(timeline.span.lastEntry == Make.day("2025-03-10"))
        #expect(timeline.span.days == 69)
        let noSince = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
        #expect(noSince.span.start == Make.day("2025-01-10"))
    }

    @Test("an empty journal gives an empty timeline")
    func empty() {
        let timeline = Make.timeline([])
        #expect(timeline.entries.isEmpty)
        #expect(timeline.firstIncident == nil)
        #expect(timeline.span.days == nil)
        #expect(timeline.trend.direction == .steady)
    }

    @Test("a timeline round-trips through JSON")
    func codable() throws {
        let timeline = Make.timeline([Make.ago(3, "abuse/verbal"), Make.entry(nil, "paid"), Make.ago(-2, "lie")])
        let data = try JSONEncoder().encode(timeline)
        let decoded = try JSONDecoder().decode(Timeline.self, from: data)
        #expect(decoded == timeline)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"isFuture\":true"))
    }
}

/// SIGNS.md, "Counting": an incident is one tag occurrence in the source.
@Suite("Counting tag occurrences")
struct TagOccurrenceTests {
    static func timeline(_ markdown: String, billing: String = "fixed") -> Timeline {
        let text = "---\nbilling: \(billing)\n---\n" + markdown
        let parsed = JournalParserTests.parse(text)
        let client = Client(
            id: "c", name: "C", billing: Billing(rawValue: billing), files: ["c.md"])
        return Timeline(client: client, entries: parsed.entries, asOf: Make.asOf)
    }

    static let section = """
        ## 2026-08-19 09:10 — Site visit #abuse/physical

        Threw his clipboard against the wall next to my head.

        - Walked out. Shaking the whole way home.
        - Drove home.

        """

    @Test("a tag on a dated heading counts once for its section, and is cited at the heading")
    func headingTagCountsOnce() throws {
        let timeline = Self.timeline(Self.section)
        #expect(timeline.entries.count == 3)
        #expect(timeline.entries.allSatisfy { $0.entry.hasTag("abuse") })
        let assessment = Policy.standard.assess(timeline)
        #expect(assessment.incidents == 1)
        let reason = try #require(assessment.reasons.first)
        #expect(reason.rule == "abuse-physical")
        #expect(reason.count == 1)
        #expect(reason.entries.map(\.line) == [4])
        #expect(reason.entries[0].quote.hasPrefix("Site visit #abuse/physical — Threw his clipboard"))
        #expect(timeline.tagCounts.first { $0.qualifiedName == "abuse/physical" }?.count == 1)
        #expect(timeline.windows.first { $0.days == 30 }?.incidents == 0)
        #expect(timeline.windows.first { $0.days == 365 }?.bySign == ["abuse": 1])
    }

    @Test("three #late headings are three incidents; one #late heading over three entries is one")
    func sectionsVersusEntries() {
        let one = Self.timeline("## 2026-09-01 #late\n\n- Reminder 1.\n- Reminder 2.\n- Reminder 3.\n")
        #expect(Policy.standard.assess(one).verdict == .keep)
        #expect(Policy.standard.assess(one).noted.map(\.count) == [1])
        let three = Self.timeline(
            "## 2026-07-01 #late\n\nReminder.\n\n## 2026-08-01 #late\n\nReminder.\n\n## 2026-09-01 #late\n\nReminder.\n"
        )
        #expect(Policy.standard.assess(three).verdict == .fire)
        #expect(Policy.standard.assess(three).reasons.first?.entries.map(\.line) == [4, 8, 12])
    }

    @Test("a tag in an entry's own text under a tagged heading is an occurrence of its own")
    func ownTagUnderTaggedHeading() {
        let timeline = Self.timeline("## 2026-09-01 #late\n\nReminder sent.\n\n- Still not paid. #late\n")
        let assessment = Policy.standard.assess(timeline)
        #expect(assessment.reasons.first?.count == 2)
        #expect(assessment.reasons.first?.entries.map(\.line) == [4, 8])
        #expect(assessment.verdict == .watch)
    }

    @Test("a tag written twice in one entry is one incident; a #paid heading is one positive entry")
    func twiceInOneEntry() {
        let timeline = Self.timeline(
            "## 2026-09-01\n\n- Late again #late, still #late.\n\n## 2026-10-01 #paid\n\n- Invoice 1.\n- Invoice 2.\n")
        #expect(Policy.standard.assess(timeline).noted.first?.count == 1)
        #expect(timeline.positives.count == 1)
    }
}
