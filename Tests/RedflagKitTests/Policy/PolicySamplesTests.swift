import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// The default policy on `journal-samples/` gives the verdicts of `journal-samples/.expected-verdicts.md`.
@Suite("Policy on journal-samples")
struct PolicySamplesTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("journal-samples").path

    static let expected: [String: Verdict] = [
        "albers": .keep, "cafe-ole": .keep, "nordlicht": .keep,
        "helix": .watch, "petrakis": .watch,
        "weber": .fire, "brightwave": .fire, "duarte-imoveis": .fire, "romashka": .fire, "kessler-bau": .fire,
    ]

    static func assessments() throws -> [String: Assessment] {
        let journal = NotesDirectory.load(root: samples)
        let policy = try Policy(configuration: journal.configuration)
        let timelines = Timeline.all(in: journal, asOf: Make.day("2026-11-29"))
        return Dictionary(uniqueKeysWithValues: timelines.map { ($0.client.id.rawValue, policy.assess($0)) })
    }

    @Test("every client's verdict matches the hand-checked table")
    func verdicts() throws {
        let assessments = try Self.assessments()
        #expect(assessments.mapValues(\.verdict) == Self.expected)
    }

    @Test("the reasons of the fired and watched clients name the expected rules and entries")
    func reasons() throws {
        let assessments = try Self.assessments()
        func outcomes(_ id: String) -> [String: Verdict] {
            Dictionary(uniqueKeysWithValues: (assessments[id]?.reasons ?? []).map { ($0.rule, $0.outcome) })
        }
        #expect(outcomes("weber") == ["competitor": .fire])
        #expect(assessments["weber"]?.noted.map(\.rule) == ["late"])
        #expect(outcomes("helix") == ["changed-mind": .watch])
        #expect(assessments["helix"]?.reasons.first?.count == 5)
        #expect(outcomes("petrakis") == ["abuse-verbal": .watch, "ignored-advice": .watch])
        #expect(outcomes("brightwave")["lie"] == .fire)
        #expect(outcomes("brightwave")["legal"] == .fire)
        #expect(outcomes("brightwave")["dispute"] == .fire)
        #expect(outcomes("duarte-imoveis") == ["late": .fire, "unreasonable": .watch])
        #expect(assessments["duarte-imoveis"]?.reasons.first?.entries.map(\.line) == [48, 57, 65])
        #expect(outcomes("romashka") == ["dispute": .fire, "lie": .fire, "abuse-verbal": .watch])
        #expect(assessments["romashka"]?.noted.map(\.rule) == ["late"])
        #expect(assessments["romashka"]?.reasons.first { $0.rule == "dispute" }?.owed == true)
        #expect(outcomes("kessler-bau") == ["abuse-verbal": .fire, "abuse-physical": .fire, "unreasonable": .watch])
        let verbal = assessments["kessler-bau"]?.reasons.first { $0.rule == "abuse-verbal" }
        #expect(verbal?.entries.map(\.line) == [37, 42, 53])
        // The tag on the dated heading at line 62 is one incident, cited at the heading, not once
        // per entry under it (64, 67).
        let physical = assessments["kessler-bau"]?.reasons.first { $0.rule == "abuse-physical" }
        #expect(physical?.entries.map(\.line) == [62, 71])
        #expect(physical?.count == 2)
        #expect(assessments.values.allSatisfy { !$0.billingAssumed })
        #expect(assessments.values.allSatisfy { !$0.softened })
    }
}

extension PolicySamplesTests {
    @Test("triage order: fire before watch before keep, by score within a verdict")
    func riskOrder() throws {
        let journal = NotesDirectory.load(root: Self.samples)
        let policy = try Policy(configuration: journal.configuration)
        let ranked = policy.assessAll(Timeline.all(in: journal, asOf: Make.day("2026-11-29")))
        #expect(ranked.map(\.verdict) == ranked.map(\.verdict).sorted(by: >))
        #expect(ranked.count == 10)
        for (first, second) in zip(ranked, ranked.dropFirst()) where first.verdict == second.verdict {
            #expect(first.score >= second.score)
        }
        #expect(
            Set(ranked.prefix(5).map(\.client)) == ["brightwave", "duarte-imoveis", "kessler-bau", "romashka", "weber"])
    }
}
