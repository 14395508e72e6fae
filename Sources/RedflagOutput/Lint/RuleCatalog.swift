import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// `redflag lint --list-rules`: every rule with its id, default severity, rationale and examples, as
/// plain text or as the Markdown of docs/lint.md's rule section.
public enum RuleCatalog {
    /// Plain text: one block per rule.
    public static func text(_ rules: [RuleDescription]) -> String {
        rules.map { rule in
            var out = "\(rule.id) (\(rule.severity.rawValue)): \(rule.name)\n"
            out += wrap(rule.rationale, indent: "  ") + "\n"
            for (title, examples) in [("triggers", rule.triggering), ("does not trigger", rule.nonTriggering)] {
                for example in examples {
                    out += "  \(title):\n"
                    for file in example.files {
                        if example.files.count > 1 { out += "    [\(file.path)]\n" }
                        for line in file.markdown.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                            file.markdown.hasSuffix("\n") ? 1 : 0)
                        {
                            out += "    \(line)\n"
                        }
                    }
                }
            }
            return out
        }.joined(separator: "\n")
    }

    /// Markdown: a `###` section per rule, examples in fenced blocks (`↓` marks each finding).
    public static func markdown(_ rules: [RuleDescription]) -> String {
        var out = "| Rule | Default | What it finds |\n|---|---|---|\n"
        for rule in rules { out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | \(rule.name) |\n" }
        for rule in rules {
            out += "\n### \(rule.id)\n\n**\(rule.name)** — default severity: \(rule.severity.rawValue).\n\n"
            out += rule.rationale + "\n"
            for (title, examples) in [("Triggers", rule.triggering), ("Does not trigger", rule.nonTriggering)]
            where !examples.isEmpty {
                out += "\n\(title):\n"
                for example in examples {
                    for file in example.files {
                        let fence = file.markdown.contains("```") ? "~~~~" : "```"
                        let language = file.path.hasSuffix(".yml") ? "yaml" : "markdown"
                        let label = example.files.count > 1 ? "`\(file.path)`:\n\n" : ""
                        let body = file.markdown.hasSuffix("\n") ? file.markdown : file.markdown + "\n"
                        out += "\n\(label)\(fence)\(language)\n\(body)\(fence)\n"
                    }
                }
            }
        }
        return out
    }

    private static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == indent ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension RuleCatalog {
    struct RuleJSON: Encodable, Sendable {
        var id: String
        var name: String
        var severity: Severity
        var rationale: String
    }

    struct Document: Encodable, Sendable {
        var schema: Int
        var rules: [RuleJSON]
    }

    /// JSON: `{"schema": 1, "rules": [{"id", "name", "severity", "rationale"}]}`.
    public static func json(_ rules: [RuleDescription]) -> String {
        let document = Document(
            schema: JSONReporter.schema,
            rules: rules.map { RuleJSON(id: $0.id, name: $0.name, severity: $0.severity, rationale: $0.rationale) })
        return JSON.encode(document, pretty: true) + "\n"
    }
}
