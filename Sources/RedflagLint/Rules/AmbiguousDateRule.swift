import RedflagCore
import RedflagDetector
import RedflagJournal

/// `ambiguous-date`: a slashed date such as `03/05/2025` whose order of day and month
/// `redflag.yml` does not give (`dates: dmy` or `dates: mdy`); its entries are read as undated.
///
/// The journal parser reports these as diagnostics with the topic `.ambiguousDate`; this rule
/// turns them into findings.
public struct AmbiguousDateRule: LintRule {
    public static let id = "ambiguous-date"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Ambiguous date",
            rationale: """
                03/05/2025 is 3 May in most of the world and March 5 in the US. redflag does not \
                guess: say which in redflag.yml (dates: dmy or dates: mdy), or write YYYY-MM-DD.
                """,
            severity: .warning,
            triggering: [
                RuleExample("## ↓03/05/2025\n\nPaid three weeks late. #late\n"),
                RuleExample("- ↓12/11/2025: Wants the logo blue again. #changed-mind\n"),
            ],
            nonTriggering: [
                RuleExample("## 2025/03/05\n\nPaid three weeks late. #late\n"),
                RuleExample(files: [
                    ("redflag.yml", "dates: dmy\n"),
                    ("acme.md", "## 03/05/2025\n\nPaid three weeks late. #late\n"),
                ]),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file in
            file.diagnostics.filter { $0.topic == .ambiguousDate }.map { diagnostic in
                finding(
                    file.path, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1, diagnostic.message,
                    hint: diagnostic.hint)
            }
        }
    }
}
