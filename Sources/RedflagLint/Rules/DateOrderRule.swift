import RedflagCore
import RedflagJournal

/// `date-order`: a dated section or entry out of chronological order in its file.
///
/// A file may be oldest-first or newest-first: the order with fewer dates out of place is taken as
/// the file's order, and each date that breaks it is reported (ties count as oldest-first). Dates
/// after the as-of date are left to `future-date`.
public struct DateOrderRule: LintRule {
    public static let id = "date-order"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Dates out of order",
            rationale: """
                A section out of order is easy to misread and often hides a wrong date (2025 for 2026). \
                Order does not change the verdict; this is a note.
                """,
            severity: .note,
            triggering: [
                RuleExample(
                    "## 2026-01-05\n\nA.\n\n## 2026-02-01\n\nB.\n\n## ↓2025-12-01\n\nC.\n\n## 2026-03-01\n\nD.\n"),
                RuleExample("- 2026-05-01: A.\n- 2026-04-01: B.\n- ↓2026-06-01: C.\n- 2026-03-01: D.\n"),
                RuleExample(
                    "## 5 January 2026\n\nA.\n\n## 01.02.2026\n\nB.\n\n## ↓1 декабря 2025\n\nC.\n\n## March 1, 2026\n\nD.\n"
                ),
            ],
            nonTriggering: [
                RuleExample("## 2026-01-05\n\nA.\n\n## 2026-02-01\n\nB.\n\n## 2026-02-01\n\nC.\n"),
                RuleExample("## 2026-03-01\n\nNewest first.\n\n## 2026-02-01\n\nB.\n\n## 2025-12-01\n\nC.\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file -> [LintFinding] in
            let mentions = DateMention.all(in: file).filter { $0.date <= context.asOf }
            let ascending = outOfPlace(mentions, ascending: true)
            let descending = outOfPlace(mentions, ascending: false)
            let useAscending = ascending.count <= descending.count
            let order = useAscending ? "oldest-first" : "newest-first"
            return (useAscending ? ascending : descending).map { mention, previous in
                finding(
                    file.path, line: mention.line, column: mention.column,
                    "\(mention.date) is out of order: it follows \(previous) in a file that is otherwise \(order)",
                    hint: "move the section to its place, or check the date")
            }
        }
    }

    /// The mentions out of place for the order, each with the date it should not follow.
    private func outOfPlace(_ mentions: [DateMention], ascending: Bool) -> [(DateMention, CalendarDate)] {
        var extreme: CalendarDate?
        var result: [(DateMention, CalendarDate)] = []
        for mention in mentions {
            if let bound = extreme, ascending ? mention.date < bound : mention.date > bound {
                result.append((mention, bound))
                continue
            }
            extreme = mention.date
        }
        return result
    }
}
