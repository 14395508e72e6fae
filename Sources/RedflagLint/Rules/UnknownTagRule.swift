import RedflagCore
import RedflagJournal

/// `unknown-tag`: a tag neither the built-in vocabulary nor `redflag.yml` knows, with a "did you
/// mean" from edit distance over canonical names and aliases (`#lei` → `#lie`).
public struct UnknownTagRule: LintRule {
    public static let id = "unknown-tag"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Unknown tag",
            rationale: """
                A misspelt tag counts for nothing: `#lei` is not a lie to the policy. Fix the spelling, or \
                declare your own tags under `vocabulary.tags` in redflag.yml.
                """,
            severity: .warning,
            triggering: [
                RuleExample("- 2026-05-12: Said the files were sent; they were not. ↓#lei\n"),
                RuleExample("- 2026-05-12: Paid 20 days after the due date ↓#latte\n"),
                RuleExample("## 2026-09-01\n\nWants the old layout back. ↓#changedmind\n"),
            ],
            nonTriggering: [
                RuleExample("- 2026-05-12: Said the files were sent; they were not. #lie\n"),
                RuleExample("- 2026-05-12: Paid 20 days late. #overdue\n"),
                RuleExample("- 2026-05-12: Issue #12 fixed, colour #0A3D62 kept, `#late` in code.\n"),
                RuleExample(files: [
                    ("redflag.yml", "vocabulary:\n  tags: [wordpress]\n"),
                    ("acme.md", "- 2026-05-12: Theme update. #wordpress\n"),
                ]),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        let vocabulary = context.vocabulary
        var findings: [LintFinding] = []
        for file in context.files {
            var seen = Set<[Int]>()
            for tag in file.entries.flatMap(\.tags) where !tag.isKnown && seen.insert([tag.line, tag.column]).inserted {
                let suggestion = Self.suggestion(for: tag.raw, in: vocabulary)
                let meant = suggestion.map { " (did you mean #\($0)?)" }
                findings.append(
                    finding(
                        file.path, line: tag.line, column: tag.column, "unknown tag #\(tag.raw)\(meant ?? "")",
                        hint: suggestion != nil
                            ? "fix the spelling; a misspelt tag is not counted"
                            : "declare it under vocabulary.tags in redflag.yml, or use a known tag"))
            }
        }
        return findings
    }

    /// The known tag closest in spelling to the unknown tag `raw` (`lei` → `lie`, `tag/subtype` for
    /// an alias with a subtype), nil when none is close: the "did you mean" of this rule, also used
    /// by `redflag log` before it writes.
    public static func suggestion(for raw: String, in vocabulary: Vocabulary) -> String? {
        let candidates = Array(vocabulary.terms.keys) + Array(vocabulary.aliases.keys)
        return Spelling.closest(to: raw, in: candidates).map { vocabulary.resolve($0) }.map { resolved in
            resolved.subtype.map { "\(resolved.name)/\($0)" } ?? resolved.name
        }
    }
}
