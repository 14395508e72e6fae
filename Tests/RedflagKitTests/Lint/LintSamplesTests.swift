import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// `redflag lint journal-samples --as-of 2026-11-29` against journal-samples/.expected-verdicts.md.
@Suite("Lint on journal-samples")
struct LintSamplesTests {
    static let result = Linter().lint(NotesDirectory.load(root: TestPaths.samples.path), asOf: LintHarness.asOf)

    /// The planted untagged incidents: first line of the entry → expected tag.
    static let planted = [
        "duarte-imoveis.md:70": "late",
        "petrakis.md:55": "unreasonable",
        "weber.md:71": "changed-mind",
        "kessler-bau.md:80": "abuse",
        "helix/2026/2026-06.md:15": "ignored-advice",
        "romashka/2026.md:35": "late",
        "romashka/2026.md:39": "dispute",
    ]
    /// Entries whose only sign tag is misspelt: a finding here is also correct.
    static let alsoCorrect = ["brightwave/2026-05.md:23": "lie", "helix/2026/autumn.md:10": "changed-mind"]
    /// Near-misses that must never be reported (line of the entry or of the phrase).
    static let nearMisses = [
        "nordlicht/2024.md:8", "albers.md:24", "café-olé.md:36", "albers.md:53", "nordlicht/2025-11.md:3",
        "café-olé.md:45", "café-olé.md:52", "romashka/2025.md:14", "romashka/2025.md:20", "weber.md:67",
    ]

    static var untagged: [String: String] {
        Dictionary(
            Self.result.findings.filter { $0.rule == UntaggedIncidentRule.id }.map {
                ("\($0.file):\($0.line)", $0.suggestion?.tag ?? "")
            }, uniquingKeysWith: { first, _ in first })
    }

    @Test("no near-miss is reported as an untagged incident")
    func nearMissesStayQuiet() {
        let flagged = Self.result.findings.filter { $0.rule == UntaggedIncidentRule.id }
        for nearMiss in Self.nearMisses {
            let parts = nearMiss.split(separator: ":")
            let file = String(parts[0])
            let line = Int(parts[1]) ?? 0
            let hit = flagged.first { finding in
                finding.file == file && (finding.entryLines ?? finding.line...finding.line).contains(line)
            }
            #expect(hit == nil, "\(nearMiss): \(hit?.message ?? "")")
        }
    }

    @Test("most planted incidents are found, each with the expected tag")
    func plantedFound() {
        let found = Self.untagged
        let right = Self.planted.filter { found[$0.key] == $0.value }
        #expect(right.count >= 6, "found: \(right.keys.sorted()); all: \(found)")
        for (place, tag) in found where Self.planted[place] != nil {
            #expect(tag == Self.planted[place], "\(place)")
        }
    }

    @Test("exactly the planted incidents (or the misspelt ones' sign) and nothing spurious")
    func exactlyThePlanted() {
        let found = Self.untagged
        let spurious = found.filter { Self.planted[$0.key] == nil && Self.alsoCorrect[$0.key] != $0.value }
        // Known false flag of the issue-11 model (docs/detector.md, "remaining errors"): a colour change
        // asked and quoted ("wants brand blue … instead of the brown. Quoted €300, ok.") reads like
        // #changed-mind. Recorded as a known issue so that it is seen, and any other spurious finding fails.
        let known = spurious.filter { $0.key == "weber.md:43" }
        if !known.isEmpty { withKnownIssue { Issue.record("weber.md:43 flagged as #changed-mind") } }
        let other = spurious.filter { $0.key != "weber.md:43" }
        #expect(other.isEmpty, "spurious: \(other.sorted { $0.key < $1.key })")
        let missed = Set(Self.planted.keys).subtracting(found.keys)
        #expect(missed.isEmpty, "missed: \(missed.sorted())")
    }

    @Test("unknown tags: #lei and #changedmind, with the right suggestion; no other rule fires")
    func otherRules() {
        let others = Self.result.findings.filter { $0.rule != UntaggedIncidentRule.id }
        #expect(
            others.map { "\($0.rule) \($0.file):\($0.line):\($0.column)" } == [
                "unknown-tag brightwave/2026-05.md:24:21", "unknown-tag helix/2026/autumn.md:10:79",
            ])
        #expect(others.first?.message.contains("did you mean #lie?") == true)
        #expect(others.last?.message.contains("did you mean #changed-mind?") == true)
    }
}
