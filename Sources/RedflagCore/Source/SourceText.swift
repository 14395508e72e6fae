/// The text of one file with a line index, for excerpts and byte-exact positions.
///
/// Lines are 1-based; columns are 1-based UTF-8 byte offsets. Lines end where CommonMark (and
/// cmark) ends them: at `\n`, at `\r\n`, and at a lone `\r` (old Mac files), so a file that mixes
/// all three keeps every line and column cmark reports. A line's text excludes its line ending.
public struct SourceText: Hashable, Sendable {
    public let text: String
    /// Byte offset in `text.utf8` where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        // Over the bytes in place when the string has them (native strings do): far faster than
        // iterating the UTF-8 view.
        lineStarts =
            text.utf8.withContiguousStorageIfAvailable { Self.lineStarts(of: $0) } ?? Self.lineStarts(of: text.utf8)
    }

    /// Where each line of `bytes` starts (offsets from the start): `[0]`, then one offset after every
    /// line ending (`\n`, `\r\n` or a lone `\r`) that is not at the very end.
    public static func lineStarts<Bytes: Collection>(of bytes: Bytes) -> [Int] where Bytes.Element == UInt8 {
        var starts = [0]
        var offset = 0
        var previousWasCR = false
        for byte in bytes {
            offset += 1
            if byte == UInt8(ascii: "\n") {
                if previousWasCR {
                    starts[starts.count - 1] = offset  // `\r\n` is one line ending
                } else {
                    starts.append(offset)
                }
                previousWasCR = false
            } else if byte == UInt8(ascii: "\r") {
                starts.append(offset)
                previousWasCR = true
            } else {
                previousWasCR = false
            }
        }
        if starts.count > 1, starts.last == offset { starts.removeLast() }
        return starts
    }

    /// The number of line endings (`\n`, `\r\n`, lone `\r`) in `text`.
    public static func lineBreakCount(in text: some StringProtocol) -> Int {
        var count = 0
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                count += 1
            } else if byte == UInt8(ascii: "\n"), !previousWasCR {
                count += 1
            }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
        return count
    }

    /// The 1-based line and UTF-8 byte column of byte `offset` of `text` (clamped to the text).
    public func location(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, text.utf8.count))
        var low = 0
        var high = lineStarts.count
        // The last line start <= offset.
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    public var lineCount: Int { text.isEmpty ? 0 : lineStarts.count }

    /// Byte range of line `number` (1-based) without its line ending; empty when out of range.
    public func byteRange(ofLine number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : text.utf8.count
        let utf8 = text.utf8
        if end > start, utf8[utf8.index(utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, utf8[utf8.index(utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The text of line `number` (1-based) without its line ending; "" when out of range.
    public func line(_ number: Int) -> String {
        let range = byteRange(ofLine: number)
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Lines `first...last` joined with `\n` (line endings normalised).
    public func lines(_ first: Int, through last: Int) -> String {
        let lower = max(1, first)
        let upper = min(last, lineCount)
        guard lower <= upper else { return "" }
        // Without a `\r` in them, the lines joined with `\n` are the bytes as written: one copy
        // instead of one string per line and their join (this runs for every entry).
        let start = lineStarts[lower - 1]
        let end = byteRange(ofLine: upper).upperBound
        let utf8 = text.utf8
        let slice = utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        let hasCR =
            slice.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\r")) }
            ?? slice.contains(UInt8(ascii: "\r"))
        guard hasCR else { return String(Substring(slice)) }
        return (lower...upper).map(line).joined(separator: "\n")
    }

    /// The line, then a caret under `column` (a UTF-8 byte column), for compiler-style messages.
    public func excerpt(line number: Int, column: Int) -> String {
        let text = line(number)
        var width = 0
        var consumed = 0
        for character in text {
            let size = character.utf8.count
            if consumed + size >= column { break }
            consumed += size
            width += character == "\t" ? 1 : Self.displayWidth(character)
        }
        let indent = text.prefix { $0 == "\t" }
        let padding = String(indent) + String(repeating: " ", count: max(0, width - indent.count))
        return text + "\n" + padding + "^"
    }

    /// Terminal columns a character takes: 2 for wide East Asian characters and emoji, else 1.
    public static func displayWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
