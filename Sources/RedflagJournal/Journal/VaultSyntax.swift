import RedflagCore

/// The parts of a notes file that Obsidian and Logseq do not show as text, found in the original
/// bytes and blanked out before Markdown parsing: `%% comments %%` and `key:: value` properties.
///
/// Blanking replaces every byte with a space and keeps every newline, so every line and column of
/// what remains is the line and column of the file on disk.
struct VaultSyntax {
    /// A Logseq `key:: value` line (a page property at the top of a file, or a block property).
    struct Property: Hashable, Sendable {
        /// Lowercased key.
        var key: String
        /// The value as written, trimmed.
        var value: String
        /// 1-based line, 1-based UTF-8 byte column of the value.
        var line: Int
        var valueColumn: Int
        /// 1-based UTF-8 byte column of the key (after indentation and an optional `- `).
        var keyColumn: Int
    }

    /// The bytes with comments and property lines blanked: what the tag scanner reads.
    var visible: [UInt8]
    /// The bytes with property lines blanked, comments kept: what cmark parses. A comment blanked
    /// at the start of a line would turn the rest into an indented code block; instead comments
    /// are taken out of each entry's text and Markdown (`removingComments`).
    var structure: [UInt8]
    /// Every property line, in order.
    var properties: [Property]
    /// The properties of the page itself: the `key:: value` lines that open the Markdown part.
    var pageProperties: [Property]

    /// Blanks comments (when `comments`) and properties (when `properties`) of `bytes` from the byte
    /// offset `start` on (the front matter before it is left alone).
    init(_ bytes: [UInt8], from start: Int, comments: Bool, properties: Bool) {
        visible = bytes
        structure = bytes
        self.properties = []
        pageProperties = []
        // Most notes have neither `%%` nor `::`: nothing to blank, nothing to read.
        guard
            Self.containsPair(
                bytes, from: start, comments ? UInt8(ascii: "%") : nil, properties ? UInt8(ascii: ":") : nil)
        else { return }
        // Lines end at `\n`, `\r\n` or a lone `\r`, as in cmark.
        var lineStarts = SourceText.lineStarts(of: bytes)
        if bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r") { lineStarts.append(bytes.count) }
        let firstLine = (lineStarts.lastIndex { $0 <= start } ?? 0)
        var fence: (byte: UInt8, count: Int)?
        var inComment = false
        var pageBlock = true  // still in the opening lines that may hold page properties
        for number in firstLine..<lineStarts.count {
            let lineStart = lineStarts[number]
            var lineEnd = number + 1 < lineStarts.count ? lineStarts[number + 1] - 1 : bytes.count
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = bytes[lineStart..<lineEnd]
            let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let content = line.dropFirst(indent)
            // Fenced code blocks are code: no comments or properties inside.
            if !inComment, let marker = Self.fence(content) {
                if let open = fence {
                    if marker.byte == open.byte, marker.count >= open.count { fence = nil }
                } else {
                    fence = marker
                }
                pageBlock = false
                continue
            }
            if fence != nil { continue }
            if comments { inComment = blankComments(lineStart..<lineEnd, inComment: inComment) }
            if properties, let property = Self.property(in: visible[lineStart..<lineEnd], lineStart: lineStart) {
                let found = Property(
                    key: property.key, value: property.value, line: number + 1, valueColumn: property.valueColumn,
                    keyColumn: property.keyColumn)
                self.properties.append(found)
                // A page's own properties open the file without a list marker (`- key::` is a block's).
                if pageBlock, property.keyColumn == indent + 1 {
                    pageProperties.append(found)
                } else {
                    pageBlock = false
                }
                // Blanked from the key on: a list marker before it stays, so the outline keeps its shape.
                for index in (lineStart + found.keyColumn - 1)..<lineEnd {
                    visible[index] = 0x20
                    structure[index] = 0x20
                }
                continue
            }
            if !content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || !pageProperties.isEmpty { pageBlock = false }
        }
    }

