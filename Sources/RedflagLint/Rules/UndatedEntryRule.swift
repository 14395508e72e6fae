import RedflagCore
import RedflagJournal

/// `undated-entry`: an entry with a sign tag but no date.
///
/// Only tagged incidents are reported: an undated introduction ("Bakery chain, three shops") is
/// normal, but an undated `#late` cannot be placed in a policy window and is never counted. Entries
/// undated because their date is invalid are left to `invalid-date`.
public struct UndatedEntryRule: LintRule {
    public static let id = "undated-entry"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Undated incident",
            rationale: """
                The policy counts incidents within a window of days ("3 late payments within 365 days"); \
                an incident without a date cannot be counted. Put it under a dated heading or start it \
                with a date.
                """,
            severity: .warning,
            triggering: [
                RuleExample("# Acme\n\n↓Paid the March invoice two months late. #late\n"),
                RuleExample("## Notes\n\n↓- Yelled at the intern during the review. #abuse\n"),
            ],
            nonTriggering: [
                RuleExample("# Acme\n\nBakery chain, three shops, pays by bank transfer.\n"),
                RuleExample("## 2026-03-05\n\nPaid the March invoice two months late. #late\n"),
                RuleExample("- 2026-03-05: Paid the March invoice two months late. #late\n"),
                RuleExample("# Acme\n\nAlways friendly on the phone. #praise\n"),
                RuleExample("## 2024-02-30\n\nPaid three weeks late. #late\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for file in context.files {
            // Lines whose date is invalid: their entries are invalid-date findings already.
            let invalid = Set(
                file.diagnostics.filter { $0.topic == .invalidDate }.compactMap(\.line))
            for entry in file.entries where entry.date == nil {
                guard let sign = entry.tags.first(where: context.isSign) else { continue }
                let heading = file.headings.last { $0.line <= entry.line }
                if invalid.contains(entry.line) || heading.map({ invalid.contains($0.line) }) == true { continue }
                findings.append(
                    finding(
                        file.path, line: entry.line, column: entry.column,
                        "incident tagged #\(sign.name) has no date, so the policy cannot count it",
                        hint: "put it under a dated heading (## 2026-03-05) or start it with its date"))
            }
        }
        return findings
    }
}
