import Foundation
import RedflagCore
import RedflagJournal

extension LabeledText {
    /// A line of a JSON Lines file that is not `{"text": "...", "lang": "en", "tags": ["late"]}`.
    package struct JSONLinesError: Error, Hashable, Sendable, CustomStringConvertible {
        /// 1-based line number.
        package var line: Int
        package var message: String

        package var description: String { "line \(line): \(message)" }
    }

    private struct Record: Decodable {
        var text: String
        var lang: String?
        var tags: [String]
        var kind: String?
    }

    /// Parses JSON Lines: one `{"text", "lang", "tags"}` object a line; blank lines are skipped.
    /// Tags are lowercased and lose a leading `#`. Throws on the first bad line, naming it.
    package static func parseJSONLines(_ text: String) throws(JSONLinesError) -> [LabeledText] {
        var result: [LabeledText] = []
        let decoder = JSONDecoder()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                let record = try decoder.decode(Record.self, from: Data(trimmed.utf8))
                let tags = record.tags.map { tag in
                    var name = tag.lowercased()
                    if name.hasPrefix("#") { name.removeFirst() }
                    return name
                }
                result.append(LabeledText(text: record.text, tags: Set(tags), language: record.lang, kind: record.kind))
            } catch {
                throw JSONLinesError(
                    line: offset + 1, message: "expected {\"text\": \"...\", \"lang\": \"en\", \"tags\": [...]}")
            }
        }
        return result
    }
}