    /// True when `bytes` from `start` hold `%%` (for `first`) or `::` (for `second`) anywhere.
    static func containsPair(_ bytes: [UInt8], from start: Int, _ first: UInt8?, _ second: UInt8?) -> Bool {
        guard first != nil || second != nil else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = max(0, start)
            while index + 1 < buffer.count {
                let byte = buffer[index]
                if (byte == first || byte == second) && buffer[index + 1] == byte { return true }
                index += 1
            }
            return false
        }
    }

    /// `text` without its `%% ... %%` comments (an unclosed `%%` hides the rest, as in Obsidian).
    static func removingComments(_ text: String) -> String {
        guard text.containsBytes("%%") else { return text }
        var out = ""
        var open = false
        var rest = Substring(text)
        while let range = rest.range(of: "%%") {
            if !open { out += rest[..<range.lowerBound] }
            open.toggle()
            rest = rest[range.upperBound...]
        }
        if !open { out += rest }
        return out
    }

    /// Blanks the `%% ... %%` parts of one line, skipping code spans; returns whether a comment is
    /// still open at the end of the line.
    private mutating func blankComments(_ range: Range<Int>, inComment: Bool) -> Bool {
        var open = inComment
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = visible[index]
            if !open, byte == UInt8(ascii: "`") {
                var run = 0
                while index + run < range.upperBound, visible[index + run] == UInt8(ascii: "`") { run += 1 }
                var cursor = index + run
                var closed: Int?
                while cursor < range.upperBound {
                    if visible[cursor] == UInt8(ascii: "`") {
                        var other = 0
                        while cursor + other < range.upperBound, visible[cursor + other] == UInt8(ascii: "`") {
                            other += 1
                        }
                        if other == run {
                            closed = cursor + other
                            break
                        }
                        cursor += other
                    } else {
                        cursor += 1
                    }
                }
                index = closed ?? (index + run)
                continue
            }
            if byte == UInt8(ascii: "%"), index + 1 < range.upperBound, visible[index + 1] == UInt8(ascii: "%") {
                visible[index] = 0x20
                visible[index + 1] = 0x20
                index += 2
                open.toggle()
                continue
            }
            if open { visible[index] = 0x20 }
            index += 1
        }
        return open
    }

    /// A fence line: three or more backticks or tildes.
    private static func fence(_ content: ArraySlice<UInt8>) -> (byte: UInt8, count: Int)? {
        guard let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = content.prefix { $0 == first }.count
        return count >= 3 ? (first, count) : nil
    }

    /// `key:: value`, optionally indented and after `- `; the key is a letter, then letters,
    /// digits, `-` and `_`.
    private static func property(in line: ArraySlice<UInt8>, lineStart: Int)
        -> (key: String, value: String, keyColumn: Int, valueColumn: Int)?
    {
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        if index + 1 < line.endIndex, line[index] == UInt8(ascii: "-"), line[index + 1] == 0x20 {
            index += 2
            while index < line.endIndex, line[index] == 0x20 { index += 1 }
        }
        let keyStart = index
        guard index < line.endIndex, isLetter(line[index]) else { return nil }
        while index < line.endIndex,
            isLetter(line[index]) || (48...57).contains(line[index]) || line[index] == UInt8(ascii: "-")
                || line[index] == UInt8(ascii: "_")
        {
            index += 1
        }
        let keyEnd = index
        guard index + 1 < line.endIndex, line[index] == UInt8(ascii: ":"), line[index + 1] == UInt8(ascii: ":")
        else { return nil }
        index += 2
        guard index == line.endIndex || line[index] == 0x20 || line[index] == 0x09 else { return nil }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        let value = String(decoding: line[index...], as: UTF8.self).trimmingTrailingWhitespaceBytes()
        return (
            String(decoding: line[keyStart..<keyEnd], as: UTF8.self).lowercased(), value,
            keyStart - lineStart + 1, index - lineStart + 1
        )
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}

extension String {
    /// Without trailing spaces, tabs and carriage returns.
    fileprivate func trimmingTrailingWhitespaceBytes() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
