import RedflagCore
import RedflagJournal

/// `invalid-date`: a heading or block starts with something shaped like a date that is not a day
/// of the calendar (`2024-02-30`, `2025-13-01`); its entries are read as undated.
///
/// The journal parser reports these as diagnostics with the topic `.invalidDate`; this rule turns
/// them into findings.
public struct InvalidDateRule: LintRule {
    public static let id = "invalid-date"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Invalid date",
            rationale: """
                A date that does not exist makes its entries undated: they drop out of every policy \
                window and every timeline. Usually a typo in the day or the month.
                """,
            severity: .error,
            triggering: [
                RuleExample("## ↓2024-02-30\n\nPaid three weeks late. #late\n"),
                RuleExample("- ↓2025-13-01: Wants the logo blue again. #changed-mind\n"),
            ],
            nonTriggering: [
                RuleExample("## 2024-02-29\n\nPaid three weeks late. #late\n"),
                RuleExample("- Invoice 2024-0230 sent.\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file in
            file.diagnostics.filter { $0.topic == .invalidDate }.map { diagnostic in
                finding(
                    file.path, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1,
                    diagnostic.message,
                    hint: diagnostic.hint ?? "write an existing day as YYYY-MM-DD")
            }
        }
    }
}
