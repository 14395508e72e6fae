/// A linear pre-scan that recognises the inputs on which libcmark 0.30.2 (Debian's) takes quadratic
/// time, before cmark sees them.
///
/// cmark's own `test/pathological_tests.py` lists the family; these three are not fixed in 0.30.2:
///
/// - **Image openers left open** (`![[]()` repeated): every link that closes walks back over every
///   `![` still open in the paragraph. Estimated as, per `]`, the `[` still open beyond the first
///   `freeDepth`.
/// - **Inlines deep in containers** (`>` × 100,000 then `a*` × 100,000; the same under list
///   markers): every emphasis or link node cmark creates walks up through all its ancestors.
///   Estimated as the paragraph's container depth beyond `freeDepth` times its `*`, `_` and `]`.
/// - **Blank lines under deep containers** (`- ` × 30,000 then blank lines; block-quoted lists with
///   `>` lines): every blank line is matched against every open container. Estimated as the depth
///   still open beyond `freeDepth` for each blank line.
///
/// The estimates over-count (they do not know which brackets are escaped or which markers cmark
/// reads as a thematic break), never under-count on these shapes, and are zero for ordinary notes,
/// which never nest more than `freeDepth` deep. Each estimate has its own budget; the first one
/// spent is the problem reported.
public struct MarkdownComplexity: Error, Hashable, Sendable {
    /// Which quadratic shape was recognised.
    public enum Shape: String, Hashable, Sendable {
        case openBrackets = "link and image brackets left open in one paragraph"
        case deepInlines = "emphasis or links inside deeply nested quotes or lists"
        case deepBlankLines = "blank lines under deeply nested quotes or lists"
    }

    /// The shape and the 1-based line where the costly region starts.
    public var shape: Shape
    public var line: Int

    /// Nesting (in cmark nodes: one per `>`, two per list marker) and open brackets that cost nothing.
    static let freeDepth = 32
    /// Work units allowed per shape; one unit is one step of cmark's quadratic walk. libcmark 0.30.2
    /// takes about 10–60 ns per unit here, so the budget keeps any one file well under a second.
    static let budget = 8_000_000

    /// The first quadratic shape in `markdown`, nil when cmark will parse it in linear time.
    public static func assess(_ markdown: String) -> MarkdownComplexity? {
        var scanner = Scanner()
        var copy = markdown
        return copy.withUTF8 { scanner.run($0) }
    }

    /// One pass over the bytes, line by line (lines end at `\n`, `\r\n` or a lone `\r`, as in cmark).
    private struct Scanner {
        var bracketCost = 0
        var inlineCost = 0
        var blankCost = 0
        /// Container depth that may still be open (over-estimated), and where it was opened.
        var openDepth = 0
        var openDepthLine = 1
        /// The current paragraph (run of non-blank lines): its first line, open `[`, and costs so far.
        var paragraphLine = 1
        var openBrackets = 0
        var previousBlank = true

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownComplexity? {
            var index = 0
            var line = 1
            let count = bytes.count
            while index < count {
                var lineEnd = index
                while lineEnd < count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                if let problem = scanLine(bytes, from: index, to: lineEnd, line: line) { return problem }
                index = lineEnd
                if index < count {
                    index += bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                }
                line += 1
            }
            return nil
        }

        private mutating func scanLine(
            _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int
        ) -> MarkdownComplexity? {
            // Container markers: `>`, bullets and ordered-list markers, each after up to 3 spaces.
            var index = start
            var depth = 0
            while true {
                var spaces = 0
                while index < end, spaces < 4, bytes[index] == 0x20 || bytes[index] == 0x09 {
                    index += 1
                    spaces += 1
                }
                guard index < end, spaces < 4 else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    depth += 1
                    index += 1
                    continue
                }
                var afterMarker = index
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                    afterMarker = index + 1
                } else {
                    var digits = index
                    while digits < end, digits - index < 9, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
                    if digits > index, digits < end,
                        bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")")
                    {
                        afterMarker = digits + 1
                    }
                }
                guard afterMarker > index,
                    afterMarker == end || bytes[afterMarker] == 0x20 || bytes[afterMarker] == 0x09
                else { break }
                depth += 2
                index = afterMarker
            }
            var indentation = 0
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 {
                index += 1
                indentation += 1
            }
            let isBlank = index == end

            if isBlank {
                openDepth = max(openDepth, depth)
                if depth > 0 && openDepth == depth { openDepthLine = line }
                blankCost += max(0, openDepth - freeDepth)
                if blankCost > budget { return MarkdownComplexity(shape: .deepBlankLines, line: openDepthLine) }
                previousBlank = true
                openBrackets = 0
                return nil
            }
            // After a blank line, a line that starts at the margin closes every container deeper
            // than its own markers; otherwise (a lazy or indented continuation) they may stay open.
            if previousBlank && indentation < 2 {
                openDepth = depth
                openDepthLine = line
            } else if depth > openDepth {
                openDepth = depth
                openDepthLine = line
            }
            if previousBlank {
                paragraphLine = line
                openBrackets = 0
            }
            previousBlank = false
            let excessDepth = max(0, openDepth - freeDepth)
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "["):
                    openBrackets += 1
                case UInt8(ascii: "]"):
                    bracketCost += max(0, openBrackets - freeDepth)
                    inlineCost += excessDepth
                    if openBrackets > 0 { openBrackets -= 1 }
                case UInt8(ascii: "*"), UInt8(ascii: "_"):
                    inlineCost += excessDepth
                default:
                    break
                }
                index += 1
            }
            if bracketCost > budget { return MarkdownComplexity(shape: .openBrackets, line: paragraphLine) }
            if inlineCost > budget { return MarkdownComplexity(shape: .deepInlines, line: openDepthLine) }
            return nil
        }
    }
}
