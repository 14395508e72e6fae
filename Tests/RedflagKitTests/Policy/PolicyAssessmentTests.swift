import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

@Suite("Policy assessment")
struct PolicyAssessmentTests {
    // MARK: verbal abuse and #warned (SIGNS.md sign 2)

    @Test("abuse, warned, abuse → fire, even when the first abuse is outside the window")
    func abuseWarnedAbuse() throws {
        let assessment = Make.assess([Make.ago(400, "abuse/verbal"), Make.ago(399, "warned"), Make.ago(10, "abuse")])
        #expect(assessment.verdict == .fire)
        let reason = try #require(assessment.reasons.first)
        #expect(reason.rule == "abuse-verbal")
        #expect(reason.entries.map(\.date) == [Make.daysAgo(400), Make.daysAgo(399), Make.daysAgo(10)])
        #expect(reason.entries[1].tags == ["warned"])
        #expect(reason.nextThreshold == nil)
        #expect(reason.summary == "fire: #abuse/verbal again after a #warned entry (\(Make.daysAgo(399)))")
    }

    @Test("warned, abuse → watch (the warning must follow an earlier abuse)")
    func warnedThenAbuse() {
        let assessment = Make.assess([Make.ago(20, "warned"), Make.ago(10, "abuse/verbal")])
        #expect(assessment.verdict == .watch)
        #expect(assessment.reasons.first?.nextThreshold?.orAfterWarning == true)
        #expect(
            assessment.reasons.first?.nextThreshold?.sentence
                == "2 more #abuse/verbal within 365 days (or 1 more after a #warned entry) → fire")
    }

    @Test("abuse, abuse without a warning → watch; a third → fire")
    func withoutWarning() {
        #expect(Make.assess([Make.ago(20, "abuse"), Make.ago(10, "abuse")]).verdict == .watch)
        #expect(Make.assess([Make.ago(30, "abuse"), Make.ago(20, "abuse"), Make.ago(10, "abuse")]).verdict == .fire)
    }

    @Test("abuse then warned, no repeat yet → watch, one more abuse fires")
    func warnedAwaitingRepeat() {
        let assessment = Make.assess([Make.ago(20, "abuse"), Make.ago(10, "warned")])
        #expect(assessment.verdict == .watch)
        #expect(assessment.reasons.first?.nextThreshold?.sentence == "1 more #abuse/verbal → fire")
    }

    @Test("same day: order by file, then line")
    func sameDayOrdering() {
        let day = Make.daysAgo(10)
        let fired = [
            Make.entry(day, "abuse", file: "a.md", line: 3), Make.entry(day, "warned", file: "a.md", line: 8),
            Make.entry(day, "abuse", file: "b.md", line: 1),
        ]
        let timeline = Timeline(client: Make.client(), entries: fired, asOf: Make.asOf)
        #expect(Policy.standard.assess(timeline).verdict == .fire)
        let watched = [
            Make.entry(day, "warned", file: "a.md", line: 3), Make.entry(day, "abuse", file: "a.md", line: 8),
            Make.entry(day, "abuse", file: "b.md", line: 1),
        ]
        let second = Timeline(client: Make.client(), entries: watched, asOf: Make.asOf)
        #expect(Policy.standard.assess(second).verdict == .watch)
    }

    @Test("an entry with both #abuse and #warned, then another abuse → fire")
    func warnedInSameEntry() {
        #expect(Make.assess([Make.ago(20, "abuse/verbal", "warned"), Make.ago(5, "abuse")]).verdict == .fire)
        #expect(Make.assess([Make.ago(20, "abuse/verbal", "warned")]).verdict == .watch)
    }

    @Test("a warning after physical abuse does not escalate verbal abuse")
    func physicalDoesNotEscalateVerbal() {
        let assessment = Make.assess([
            Make.ago(30, "abuse/physical"), Make.ago(20, "warned"), Make.ago(10, "abuse/verbal"),
        ])
        #expect(assessment.reasons.first { $0.rule == "abuse-verbal" }?.outcome == .watch)
        #expect(assessment.verdict == .fire)
    }

    // MARK: softening

    @Test("3 positive entries in 365 days and a quiet 90 days soften a soft watch to keep")
    func softensWatch() throws {
        let entries = [
            Make.ago(130, "late"), Make.ago(120, "late"), Make.ago(100, "paid"), Make.ago(60, "praise"),
            Make.ago(10, "referral"),
        ]
        let assessment = Make.assess(entries)
        #expect(assessment.verdict == .keep)
        #expect(assessment.softened)
        let reason = try #require(assessment.reasons.first)
        #expect(reason.outcome == .watch)
        #expect(reason.softened)
        #expect(assessment.summary.hasPrefix("keep: watch on #late softened"))
        #expect(Policy.scoreBand(.keep).contains(assessment.score))
    }

    @Test("no softening with an incident in the last 90 days, or too few positives")
    func noSoftening() {
        let late = [Make.ago(130, "late"), Make.ago(120, "late")]
        let recent = [Make.ago(130, "late"), Make.ago(80, "late"), Make.ago(100, "paid")]
        #expect(Make.assess(recent + [Make.ago(60, "praise"), Make.ago(10, "referral")]).verdict == .watch)
        let few = late + [Make.ago(100, "paid"), Make.ago(60, "praise")]
        #expect(Make.assess(few).verdict == .watch)
        let old = late + [Make.ago(400, "paid"), Make.ago(60, "praise"), Make.ago(10, "referral")]
        #expect(Make.assess(old).verdict == .watch)
    }

    @Test(
        "positive context never cancels a fire",
        arguments: ["abuse/physical", "lie", "dispute", "competitor", "legal"])
    func neverCancelsHardFire(tag: String) {
        let praise = (0..<10).map { Make.ago(5 + $0, "praise") }
        #expect(Make.assess([Make.ago(300, tag)] + praise).verdict == .fire)
    }

    @Test("a soft rule's fire is not softened either")
    func softFireStays() {
        let entries = Make.series("late", count: 3, start: 100) + (0..<5).map { Make.ago(5 + $0, "paid") }
        #expect(Make.assess(entries).verdict == .fire)
    }

    @Test("a hard rule's watch (from an override) is never softened")
    func hardWatchNotSoftened() throws {
        let policy = try PolicyConfigTests.policy("policy:\n  lie: { watch: 1, fire: 2 }\n")
        let entries = [Make.ago(200, "lie")] + (0..<5).map { Make.ago(5 + $0, "paid") }
        #expect(Make.assess(entries, policy: policy).verdict == .watch)
    }

    @Test("softening can be switched off")
    func softeningOff() throws {
        let policy = try PolicyConfigTests.policy("policy:\n  softening: off\n")
        let entries = [
            Make.ago(130, "late"), Make.ago(120, "late"), Make.ago(100, "paid"), Make.ago(60, "praise"),
            Make.ago(10, "referral"),
        ]
        #expect(Make.assess(entries, policy: policy).verdict == .watch)
    }

    @Test("ignored advice stays a watch within 365 days, however many good entries follow")
    func ignoredAdviceNeverSoftened() throws {
        let good = (0..<8).map { Make.ago(5 + 10 * $0, "paid", "praise") }
        let inside = Make.assess([Make.ago(364, "ignored-advice")] + good)
        #expect(inside.verdict == .watch)
        #expect(!inside.softened)
        #expect(inside.reasons.first?.softened == false)
        // Out of its window, it no longer counts: noted nowhere, keep.
        let outside = Make.assess([Make.ago(365, "ignored-advice")] + good)
        #expect(outside.verdict == .keep)
        #expect(outside.reasons.isEmpty)
        // A soft rule next to it is still softened.
        let both = Make.assess([Make.ago(200, "ignored-advice"), Make.ago(150, "unreasonable")] + good)
        #expect(both.reasons.map(\.rule) == ["ignored-advice", "unreasonable"])
        #expect(both.reasons.map(\.softened) == [false, true])
        #expect(both.verdict == .watch)
    }

    @Test("only ignored-advice is never softened besides the hard rules; competitor is hard")
    func softenability() {
        let rules = Policy.standard.rules
        #expect(rules.filter(\.isHard).map(\.id) == ["abuse-physical", "lie", "dispute", "competitor", "legal"])
        #expect(
            rules.filter { !$0.isSoftenable }.map(\.id) == [
                "abuse-physical", "lie", "dispute", "ignored-advice", "competitor", "legal",
            ])
    }

    // MARK: advice and next thresholds

    @Test("a dispute is owed until a #paid entry on or after it settles it")
    func disputeOwed() throws {
        let reason = try #require(Make.assess([Make.ago(3, "dispute")]).reasons.first)
        #expect(reason.owed)
        #expect(reason.nextThreshold == nil)
        #expect(Make.assess([Make.ago(30, "dispute"), Make.ago(20, "paid")]).reasons.first?.owed == false)
        #expect(Make.assess([Make.ago(20, "paid"), Make.ago(10, "dispute")]).reasons.first?.owed == true)
    }

    @Test("late payments are owed until a later #paid; signs not about money are never owed")
    func lateOwed() {
        #expect(Make.assess([Make.ago(40, "late"), Make.ago(30, "late")]).reasons.first?.owed == true)
        let paid = Make.assess([Make.ago(40, "late"), Make.ago(30, "late"), Make.ago(20, "paid")])
        #expect(paid.reasons.first?.owed == false)
        #expect(Make.assess(Make.series("late", count: 3)).reasons.first?.owed == true)
        #expect(Make.assess([Make.ago(3, "competitor")]).reasons.first?.owed == false)
        #expect(Make.assess([Make.ago(3, "lie")]).reasons.first?.owed == false)
    }

    @Test("a reason carries the thresholds it was judged by, for this client's billing")
    func thresholdsInReason() throws {
        let fixed = try #require(Make.assess(Make.series("changed-mind", count: 2)).reasons.first)
        #expect((fixed.watchAt, fixed.fireAt) == (2, 4))
        let hourly = try #require(Make.assess(Make.series("changed-mind", count: 4), billing: .hourly).reasons.first)
        #expect(hourly.watchAt == 4)
        #expect(hourly.fireAt == nil)
    }

    @Test("a client without billing is judged as fixed price, and the assessment says so")
    func billingAssumed() {
        let unknown = Make.assess(Make.series("changed-mind", count: 4), billing: nil)
        #expect(unknown.verdict == .fire)
        #expect(unknown.billing == .fixed)
        #expect(unknown.billingAssumed)
        let hourly = Make.assess(Make.series("changed-mind", count: 4), billing: .hourly)
        #expect(hourly.verdict == .watch)
        #expect(hourly.billing == .hourly)
        #expect(!hourly.billingAssumed)
        #expect(!Make.assess([], billing: .retainer).billingAssumed)
    }

    @Test("distance to the next threshold, as data and as a sentence")
    func nextThreshold() throws {
        let next = try #require(Make.assess([Make.ago(3, "late"), Make.ago(4, "late")]).reasons.first?.nextThreshold)
        #expect(next.outcome == .fire)
        #expect(next.more == 1)
        #expect(next.tag == "late")
        #expect(next.window == 365)
        #expect(next.sentence == "1 more #late within 365 days → fire")
        let changed = try #require(Make.assess(Make.series("changed-mind", count: 3)).reasons.first?.nextThreshold)
        #expect(changed.sentence == "1 more #changed-mind within 180 days → fire")
    }

    @Test("hourly changed-mind at watch has no next threshold: it never fires alone")
    func hourlyNeverFires() throws {
        let reason = try #require(Make.assess(Make.series("changed-mind", count: 5), billing: .hourly).reasons.first)
        #expect(reason.outcome == .watch)
        #expect(reason.nextThreshold == nil)
        #expect(reason.summary == "watch: 5 #changed-mind within 180 days (watch at 4, never fires on this sign alone)")
    }

    @Test("every entry behind a reason is cited with file, line, date and a quote of at most 120 characters")
    func citations() throws {
        let long = String(repeating: "The client phoned again about the invoice. ", count: 10)
        let entries = [
            Make.entry(Make.daysAgo(40), "late", file: "x/2026.md", line: 12, text: long),
            Make.entry(Make.daysAgo(20), "late", file: "x/2026.md", line: 30, text: "Short  note\nwith lines"),
        ]
        let timeline = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
        let reason = try #require(Policy.standard.assess(timeline).reasons.first)
        #expect(reason.entries.map(\.reference) == ["x/2026.md:12", "x/2026.md:30"])
        #expect(reason.entries.map(\.date) == [Make.daysAgo(40), Make.daysAgo(20)])
        #expect(reason.entries[0].quote.count <= CitedEntry.quoteLimit)
        #expect(reason.entries[0].quote.hasSuffix("…"))
        #expect(reason.entries[0].quote.hasPrefix("The client phoned again"))
        #expect(reason.entries[1].quote == "Short note with lines")
        #expect(reason.principle == Policy.standard.rule("late")?.principle)
    }

    @Test("a disabled rule produces no reason and adds nothing to the score")
    func disabledRule() throws {
        let policy = try PolicyConfigTests.policy("policy:\n  lie: { enabled: false }\n")
        let assessment = Make.assess([Make.ago(3, "lie")], policy: policy)
        #expect(assessment.verdict == .keep)
        #expect(assessment.score == 0)
    }

    // MARK: score

    @Test("more incidents give a higher score")
    func scoreGrowsWithCount() {
        let scores = (0...6).map { Make.assess(Make.series("unreasonable", count: $0)).score }
        #expect(scores == scores.sorted())
        #expect(Set(scores).count == scores.count)
    }

    @Test("recent incidents weigh more than old ones")
    func scoreDecays() {
        let recent = Make.assess([Make.ago(5, "lie")]).score
        let older = Make.assess([Make.ago(200, "lie")]).score
        let oldest = Make.assess([Make.ago(2000, "lie")]).score
        #expect(recent > older)
        #expect(older > oldest)
        #expect(oldest >= Policy.scoreBand(.fire).lowerBound)
        let watchRecent = Make.assess([Make.ago(5, "late"), Make.ago(6, "late")]).score
        let watchOld = Make.assess([Make.ago(300, "late"), Make.ago(301, "late")]).score
        #expect(watchRecent > watchOld)
    }

    @Test("the score stays within its verdict's band: fire outranks watch outranks keep")
    func scoreBands() {
        let fire = Make.assess([Make.ago(3000, "legal")]).score
        let watch = Make.assess(Make.series("changed-mind", count: 3) + Make.series("late", count: 2)).score
        let keep = Make.assess([Make.ago(3, "changed-mind")]).score
        #expect(Policy.scoreBand(.fire).contains(fire))
        #expect(Policy.scoreBand(.watch).contains(watch))
        #expect(Policy.scoreBand(.keep).contains(keep))
        #expect(keep > 0)
        let many = Make.assess((0..<60).map { Make.ago($0, "lie") }).score
        #expect(many <= 100)
    }

    // MARK: output shape

    @Test("an assessment encodes the documented keys and round-trips through JSON")
    func codable() throws {
        let assessment = Make.assess([Make.ago(3, "late"), Make.ago(4, "late"), Make.ago(5, "dispute")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(assessment)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["verdict"] as? String == "fire")
        #expect(object["asOf"] as? String == "2026-11-29")
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(Set(["rule", "tag", "outcome", "entries", "nextThreshold", "owed"]).isSubset(of: reasons[1].keys))
        let entry = try #require((reasons[0]["entries"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["file", "line", "date", "quote", "tags"])
        #expect(try JSONDecoder().decode(Assessment.self, from: data) == assessment)
        #expect(assessment.policyDigest == Policy.standard.digest)
    }
}
