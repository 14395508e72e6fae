import RedflagCore

/// Finds `#tags` in the original source bytes of a paragraph or heading.
///
/// Positions come from the source itself, never from cmark's literal text (escapes and entities
/// shorten it, and libcmark 0.30.2 misplaces some inline nodes). The scanner skips what CommonMark
/// does not show as text: backslash escapes, code spans, autolinks, raw HTML and HTML comments,
/// link destinations and image alt text; and what note tools read as links: wikilinks `[[...]]`
/// and embeds `![[...]]`. A Logseq `#[[multi word]]` tag is one tag. Every look-ahead is bounded or
/// indexed, so no input makes it quadratic.
struct TagScanner {
    /// A tag as found: 1-based line, 1-based UTF-8 byte column of the `#`, and the text after `#`.
    struct Found: Hashable {
        var line: Int
        var column: Int
        var raw: String
        /// True for a Logseq page reference `[[late]]` (column of the first `[`): a tag only when
        /// the vocabulary knows the page's name.
        var isPageReference = false
    }

    let bytes: [UInt8]
    let lineStarts: [Int]
    /// When true, `[[...]]` and `![[...]]` are links and `#[[...]]` a tag.
    var wikilinks = true
    /// When true (a Logseq graph), a page reference `[[late]]` is reported as a possible tag:
    /// Logseq stores `#late` and `[[late]]` as the same reference.
    var pageReferences = false

    /// Longest look-ahead for one raw HTML tag or link destination, in bytes.
    private static let lookAheadLimit = 4096

