import RedflagCore
import RedflagJournal

/// `ineffective-closing`: a closing (`#resolved`, `#forgiven`) that closes nothing because it names
/// no sign, names an unknown one (with a "did you mean": `#resolved/lei` → `lie`), or is undated.
///
/// The closing syntax is parsed by `ClosingTag`, the parser the policy uses, so lint and the
/// dossier agree on what a closing names.
public struct IneffectiveClosingRule: LintRule {
    public static let id = "ineffective-closing"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Closing that closes nothing",
            rationale: """
                `#resolved` and `#forgiven` turn earlier incidents of one sign into history, so the \
                closing must name that sign (`#resolved/lie`, or `#resolved lie: why`) and be dated \
                (it closes incidents up to its date). Without either, or with a misspelt sign, it \
                closes nothing and the verdict stays as it was; the dossier lists it as not applied.
                """,
            severity: .warning,
            triggering: [
                RuleExample("- 2026-05-12: Talked it through with Hanna, all good now. ↓#resolved\n"),
                RuleExample("- 2026-05-12: The CTO who lied to us has left. ↓#resolved/lei\n"),
                RuleExample("- 2026-05-12: ↓#forgiven laet: paid in full, with interest.\n"),
                RuleExample("# Acme\n\nThe CTO who lied to us has left. ↓#resolved/lie\n"),
            ],
            nonTriggering: [
                RuleExample("- 2026-05-12: The CTO who lied to us has left. #resolved/lie\n"),
                RuleExample("- 2026-05-12: #forgiven late: paid in full, with interest.\n"),
                RuleExample("## 2026-05-12\n\nThe liar left the company. #resolved/liar\n"),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for file in context.files {
            var seen = Set<[Int]>()
            for entry in file.entries {
                for tag in entry.tags where seen.insert([tag.line, tag.column]).inserted {
                    guard let closing = ClosingTag(tag, in: entry.text),
                        let problem = Self.problem(closing, dated: entry.date != nil)
                    else { continue }
                    findings.append(
                        finding(
                            file.path, line: tag.line, column: tag.column, problem.message, hint: problem.hint))
                }
            }
        }
        return findings
    }

    /// Why `closing` closes nothing and what to write instead; nil when it names a sign and is dated.
    static func problem(_ closing: ClosingTag, dated: Bool) -> (message: String, hint: String)? {
        let tag = "#" + closing.kind.tag
        guard let written = closing.written else {
            return (
                "\(tag) names no sign, so it closes nothing",
                "name the sign it closes: \(tag)/lie, or \(tag) lie: why"
            )
        }
        guard closing.sign != nil else {
            let meant = ClosingTag.suggestion(for: written)
            return (
                "\(tag) closes no sign: '\(written)' is no incident sign"
                    + (meant.map { " (did you mean \(tag)/\($0)?)" } ?? ""),
                meant != nil
                    ? "fix the spelling; a closing with an unknown sign closes nothing"
                    : "name one of the incident signs: " + Vocabulary.signs.joined(separator: ", ")
            )
        }
        guard dated else {
            return (
                "\(closing.phrase) is undated, so it closes nothing",
                "date the entry (a '## YYYY-MM-DD' heading or a '- YYYY-MM-DD: ' prefix): it closes incidents up to that day"
            )
        }
        return nil
    }
}
