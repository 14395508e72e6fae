import Foundation
import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagJournal

/// The byte-level paths that run for every entry give what the string-level code they replaced gave
/// (kept here as the reference).
@Suite("Parsing fast paths")
struct ParsingFastPathTests {
    /// Lines joined one `String` per line: what `SourceText.lines` did before its byte path.
    static func referenceLines(_ source: SourceText, _ first: Int, _ last: Int) -> String {
        let lower = max(1, first)
        let upper = min(last, source.lineCount)
        guard lower <= upper else { return "" }
        return (lower...upper).map(source.line).joined(separator: "\n")
    }

    @Test("lines joined from the bytes equal the lines joined one by one, whatever the line endings")
    func lines() async {
        let pieces = ["a", " ", "é", "e\u{301}", "\n", "\r\n", "\r", "\t", "🙂", "#late", "\u{A0}", "\n\n"]
        let input = zip(
            Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40), Gen.int(in: -1...12), Gen.int(in: -1...12))
        await propertyCheck(count: 400, input: input) { input in
            let (picks, first, last) = input
            let source = SourceText(picks.map { pieces[$0] }.joined())
            #expect(
                Array(source.lines(first, through: last).utf8) == Array(Self.referenceLines(source, first, last).utf8),
                "\(source.text.debugDescription) \(first)...\(last)")
        }
    }

    /// An item's Markdown as `EntryBuilder` made it before its byte path: one `String` per line.
    static func referenceItemMarkdown(_ source: SourceText, line first: Int, column: Int, endLine: Int) -> String {
        let last = max(first, endLine)
        let firstLine = Array(source.line(first).utf8)
        var index = min(firstLine.count, column - 1)
        while index < firstLine.count, (48...57).contains(firstLine[index]) { index += 1 }
        if index < firstLine.count, "-*+.)".utf8.contains(firstLine[index]) { index += 1 }
        var spaces = 0
        while index + spaces < firstLine.count, firstLine[index + spaces] == 0x20, spaces < 4 { spaces += 1 }
        let contentIndent = index + max(1, spaces)
        var lines = [String(decoding: firstLine[min(contentIndent, firstLine.count)...], as: UTF8.self)]
        if last > first {
            for number in (first + 1)...last {
                let line = source.line(number)
                let leading = line.prefix { $0 == " " }.count
                lines.append(String(line.dropFirst(min(leading, contentIndent))))
            }
        }
        while lines.count > 1, lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    @Test("list items' Markdown made from the bytes equals the one made line by line")
    func itemMarkdown() async {
        let starts = ["- ", "* ", "1. ", "10) ", "-   ", "- [ ] "]
        let continuations = [
            "  more", "    deeper", " \u{301}combining", "  \u{301}", "\u{A0}", "   ", "\t", "  é", "  #late",
            "  e\u{301}",
            "  \u{2028}", "", "  > quote", "      code",
        ]
        let item = zip(
            Gen.int(in: 0...(starts.count - 1)), Gen.int(in: 0...(continuations.count - 1)).array(of: 0...4))
        await propertyCheck(count: 300, input: item.array(of: 1...4)) { items in
            var text = "## 2026-03-05\n\n"
            for (start, rest) in items {
                text += starts[start] + "said no #late\n" + rest.map { continuations[$0] + "\n" }.joined()
            }
            let file = JournalParser().parse(path: "c.md", client: "c", bytes: Array(text.utf8))
            let source = SourceText(text)
            var compared = 0
            // Items only: a continuation line after a blank line is a paragraph of its own.
            for entry in file.entries where starts.contains(where: { source.line(entry.line).hasPrefix($0) }) {
                let expected = Self.referenceItemMarkdown(
                    source, line: entry.line, column: entry.column, endLine: entry.endLine)
                #expect(Array(entry.markdown.utf8) == Array(expected.utf8), "\(text.debugDescription)")
                compared += 1
            }
            #expect(compared >= 1)
        }
    }

    @Test("the first word is looked up as a month or weekday from its bytes as from a string")
    func dateWords() async {
        let names = ["mon", "Monday", "sept", "SEPTEMBER", "may", "mayday", "Jan", "x", "wednesdays", "thurs", "sun"]
        let pieces = names + ["é", "1", "-", " ", ",", "a"]
        func reference(_ text: String) -> Bool? {
            var word: [UInt8] = []
            for byte in text.utf8 {
                if byte >= 0x80 { return nil }
                let lower = byte | 0x20
                guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { break }
                guard word.count < 12 else { break }
                word.append(lower)
            }
            guard word.count >= 3, word.count <= 9 else { return false }
            let name = String(decoding: word, as: UTF8.self)
            return DatePrefix.month(named: name) != nil || DatePrefix.isWeekday(name, abbreviationsToo: true)
        }
        await propertyCheck(count: 400, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...3)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(DatePrefix.asciiFirstWordIsDateWord(text.utf8) == reference(text), "\(text.debugDescription)")
        }
        for name in names {
            #expect(DatePrefix.asciiFirstWordIsDateWord(name.utf8) == reference(name), "\(name)")
        }
    }

    @Test("a calendar date's text is YYYY-MM-DD, zero-padded")
    func dateText() throws {
        for (year, month, day, text) in [
            (1, 1, 1, "0001-01-01"), (9, 2, 28, "0009-02-28"), (99, 10, 9, "0099-10-09"), (999, 12, 31, "0999-12-31"),
            (2026, 11, 30, "2026-11-30"), (9999, 12, 31, "9999-12-31"),
        ] {
            let date = try #require(CalendarDate(year: year, month: month, day: day))
            #expect(date.description == text)
            #expect(CalendarDate(iso: text) == date)
        }
    }
}
