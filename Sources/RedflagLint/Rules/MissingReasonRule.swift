import RedflagCore
import RedflagJournal

/// `missing-reason`: a suppression without a reason after ` -- `.
public struct MissingReasonRule: LintRule {
    public static let id = "missing-reason"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Suppression without a reason",
            rationale: """
                A suppression hides evidence from the linter; the reason tells your future self why \
                that was right ("quoting the contract", "the client's campaign hashtag").
                """,
            severity: .warning,
            triggering: [
                RuleExample(
                    "↓<!-- redflag-disable-next-line unknown-tag -->\n- 2026-03-05: Campaign live. #blackfriday\n"),
                RuleExample("---\nclient: Acme\n↓redflag-disable: [date-order]\n---\n"),
            ],
            nonTriggering: [
                RuleExample(
                    "<!-- redflag-disable-next-line unknown-tag -- the client's campaign hashtag -->\n"
                        + "- 2026-03-05: Campaign live. #blackfriday\n"),
                RuleExample(
                    "---\nclient: Acme\nredflag-disable: [date-order]\nredflag-disable-reason: imported from the CRM\n---\n"
                ),
                RuleExample("---\nclient: Acme\nredflag-disable: {date-order: imported from the CRM}\n---\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file in
            Suppression.all(in: file).filter { $0.reason == nil }.map { suppression in
                let example =
                    suppression.kind == .file
                    ? "add 'redflag-disable-reason: why' to the front matter"
                    : "write the reason after ' -- ': <!-- \(suppression.kind.rawValue) "
                        + "\(suppression.rules.joined(separator: ", ")) -- why -->"
                return finding(
                    file.path, line: suppression.line, column: suppression.column, "suppression without a reason",
                    hint: example.replacingOccurrences(of: "  --", with: " --"))
            }
        }
    }
}
