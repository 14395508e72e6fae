import RedflagCore
import RedflagJournal

/// `unused-suppression`: a suppression that hides no finding (the problem was fixed, or the comment
/// is on the wrong line), or that names a rule that does not exist.
///
/// It needs every other rule's findings, so the `Linter` computes it after applying suppressions;
/// `check` finds nothing on its own.
public struct UnusedSuppressionRule: LintRule {
    public static let id = "unused-suppression"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Unused suppression",
            rationale: """
                A suppression that hides nothing is noise today and hides a real finding tomorrow; one \
                that names an unknown rule is a typo that suppresses nothing.
                """,
            severity: .warning,
            triggering: [
                RuleExample(
                    "↓<!-- redflag-disable-next-line unknown-tag -- old import -->\n- 2026-03-05: Paid. #paid\n"),
                RuleExample(
                    "↓<!-- redflag-disable-next-line unknwn-tag -- campaign hashtag -->\n"
                        + "- 2026-03-05: Campaign live. #blackfriday\n"),
            ],
            nonTriggering: [
                RuleExample(
                    "<!-- redflag-disable unknown-tag -- campaign hashtags -->\n- 2026-03-05: Live. #blackfriday\n"
                        + "<!-- redflag-enable unknown-tag -->\n")
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] { [] }
}
