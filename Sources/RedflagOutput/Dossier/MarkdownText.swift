import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Escaping of user text placed in generated Markdown.
enum MarkdownText {
    /// `text` on one line, with the characters that could start markup, HTML or break a table cell
    /// (`\ ` `` ` `` `* < > [ ] |`) backslash-escaped. Newlines become ` / `.
    static func inline(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " / ")
        var out = ""
        for character in oneLine {
            if "\\`*<>[]|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