    /// Tags in the region from `startLine`:`startColumn` to the end of `endLine`.
    func scan(startLine: Int, startColumn: Int, endLine: Int) -> [Found] {
        guard startLine >= 1, startLine <= lineStarts.count else { return [] }
        let start = min(lineStarts[startLine - 1] + startColumn - 1, bytes.count)
        let end = endLine < lineStarts.count ? lineStarts[endLine] : bytes.count
        guard start < end else { return [] }
        var found: [Found] = []
        var line = startLine
        var lineStart = lineStarts[startLine - 1]
        var index = start
        var boundary = true
        let backticks = BacktickIndex(bytes: bytes, range: start..<end)
        let lastCommentEnd = Self.lastCommentEnd(in: bytes, range: start..<end)

        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // A line ends at `\n`, `\r\n` or a lone `\r`, as in cmark and `SourceText`.
                index += Self.lineBreakLength(bytes, at: index, end: end)
                line += 1
                lineStart = index
                // Container markers of continuation lines (block quotes, indentation) are not text.
                while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">") {
                    index += 1
                }
                boundary = true
                if Self.isLinkReferenceDefinition(bytes, from: index, end: end) {
                    while index < end, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                        index += 1
                    }
                }
            case UInt8(ascii: "\\"):
                if index + 1 < end, Self.isASCIIPunctuation(bytes[index + 1]) {
                    index += 2
                } else {
                    index += 1
                }
                boundary = false
            case UInt8(ascii: "`"):
                let run = backticks.run(at: index)
                if let close = backticks.closing(after: index, length: run) {
                    let from = index
                    index = close + run
                    line += Self.newlines(in: bytes, from: from, to: index, lineStart: &lineStart)
                    boundary = true
                } else {
                    index += run
                    boundary = false
                }
            case UInt8(ascii: "<"):
                if let after = rawHTMLOrAutolinkEnd(at: index, end: end, lastCommentEnd: lastCommentEnd) {
                    let from = index
                    index = after
                    line += Self.newlines(in: bytes, from: from, to: index, lineStart: &lineStart)
                    boundary = true
                } else {
                    index += 1
                    boundary = false
                }
            case UInt8(ascii: "[") where wikilinks && index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
                if let close = Wikilink.closing(in: bytes, from: index + 2), close + 2 <= end {
                    let isEmbed = index > start && bytes[index - 1] == UInt8(ascii: "!")
                    if pageReferences, !isEmbed {
                        let body = bytes[(index + 2)..<close]
                        if !body.contains(UInt8(ascii: "|")), !body.contains(UInt8(ascii: "#")) {
                            found.append(
                                Found(
                                    line: line, column: index - lineStart + 1,
                                    raw: String(decoding: bytes[index..<(close + 2)], as: UTF8.self),
                                    isPageReference: true))
                        }
                    }
                    index = close + 2
                    boundary = false  // `]]#go`: glued to the link, not a tag
                } else {
                    index += 1
                    boundary = true
                }
            case UInt8(ascii: "{") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "{"):
                // A template or Logseq macro `{{...}}` (`{{#if}}`, `{{query #late}}`): code, not text.
                if let close = Self.firstIndex(
                    of: Array("}}".utf8), in: bytes, range: (index + 2)..<min(end, index + Self.lookAheadLimit)),
                    !bytes[(index + 2)..<close].contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
                    )
                {
                    index = close + 2
                } else {
                    index += 2
                }
                boundary = false
            case UInt8(ascii: "!") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
                // An image: its alt text is not journal text. A wikilink embed is skipped at `[[`.
                if !(wikilinks && index + 2 < end && bytes[index + 2] == UInt8(ascii: "[")),
                    let after = imageEnd(at: index + 1, end: end)
                {
                    let from = index
                    index = after
                    line += Self.newlines(in: bytes, from: from, to: index, lineStart: &lineStart)
                    boundary = true
                } else {
                    index += 1
                    boundary = false
                }
            case UInt8(ascii: "]"):
                index += 1
                if index < end, bytes[index] == UInt8(ascii: "("), let after = linkDestinationEnd(at: index, end: end) {
                    let from = index
                    index = after
                    line += Self.newlines(in: bytes, from: from, to: index, lineStart: &lineStart)
                }
                boundary = true
            case UInt8(ascii: "#"):
                if boundary, wikilinks, index + 2 < end, bytes[index + 1] == UInt8(ascii: "["),
                    bytes[index + 2] == UInt8(ascii: "["), let close = Wikilink.closing(in: bytes, from: index + 3),
                    close + 2 <= end
                {
                    // Logseq `#[[late payment]]`: one tag, written with its brackets.
                    found.append(
                        Found(
                            line: line, column: index - lineStart + 1,
                            raw: String(decoding: bytes[(index + 1)..<(close + 2)], as: UTF8.self)))
                    index = close + 2
                } else if boundary, let (raw, after) = tagBody(from: index + 1, end: end), !isQuotedToken(index, after)
                {
                    found.append(Found(line: line, column: index - lineStart + 1, raw: raw))
                    index = after
                } else {
                    index += 1
                }
                boundary = false
            case 0x20, 0x09, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""),
                UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                index += 1
                boundary = true
            case 0..<0x80:
                index += 1
                boundary = false
            default:
                let (scalar, length) = Self.decode(bytes, at: index, end: end)
                index += length
                boundary = scalar.map { $0.properties.isWhitespace || Self.openingQuotes.contains($0) } ?? false
            }
        }
        return found
    }

    /// `"#each"`, `'#x'`: a quoted token (a template snippet or a string), not a tag.
    private func isQuotedToken(_ hash: Int, _ after: Int) -> Bool {
        guard hash > 0, after < bytes.count else { return false }
        let before = bytes[hash - 1]
        return (before == UInt8(ascii: "\"") || before == UInt8(ascii: "'")) && bytes[after] == before
    }

    /// End (exclusive) of an image whose `[` is at `open`: its alt text, then `(destination)` or a
    /// `[reference]`; nil when the brackets are not an image.
    private func imageEnd(at open: Int, end: Int) -> Int? {
        let limit = min(end, open + Self.lookAheadLimit)
        var depth = 0
        var cursor = open
        while cursor < limit {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { break }
            }
            cursor += 1
        }
        guard cursor < limit, cursor + 1 < end else { return nil }
        if bytes[cursor + 1] == UInt8(ascii: "(") { return linkDestinationEnd(at: cursor + 1, end: end) }
        if bytes[cursor + 1] == UInt8(ascii: "[") {
            return Self.firstIndex(of: [UInt8(ascii: "]")], in: bytes, range: (cursor + 1)..<limit).map { $0 + 1 }
        }
        return nil
    }

    /// Typographic opening quotes that also start a tag: « “ ‘ „.
    private static let openingQuotes: Set<Unicode.Scalar> = ["\u{AB}", "\u{201C}", "\u{2018}", "\u{201E}"]

    /// The tag text after `#` at `start` (a letter, then letters, marks, digits, `-`, `_`, `/`),
    /// without trailing `-`, `_` or `/`; nil when no letter follows or the run is longer than
    /// `Tag.maximumLength` scalars (it stops looking there, so a huge run costs nothing more).
    private func tagBody(from start: Int, end: Int) -> (String, Int)? {
        var index = start
        var lastGood = start
        var first = true
        var scalars = 0
        while index < end {
            scalars += 1
            if scalars > Tag.maximumLength + 1 { return nil }
            let byte = bytes[index]
            if byte < 0x80 {
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                let isJoiner = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
                if first ? !isLetter : !(isLetter || isDigit || isJoiner) { break }
                index += 1
                if !isJoiner { lastGood = index }
            } else {
                let (scalar, length) = Self.decode(bytes, at: index, end: end)
                guard let scalar else { break }
                let properties = scalar.properties
                let isLetter = properties.isAlphabetic
                let isMarkOrDigit =
                    properties.generalCategory == .nonspacingMark
                    || properties.generalCategory == .spacingMark || properties.generalCategory == .decimalNumber
                if first ? !isLetter : !(isLetter || isMarkOrDigit) { break }
                index += length
                lastGood = index
            }
            first = false
        }
        guard lastGood > start else { return nil }
        let raw = String(decoding: bytes[start..<lastGood], as: UTF8.self)
        guard raw.unicodeScalars.count <= Tag.maximumLength else { return nil }
        return (raw, lastGood)
    }

    /// End (exclusive) of an autolink, an HTML comment, processing instruction, declaration,
    /// CDATA section, or open/closing tag starting at `index`; nil when `<` is literal text.
    private func rawHTMLOrAutolinkEnd(at index: Int, end: Int, lastCommentEnd: Int?) -> Int? {
        let next = index + 1
        guard next < end else { return nil }
        if Self.hasPrefix(bytes, "<!--", at: index) {
            guard let last = lastCommentEnd, last >= index + 4 else { return nil }
            return Self.firstIndex(of: Array("-->".utf8), in: bytes, range: (index + 4)..<end).map { $0 + 3 }
        }
        let limit = min(end, index + Self.lookAheadLimit)
        if Self.hasPrefix(bytes, "<?", at: index) {
            return Self.firstIndex(of: Array("?>".utf8), in: bytes, range: (index + 2)..<limit).map { $0 + 2 }
        }
        if Self.hasPrefix(bytes, "<![CDATA[", at: index) {
            return Self.firstIndex(of: Array("]]>".utf8), in: bytes, range: (index + 9)..<limit).map { $0 + 3 }
        }
        if bytes[next] == UInt8(ascii: "!"), next + 1 < end, Self.isASCIILetter(bytes[next + 1]) {
            return Self.firstIndex(of: [UInt8(ascii: ">")], in: bytes, range: next..<limit).map { $0 + 1 }
        }
        if let autolink = autolinkEnd(at: index, end: limit) { return autolink }
        return htmlTagEnd(at: index, end: limit)
    }

    /// `<scheme:...>` or `<user@host>`.
    private func autolinkEnd(at index: Int, end: Int) -> Int? {
        var cursor = index + 1
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") {
                let body = bytes[(index + 1)..<cursor]
                if let colon = body.firstIndex(of: UInt8(ascii: ":")) {
                    let scheme = bytes[(index + 1)..<colon]
                    let valid =
                        (2...32).contains(scheme.count) && Self.isASCIILetter(scheme.first ?? 0)
                        && scheme.allSatisfy {
                            Self.isASCIILetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46
                        }
                    return valid ? cursor + 1 : nil
                }
                return body.contains(UInt8(ascii: "@")) && !body.isEmpty ? cursor + 1 : nil
            }
            if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
            cursor += 1
        }
        return nil
    }

    /// An HTML open tag `<name attr="v">` or closing tag `</name>`, loosely: a tag name, then
    /// anything up to `>` outside quotes.
    private func htmlTagEnd(at index: Int, end: Int) -> Int? {
        var cursor = index + 1
        if cursor < end, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        guard cursor < end, Self.isASCIILetter(bytes[cursor]) else { return nil }
        while cursor < end,
            Self.isASCIILetter(bytes[cursor]) || (bytes[cursor] >= 48 && bytes[cursor] <= 57) || bytes[cursor] == 45
        {
            cursor += 1
        }
        guard cursor < end else { return nil }
        let afterName = bytes[cursor]
        guard
            afterName == UInt8(ascii: ">") || afterName == UInt8(ascii: "/") || afterName == 0x20 || afterName == 0x09
                || afterName == 0x0A || afterName == 0x0D
        else { return nil }
        var quote: UInt8?
        while cursor < end {
            let byte = bytes[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// `(destination "title")` after `]`, with nested parentheses; nil when not closed in time.
    private func linkDestinationEnd(at index: Int, end: Int) -> Int? {
        let limit = min(end, index + Self.lookAheadLimit)
        var depth = 0
        var cursor = index
        var quote: UInt8?
        while cursor < limit {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") && depth == 1 && cursor > index + 1 && bytes[cursor - 1] == 0x20 {
                quote = byte
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return cursor + 1 }
            }
            cursor += 1
        }
        return nil
    }

    // MARK: - Byte helpers

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { bytes[index + $0] == pattern[$0] }
        }
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], range: Range<Int>) -> Int? {
        guard !pattern.isEmpty, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - pattern.count
        while index <= last {
            if bytes[index] == pattern[0] {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Where the last `-->` of `range` starts, nil without one (this runs for every paragraph and
    /// heading: no pattern array, no closure per byte).
    static func lastCommentEnd(in bytes: [UInt8], range: Range<Int>) -> Int? {
        guard range.count >= 3 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = range.upperBound - 1
            while index >= range.lowerBound + 2 {
                if buffer[index] == UInt8(ascii: ">"), buffer[index - 1] == UInt8(ascii: "-"),
                    buffer[index - 2] == UInt8(ascii: "-")
                {
                    return index - 2
                }
                index -= 1
            }
            return nil
        }
    }

    /// Counts line endings (`\n`, `\r\n`, lone `\r`) in `from..<to`, moving `lineStart` past the last one.
    private static func newlines(in bytes: [UInt8], from: Int, to: Int, lineStart: inout Int) -> Int {
        var count = 0
        var index = from
        while index < to {
            let length = lineBreakLength(bytes, at: index, end: to)
            if length > 0 {
                count += 1
                index += length
                lineStart = index
            } else {
                index += 1
            }
        }
        return count
    }

    /// The length of the line ending at `index`: 2 for `\r\n`, 1 for `\n` or a lone `\r`, else 0.
    private static func lineBreakLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "\n"): 1
        case UInt8(ascii: "\r"): index + 1 < end && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        default: 0
        }
    }

    /// `[label]: destination` at the start of a line (cmark removes these from paragraphs).
    private static func isLinkReferenceDefinition(_ bytes: [UInt8], from index: Int, end: Int) -> Bool {
        guard index < end, bytes[index] == UInt8(ascii: "[") else { return false }
        var cursor = index + 1
        while cursor < end, cursor < index + 1000, bytes[cursor] != UInt8(ascii: "]"),
            bytes[cursor] != UInt8(ascii: "\n"), bytes[cursor] != UInt8(ascii: "\r")
        {
            cursor += 1
        }
        return cursor + 1 < end && cursor > index + 1 && bytes[cursor] == UInt8(ascii: "]")
            && bytes[cursor + 1] == UInt8(ascii: ":")
    }

    /// Decodes one UTF-8 scalar; nil (length 1) for an invalid byte.
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= end else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}

/// Backtick runs of a region, indexed by length, so finding a code span's closing run is a lookup.
private struct BacktickIndex {
    /// Run start → run length.
    private var lengths: [Int: Int] = [:]
    /// Run length → starts of runs of exactly that length, ascending.
    private var starts: [Int: [Int]] = [:]

    init(bytes: [UInt8], range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "`") {
                let start = index
                while index < range.upperBound, bytes[index] == UInt8(ascii: "`") { index += 1 }
                lengths[start] = index - start
                starts[index - start, default: []].append(start)
            } else {
                index += 1
            }
        }
    }

    func run(at index: Int) -> Int { lengths[index] ?? 1 }

    /// Start of the first run of exactly `length` backticks after the run at `index`.
    func closing(after index: Int, length: Int) -> Int? {
        guard let candidates = starts[length] else { return nil }
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle] <= index { low = middle + 1 } else { high = middle }
        }
        return low < candidates.count ? candidates[low] : nil
    }
}
