import RedflagCore
import RedflagJournal

/// `front-matter`: the YAML front matter of a notes file is invalid, not closed, not a mapping, or
/// has a value redflag cannot use (`billing: hourlly`, `status: paused`, `since: soon`).
///
/// The journal parser finds these (with the real line of the file) as diagnostics; this rule turns
/// the ones about front matter into findings, keeping the parser's severity (invalid YAML is an
/// error, a bad value a warning) unless redflag.yml sets one.
public struct FrontMatterRule: LintRule {
    public static let id = "front-matter"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Front matter problem",
            rationale: """
                Front matter sets the client's name, aliases and billing; the changed-mind rule depends \
                on billing. A value redflag cannot read is ignored, so the policy may judge with the \
                wrong settings.
                """,
            severity: .warning,
            triggering: [
                RuleExample("---\nclient: Acme\nbilling: ↓hourlly\n---\n\n- 2026-03-05: Kick-off.\n"),
                RuleExample("---\nclient: Acme\nstatus: ↓paused\n---\n"),
                RuleExample("---\nclient: Acme\nsince: ↓last spring\n---\n"),
            ],
            nonTriggering: [
                RuleExample("---\nclient: Acme\nbilling: hourly\nstatus: active\nsince: 2024-03-01\n---\n"),
                RuleExample("---\nclient: Acme\ninvoice-prefix: AC-\n---\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.files.flatMap { file in
            file.diagnostics.filter { $0.topic == .frontMatter }.map { diagnostic in
                var result = finding(
                    file.path, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1, diagnostic.message,
                    hint: diagnostic.hint)
                result.severity = diagnostic.severity
                return result
            }
        }
    }

}
