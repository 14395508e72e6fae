import RedflagCore
import RedflagJournal

/// `future-date`: a date after the as-of date (`--as-of`, default today) — usually a typo in the
/// year, sometimes a plan written as if it had happened.
public struct FutureDateRule: LintRule {
    public static let id = "future-date"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Date in the future",
            rationale: """
                An incident dated after today is outside every policy window until that day comes, so it \
                is not counted now. Usually the year is wrong (2062 for 2026).
                """,
            severity: .warning,
            triggering: [
                RuleExample("## ↓2062-03-05\n\nPaid three weeks late. #late\n"),
                RuleExample("- ↓2026-12-24: Kick-off call. \n"),
            ],
            nonTriggering: [
                RuleExample("## 2026-11-29\n\nPaid three weeks late. #late\n"),
                RuleExample("- 2026-03-05: Said the next invoice (due 2027-01-15) will be paid early.\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file in
            DateMention.all(in: file).filter { $0.date > context.asOf }.map { mention in
                finding(
                    file.path, line: mention.line, column: mention.column,
                    "\(mention.date) is after the as-of date \(context.asOf); its entries are not counted yet",
                    hint: "check the year; use --as-of to lint as of another day")
            }
        }
    }
}
