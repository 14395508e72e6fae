import Foundation
import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// `--fix` guarantees on generated journals: every old byte kept in order, line endings and BOM
/// kept, and a second run changes nothing.
@Suite("Lint fix properties")
struct LintFixPropertyTests {
    static let texts = [
        "Invoice 2211 still not paid, 45 days overdue.",
        "They ignored my advice on the backups, now they want me to fix it asap.",
        "Dieter screamed at the foreman on the phone and called him a useless idiot.",
        "Счёт №61 так и не оплачен, уже месяц после срока.",
        "Снова хочет скидку: требует пересчитать поддержку, хотя это фикс.",
        "Stefan wants the v1 label layout back, after he signed off v2.",
        "Kick-off call, notes sent.",
        "Paid early, no late fees. #paid",
        "Great feedback on the menu. #praise",
        "I was late to the call, she didn't mind.",
        "Paid 30 days late again. #late",
        "Photos uploaded, 2 rounds of edits.",
    ]

    /// One entry: (text index, layout index, day offset).
    static func block(_ spec: (Int, Int, Int)) -> String {
        let date =
            CalendarDate(year: 2026, month: 1, day: 1).map { $0.adding(days: spec.2).description } ?? "2026-01-01"
        let text = texts[spec.0 % texts.count]
        switch spec.1 % 8 {
        case 6: return "## \(date) \(text.replacingOccurrences(of: "#", with: "\\#"))"
        case 7: return "## \(date)\n\n> \(text)\n> Quoted second line."
        case 0: return "- \(date): \(text)"
        case 1: return "## \(date)\n\n\(text)"
        case 2: return "- \(date): \(text)\n  - detail one\n  - detail two"
        case 3: return "- \(date): \(text)  "
        case 4: return "\(date) — \(text)\nSecond line of the note."
        default: return "## \(date)\n\n> \(text)"
        }
    }

    static func bytes(_ specs: [(Int, Int, Int)], crlf: Bool, bom: Bool) -> [UInt8] {
        var text = "---\nclient: Acme\n---\n\n# Acme\n\n" + specs.map(block).joined(separator: "\n\n") + "\n"
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return (bom ? LintFixTests.bom : []) + Array(text.utf8)
    }

    static func isSubsequence(_ small: [UInt8], of large: [UInt8]) -> Bool {
        var index = 0
        for byte in large where index < small.count && small[index] == byte { index += 1 }
        return index == small.count
    }

    static func lineEndings(_ bytes: [UInt8]) -> (crlf: Int, lf: Int) {
        var crlf = 0
        var lf = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > 0, bytes[index - 1] == 0x0D { crlf += 1 } else { lf += 1 }
        }
        return (crlf, lf)
    }

    @Test("old bytes kept in order, endings and BOM kept, entries unchanged but for tags, second run changes nothing")
    func guarantees() async {
        let fixes = Counter()
        let entries = zip(Gen.int(in: 0...11), Gen.int(in: 0...7), Gen.int(in: 0...300)).array(of: 1...8)
        await propertyCheck(count: 100, input: entries, Gen.int(in: 0...3)) { specs, flags in
            let original = Self.bytes(specs, crlf: flags & 1 == 1, bom: flags & 2 == 2)
            guard let first = try? LintFixTests.fix(original, threshold: 0.5) else {
                Issue.record("lint failed")
                return
            }
            let fixed = first.plan.result
            fixes.add(first.plan.insertions.count)
            #expect(Self.isSubsequence(original, of: fixed))
            #expect(Self.lineEndings(fixed) == Self.lineEndings(original))
            #expect(Array(fixed.prefix(3)) == Array(original.prefix(3)) || original.count < 3)
            #expect(fixed.starts(with: LintFixTests.bom) == original.starts(with: LintFixTests.bom))
            // Only " #tag" text was added.
            let added = fixed.count - original.count
            #expect(added == first.plan.insertions.reduce(0) { $0 + $1.text.utf8.count })
            // The journal reads the same, but for the added tags.
            let parser = JournalParser()
            let before = parser.parse(path: "acme.md", client: "acme", bytes: original).entries
            let after = parser.parse(path: "acme.md", client: "acme", bytes: fixed).entries
            #expect(before.map { [$0.line, $0.endLine] } == after.map { [$0.line, $0.endLine] })
            #expect(before.map(\.date) == after.map(\.date))
            #expect(zip(before, after).allSatisfy { Set($0.tagNames).isSubset(of: Set($1.tagNames)) })
            // As `lint --fix` does: lint again after each round (a tag just added teaches the user's
            // model too) until nothing changes; then another run must change nothing.
            var settled = fixed
            for _ in 0..<4 {
                guard let round = try? LintFixTests.fix(settled, threshold: 0.5), !round.plan.insertions.isEmpty
                else { break }
                settled = round.plan.result
            }
            guard let second = try? LintFixTests.fix(settled, threshold: 0.5) else { return }
            #expect(second.plan.insertions.isEmpty, "second run: \(second.plan.insertions.map(\.text))")
            #expect(second.plan.result == settled)
        }
        #expect(fixes.value > 20, "the generated journals must exercise --fix")
    }

    /// Counts fixes across generated cases (the property closure is not isolated to the test).
    final class Counter: @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        var value: Int { lock.withLock { count } }
        func add(_ number: Int) { lock.withLock { count += number } }
    }
}
