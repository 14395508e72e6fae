import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// Advice, headlines and summaries in plain words (SIGNS.md, "Advice, per sign").
@Suite("Plain words and advice")
struct PlainWordsTests {
    static func reason(_ entries: [Entry], billing: Billing? = .fixed, rule: String? = nil) throws -> Reason {
        let assessment = Make.assess(entries, billing: billing)
        let reasons = assessment.reasons + assessment.noted
        return try #require(rule.map { id in reasons.first { $0.rule == id } } ?? reasons.first)
    }

    @Test("headlines speak plainly, never in the policy's terms")
    func headlines() {
        #expect(Verdict.fire.headline == "Fire this client")
        #expect(Verdict.watch.headline == "Watch this client")
        #expect(Verdict.keep.headline == "Keep")
        for verdict in Verdict.allCases {
            #expect(!verdict.recommendation.contains("threshold"))
            #expect(!verdict.recommendation.lowercased().contains("collect"))
        }
    }

    @Test("reason summaries a person would write")
    func reasonSummaries() throws {
        let dispute = try Self.reason([Make.ago(3, "dispute")])
        #expect(PlainWords.summary(dispute, billing: .fixed) == "1 dispute: fires on the first")
        let late = try Self.reason([Make.ago(3, "late"), Make.ago(40, "late")])
        #expect(
            PlainWords.summary(late, billing: .fixed)
                == "2 late payments in the last 365 days: watch from the second, fires on the third")
        let fired = try Self.reason(Make.series("late", count: 3))
        #expect(
            PlainWords.summary(fired, billing: .fixed) == "3 late payments in the last 365 days: fires on the third")
        let noted = try Self.reason([Make.ago(3, "late")])
        #expect(
            PlainWords.summary(noted, billing: .fixed)
                == "1 late payment in the last 365 days: noted, not a pattern yet; watch from the second")
        let hourly = try Self.reason(Make.series("changed-mind", count: 5), billing: .hourly)
        #expect(
            PlainWords.summary(hourly, billing: .hourly)
                == "5 changes of mind in the last 180 days: watch from the fourth; billed by the hour, so it never "
                + "fires on this alone")
        let repeated = try Self.reason([Make.ago(30, "abuse"), Make.ago(20, "warned"), Make.ago(10, "abuse")])
        #expect(
            PlainWords.summary(repeated, billing: .fixed)
                == "2 abusive remarks, the last one after you warned them on \(Make.daysAgo(20)): a repeat after "
                + "a warning fires")
        for text in [dispute, late, fired, noted, hourly, repeated].map({ PlainWords.summary($0, billing: .fixed) }) {
            #expect(!text.contains("#"))
            #expect(!text.contains("threshold"))
        }
    }

    @Test("the next threshold as a sentence")
    func next() throws {
        let late = try Self.reason([Make.ago(3, "late"), Make.ago(40, "late")])
        let next = try #require(late.nextThreshold)
        #expect(PlainWords.next(next, reason: late) == "Fires after 1 more late payment within 365 days.")
        let verbal = try Self.reason([Make.ago(3, "abuse")])
        #expect(
            PlainWords.next(try #require(verbal.nextThreshold), reason: verbal)
                == "Fires if it happens once more after you warn them, or after 2 more within 365 days.")
    }

    @Test("assessment summaries: fire, watch, keep, noted and softened")
    func assessmentSummaries() {
        let fire = Make.assess([Make.ago(3, "lie"), Make.ago(4, "lie"), Make.ago(5, "legal"), Make.ago(6, "late")])
        #expect(PlainWords.summary(fire, positives: 0) == "Fire this client: 2 lies and 1 legal risk.")
        let mixed = Make.assess([Make.ago(3, "dispute"), Make.ago(4, "unreasonable")])
        #expect(
            PlainWords.summary(mixed, positives: 0) == "Fire this client: 1 dispute. Also: 1 unreasonable demand."
        )
        let watch = Make.assess([Make.ago(3, "ignored-advice")])
        #expect(PlainWords.summary(watch, positives: 0) == "Watch this client: 1 case of ignored advice.")
        let keep = Make.assess([Make.ago(3, "paid")])
        #expect(PlainWords.summary(keep, positives: 1) == "Keep: no warning sign in the notes; 1 good entry.")
        let old = Make.assess([Make.ago(800, "changed-mind"), Make.ago(3, "paid"), Make.ago(4, "paid")])
        #expect(
            PlainWords.summary(old, positives: 2)
                == "Keep: no recent warning sign (1 older incident no longer counts); 2 good entries.")
        #expect(PlainWords.detail(old, positives: 2).hasPrefix("No recent warning sign"))
        let noted = Make.assess([Make.ago(3, "late")])
        #expect(PlainWords.summary(noted, positives: 0) == "Keep: 1 late payment noted, below any threshold.")
        let softened = Make.assess([
            Make.ago(130, "late"), Make.ago(120, "late"), Make.ago(100, "paid"), Make.ago(60, "praise"),
            Make.ago(10, "referral"),
        ])
        #expect(
            PlainWords.summary(softened, positives: 3)
                == "Keep: 2 late payments would call for a watch, but recent good entries outweigh them.")
    }

    @Test("ordinals")
    func ordinals() {
        #expect((1...4).map(PlainWords.ordinal) == ["first", "second", "third", "fourth"])
        #expect(
            [10, 11, 12, 13, 21, 22, 23, 101].map(PlainWords.ordinal) == [
                "tenth", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
            ])
    }

    struct SignCase: CustomTestStringConvertible, Sendable {
        var tag: String
        var watch: Int?
        var fire: Int
        var testDescription: String { "#\(tag)" }
    }

    @Test(
        "every sign has advice at fire, and at watch where SIGNS.md gives one",
        arguments: [
            SignCase(tag: "abuse/physical", watch: nil, fire: 1), SignCase(tag: "abuse/verbal", watch: 1, fire: 3),
            SignCase(tag: "lie", watch: nil, fire: 1), SignCase(tag: "unreasonable", watch: 1, fire: 3),
            SignCase(tag: "late", watch: 2, fire: 3), SignCase(tag: "dispute", watch: nil, fire: 1),
            SignCase(tag: "changed-mind", watch: 2, fire: 4), SignCase(tag: "ignored-advice", watch: 1, fire: 2),
            SignCase(tag: "competitor", watch: nil, fire: 1), SignCase(tag: "legal", watch: nil, fire: 1),
        ])
    func everySign(_ sign: SignCase) throws {
        let fire = try Self.reason(Make.series(sign.tag, count: sign.fire))
        #expect(fire.outcome == .fire)
        let fireAdvice = try #require(Advice.text(for: fire, billing: .fixed))
        #expect(!fireAdvice.contains("threshold"))
        if let watch = sign.watch {
            let watched = try Self.reason(Make.series(sign.tag, count: watch))
            #expect(watched.outcome == .watch)
            let advice = try #require(Advice.text(for: watched, billing: .fixed))
            #expect(advice != fireAdvice)
        }
        #expect(SignWords.of(fire).singular != "#\(sign.tag)")
    }

    @Test("'collect what is owed' only while something is owed")
    func collectOnlyWhileOwed() throws {
        let owed = try Self.reason([Make.ago(30, "dispute")])
        #expect(Advice.text(for: owed, billing: .fixed)?.contains("collect what is owed") == true)
        let settled = try Self.reason([Make.ago(30, "dispute"), Make.ago(10, "paid")], rule: "dispute")
        #expect(Advice.text(for: settled, billing: .fixed)?.lowercased().contains("collect") == false)
        let late = try Self.reason(Make.series("late", count: 3))
        #expect(Advice.text(for: late, billing: .fixed) == "Collect what is owed, then end it.")
        let paidLate = try Self.reason(Make.series("late", count: 3) + [Make.ago(1, "paid")], rule: "late")
        #expect(Advice.text(for: paidLate, billing: .fixed)?.lowercased().contains("collect") == false)
        let watchOwed = try Self.reason([Make.ago(30, "late"), Make.ago(20, "late")])
        #expect(Advice.text(for: watchOwed, billing: .fixed)?.hasPrefix("Collect what is owed") == true)
        let watchPaid = try Self.reason(
            [Make.ago(30, "late"), Make.ago(20, "late"), Make.ago(5, "paid")], rule: "late")
        #expect(Advice.text(for: watchPaid, billing: .fixed)?.lowercased().contains("collect") == false)
    }

    @Test("physical threats call for safety; a repeat after a warning says so; hourly changes name the cutoff")
    func specificAdvice() throws {
        let physical = try Self.reason([Make.ago(3, "abuse/physical")])
        let safety = try #require(Advice.text(for: physical, billing: .fixed))
        #expect(safety.contains("do not meet them alone"))
        #expect(safety.contains("evidence"))
        let repeated = try Self.reason([Make.ago(30, "abuse"), Make.ago(20, "warned"), Make.ago(10, "abuse")])
        #expect(Advice.text(for: repeated, billing: .fixed) == "End it: you told them, and it happened again.")
        let unwarned = try Self.reason([Make.ago(3, "abuse")])
        #expect(Advice.text(for: unwarned, billing: .fixed)?.contains("#warned") == true)
        let hourly = try Self.reason(Make.series("changed-mind", count: 4), billing: .hourly)
        #expect(Advice.text(for: hourly, billing: .hourly)?.contains("changed-mind.hourly.fire") == true)
        #expect(Advice.text(for: try Self.reason([Make.ago(3, "late")]), billing: .fixed) == nil)
    }

    @Test("the dossier says when billing was assumed, in Markdown and HTML")
    func billingAssumedShown() throws {
        let entries = Make.numbered(Make.series("changed-mind", count: 4))
        let timeline = Timeline(
            client: Client(id: "c", name: "C", files: ["c.md"]), entries: entries, asOf: Make.asOf)
        let dossier = Dossier(
            timeline: timeline, assessment: Policy.standard.assess(timeline), policyDigest: "p", inputDigest: "i")
        let markdown = DossierMarkdownRenderer.render(dossier)
        #expect(markdown.contains("judged as fixed price: add `billing:` to the front matter"))
        let html = DossierHTMLRenderer.render(dossier, templates: try HTMLTemplates.load())
        #expect(html.contains("judged as fixed price: add <code>billing:</code> to the front matter"))
        #expect(html.contains("not given (judged as fixed price: add “billing:” to the front matter)"))
        let json = DossierJSONRenderer.render(dossier)
        #expect(json.contains("\"billingAssumed\" : true"))
    }
}
