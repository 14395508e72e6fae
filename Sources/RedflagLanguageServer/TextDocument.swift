import Foundation
import RedflagCore

/// An open document as the editor holds it: its text, version, and position conversions.
///
/// The protocol counts positions as 0-based lines and UTF-16 code units within a line; redflag
/// counts 1-based lines and 1-based UTF-8 byte columns. Every conversion goes through here.
public struct TextDocument: Sendable {
    public var uri: String
    public var text: String
    public var version: Int

    public init(uri: String, text: String, version: Int) {
        self.uri = uri
        self.text = text
        self.version = version
    }

    /// A protocol position: 0-based line, UTF-16 code units.
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        var json: [String: Any] { ["line": line, "character": character] }

        init?(json: Any?) {
            guard let object = json as? [String: Any], let line = object["line"] as? Int,
                let character = object["character"] as? Int, line >= 0, character >= 0
            else { return nil }
            self.init(line: line, character: character)
        }
    }

    /// The lines of `text` without their line endings (CRLF or LF), as the protocol counts them.
    /// Split on scalars: in Swift a CRLF is one `Character`.
    var lines: [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? Substring(line.dropLast()) : Substring(line)
        }
    }

    /// The protocol position of redflag's (1-based `line`, 1-based UTF-8 byte `column`); a column
    /// past the line's end is the line's end.
    public func position(line: Int, column: Int) -> Position {
        let lines = lines
        guard line >= 1, line <= lines.count else { return Position(line: max(0, line - 1), character: 0) }
        let content = lines[line - 1]
        let bytes = max(0, column - 1)
        var units = 0
        var used = 0
        for scalar in content.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > bytes { break }
            used += size
            units += scalar.utf16.count
        }
        return Position(line: line - 1, character: units)
    }

    /// redflag's (1-based line, 1-based UTF-8 byte column) of a protocol position, clamped to the text.
    public func location(_ position: Position) -> (line: Int, column: Int) {
        let lines = lines
        guard position.line < lines.count else { return (max(1, lines.count), 1) }
        var units = 0
        var bytes = 0
        for scalar in lines[position.line].unicodeScalars {
            if units + scalar.utf16.count > position.character { break }
            units += scalar.utf16.count
            bytes += String(scalar).utf8.count
        }
        return (position.line + 1, bytes + 1)
    }

    /// The `String.Index` of a protocol position in `text`, clamped to the text (scalar-aligned).
    func index(of position: Position) -> String.Index {
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        var line = 0
        while line < position.line {
            guard let newline = scalars[cursor...].firstIndex(of: "\n") else { return text.endIndex }
            cursor = scalars.index(after: newline)
            line += 1
        }
        var units = 0
        while cursor < scalars.endIndex, scalars[cursor] != "\n", scalars[cursor] != "\r" {
            let size = scalars[cursor].utf16.count
            if units + size > position.character { break }
            units += size
            cursor = scalars.index(after: cursor)
        }
        return cursor
    }

    /// Applies one `contentChanges` item: the whole text, or a range replaced (incremental sync).
    mutating func apply(change: [String: Any]) -> Bool {
        guard let newText = change["text"] as? String else { return false }
        guard let value = change["range"], !(value is NSNull) else {
            text = newText
            return true
        }
        guard let range = value as? [String: Any] else { return false }
        guard let start = Position(json: range["start"]), let end = Position(json: range["end"]) else { return false }
        let lower = index(of: start)
        let upper = max(lower, index(of: end))
        text.replaceSubrange(lower..<upper, with: newText)
        return true
    }

    /// The file path of a `file://` URI (percent-decoded); nil for other schemes.
    public static func path(fromURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }
}
