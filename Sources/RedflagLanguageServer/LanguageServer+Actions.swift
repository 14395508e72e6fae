import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagKit
import RedflagLint

extension LanguageServer {
    /// The placeholder reason of a suppression added by a code action: the user replaces it.
    static let reasonPlaceholder = "REASON: say why this is fine"

    /// Quick fixes for the findings on the requested lines: "Add #tag" for an untagged incident
    /// (the same insertion as `lint --fix`, `FixPlanner`), and "Suppress with a reason" for any.
    func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let document = documents[uri], let range = params["range"] as? [String: Any],
            let start = TextDocument.Position(json: range["start"]), let end = TextDocument.Position(json: range["end"])
        else { return [] }
        let lines = (start.line + 1)...max(start.line + 1, end.line + 1)
        let relevant = (findings[uri] ?? []).filter { $0.range.lines.overlaps(lines) }
        guard !relevant.isEmpty else { return [] }
        var actions: [[String: Any]] = []
        let contextResult = context(uri)
        for finding in relevant {
            let diagnostic = Self.diagnostic(finding, in: document)
            if let tag = finding.suggestion?.tag, case .success(let context) = contextResult,
                let edit = addTagEdit(finding, tag: tag, context: context, document: document)
            {
                actions.append([
                    "title": "Add #\(tag)", "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": true,
                    "edit": ["changes": [uri: [edit]]],
                ])
            }
            actions.append([
                "title": "Suppress \(finding.rule) here, with a reason", "kind": "quickfix",
                "diagnostics": [diagnostic],
                "edit": ["changes": [uri: [suppressEdit(finding, document: document)]]],
            ])
        }
        return actions
    }

    /// The insertion of ` #tag` where `lint --fix` would put it, as a text edit.
    func addTagEdit(_ finding: LintFinding, tag: String, context: Context, document: TextDocument) -> [String: Any]? {
        var parser = JournalParser(configuration: context.journal.configuration)
        parser.pageReferencesAreTags = context.journal.layout.tool == .logseq
        let bytes = (context.file.hasBOM ? [0xEF, 0xBB, 0xBF] : []) + Array(context.file.source.text.utf8)
        var single = finding
        single.suggestion?.confidence = 1
        let plan = FixPlanner.plan(file: context.file, bytes: bytes, findings: [single], threshold: 0, parser: parser)
        guard let insertion = plan.insertions.first else { return nil }
        let offset = insertion.offset - (context.file.hasBOM ? 3 : 0)
        let (line, column) = context.file.source.location(ofByte: offset)
        let position = document.position(line: line, column: column).json
        return ["range": ["start": position, "end": position], "newText": insertion.text]
    }

    /// A `redflag-disable-next-line` comment above the finding's line, indented like it.
    func suppressEdit(_ finding: LintFinding, document: TextDocument) -> [String: Any] {
        let lines = document.lines
        let content = finding.line >= 1 && finding.line <= lines.count ? lines[finding.line - 1] : ""
        let indent = String(content.prefix { $0 == " " || $0 == "\t" })
        let newline = document.text.contains("\r\n") ? "\r\n" : "\n"
        let position = TextDocument.Position(line: max(0, finding.line - 1), character: 0).json
        let comment =
            "\(indent)<!-- redflag-disable-next-line \(finding.rule) -- \(Self.reasonPlaceholder) -->\(newline)"
        return ["range": ["start": position, "end": position], "newText": comment]
    }

    /// Hover on a tag: what the sign means and the client's verdict as of today.
    func hover(_ params: [String: Any]) -> [String: Any]? {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let document = documents[uri], let position = TextDocument.Position(json: params["position"]),
            case .success(let context) = context(uri)
        else { return nil }
        let (line, column) = document.location(position)
        let tags = context.file.entries.flatMap(\.tags)
        guard
            let tag = tags.first(where: {
                $0.line == line && column >= $0.column && column < $0.range.endColumn
            })
        else { return nil }
        var text = "**#\(tag.qualifiedName)**"
        if tag.raw.lowercased() != tag.qualifiedName { text += " (written #\(tag.raw))" }
        let vocabulary = context.journal.configuration.vocabulary
        if let sign = Sign(rawValue: tag.name) {
            let kind =
                switch sign.kind {
                case .hard: "obvious red flag: one can be enough"
                case .pattern: "pattern: counts when it repeats"
                case .context: "context"
                }
            text += ": \(sign.summary) (\(kind))"
            if let rule = context.workspace.policy.rules.first(where: { $0.matches(tag) }) {
                text += "\n\n*\(rule.principle)*"
            }
        } else if let term = vocabulary.terms[tag.name] {
            text += ": your own tag" + (term.summary.isEmpty ? "" : " (\(term.summary))")
        } else {
            text += ": not a known tag"
        }
        let asOf = today()
        let clientID = context.file.entries.first { $0.tags.contains(tag) }?.client ?? context.file.client
        if let client = context.journal.clients.first(where: { $0.id == clientID }) {
            let timeline = Timeline(
                client: client, entries: context.journal.entries.filter { $0.client == client.id }, asOf: asOf)
            let assessment = context.workspace.policy.assess(timeline)
            text += "\n\n\(client.name): **\(assessment.verdict.rawValue.uppercased())** "
            text += "(score \(assessment.score)/100) as of \(asOf)"
            text += "\n\n" + assessment.summary
        }
        let start = document.position(line: tag.line, column: tag.column)
        let end = document.position(line: tag.line, column: tag.range.endColumn)
        return [
            "contents": ["kind": "markdown", "value": text],
            "range": ["start": start.json, "end": end.json],
        ]
    }
}
