import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Properties of the default policy over random journals.
@Suite("Policy properties")
struct PolicyPropertyTests {
    static let anyTags = [
        "abuse/physical", "abuse/verbal", "abuse", "lie", "unreasonable", "late", "dispute", "changed-mind",
        "ignored-advice", "competitor", "legal", "warned", "paid", "referral", "praise",
    ]
    static let incidentTags = Array(anyTags.prefix(11))

    static func entries(_ specs: [(Int, Int)]) -> [Entry] {
        specs.map { Make.ago($0.0, anyTags[$0.1]) }
    }

    @Test("one more incident never lowers the verdict or the score")
    func moreIncidentsNeverHelp() async {
        let journal = zip(Gen.int(in: -20...800), Gen.int(in: 0...(Self.anyTags.count - 1))).array(of: 0...12)
        await propertyCheck(
            count: 300, input: journal, Gen.int(in: 0...800), Gen.int(in: 0...(Self.incidentTags.count - 1)),
            Gen.int(in: 0...2)
        ) { specs, age, tag, billingIndex in
            let billing = [Billing.fixed, .hourly, .retainer][billingIndex]
            let before = Make.assess(Self.entries(specs), billing: billing)
            let after = Make.assess(Self.entries(specs) + [Make.ago(age, Self.incidentTags[tag])], billing: billing)
            #expect(after.verdict >= before.verdict)
            #expect(after.score >= before.score)
            #expect(Policy.scoreBand(after.verdict).contains(after.score))
        }
    }

    @Test("the verdict does not depend on the order the entries are given in")
    func orderIndependent() async {
        let journal = zip(Gen.int(in: -20...800), Gen.int(in: 0...(Self.anyTags.count - 1))).array(of: 0...12)
        await propertyCheck(count: 200, input: journal) { specs in
            let entries = Make.numbered(Self.entries(specs))
            let forward = Timeline(client: Make.client(), entries: entries, asOf: Make.asOf)
            let backward = Timeline(client: Make.client(), entries: entries.reversed(), asOf: Make.asOf)
            #expect(backward == forward)
            #expect(Policy.standard.assess(backward) == Policy.standard.assess(forward))
        }
    }
}
