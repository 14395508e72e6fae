import RedflagCore
import RedflagJournal

/// Where a new entry goes in a notes file and which bytes it adds: pure, from the file's bytes
/// and its parsed headings.
///
/// The file's own bytes never change: the insertion is one run of new bytes at one offset, always
/// at the start of a line (or at the end of the file). A new day's entry goes at the end of the
/// file; an entry for a day that already has a `## YYYY-MM-DD` heading goes at the end of that
/// section; a back-dated entry whose day has no heading gets one, placed in the file's own date
/// order (ascending or newest first). The new bytes use the file's line endings.
public struct EntryInsertion: Hashable, Sendable {
    /// Byte offset in the old file where `bytes` go (`old.count` when appended).
    public var offset: Int
    /// The new bytes.
    public var bytes: [UInt8]
    /// The 1-based line, in the new file, where the entry's own line (`- text`) is.
    public var entryLine: Int

    /// The new file: the old bytes with `bytes` inserted at `offset`.
    public func applied(to old: [UInt8]) -> [UInt8] {
        Array(old[..<offset]) + bytes + Array(old[offset...])
    }

    /// The entry as Markdown lines (without line endings): a list item, continuation lines indented
    /// so that a multi-line text (from an editor) stays one entry.
    public static func item(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var trimmed = lines
        while let last = trimmed.last, last.allSatisfy(\.isWhitespace) { trimmed.removeLast() }
        while let first = trimmed.first, first.allSatisfy(\.isWhitespace) { trimmed.removeFirst() }
        guard let first = trimmed.first else { return [] }
        return ["- " + first] + trimmed.dropFirst().map { $0.allSatisfy(\.isWhitespace) ? "" : "  " + $0 }
    }

    /// The heading text for `date` (and `time`): `2026-11-29` or `2026-11-29 14:30`.
    public static func headingText(date: CalendarDate, time: String?) -> String {
        time.map { "\(date) \($0)" } ?? date.description
    }

    /// Plans the insertion of `text` dated `date` (at `time`, `HH:MM`) into `file` (parsed from
    /// `old`). `isDailyFile` is true when the file's name is the day (`2026-11-29.md`): an entry
    /// without a time then needs no heading.
    public static func plan(
        text: String, date: CalendarDate, time: String?, into old: [UInt8], file: ParsedFile?, isDailyFile: Bool
    ) -> EntryInsertion {
        let crlf = file?.usesCRLF ?? false
        let lines = SourceText.lineStarts(of: old)
        let headings = (file?.headings ?? []).sorted { $0.line < $1.line }
        let dated = headings.filter { $0.date != nil }
        let item = Self.item(text)
        let level = dated.last?.level ?? 2
        let heading = String(repeating: "#", count: level) + " " + headingText(date: date, time: time)

        // 1. The day's own section exists (and no time is asked): the end of that section.
        if time == nil, let section = dated.last(where: { $0.date == date && !hasTime($0.text) }) {
            let end = headings.first { $0.line > section.line && $0.level <= section.level }
            return make(item, at: end.map { lineStart($0.line, lines, old) } ?? old.count, old: old, crlf: crlf)
        }
        // 2. A daily file and no time: the entry alone, at the end.
        if time == nil, isDailyFile, dated.isEmpty {
            return make(item, at: old.count, old: old, crlf: crlf)
        }
        // 3. A new section, in the file's date order.
        let block = [heading, ""] + item
        let descending = (dated.first?.date ?? date) > (dated.last?.date ?? date)
        let before = dated.first { heading in
            guard let day = heading.date else { return false }
            return descending ? day < date : day > date
        }
        return make(block, at: before.map { lineStart($0.line, lines, old) } ?? old.count, old: old, crlf: crlf)
    }

    /// The insertion of `lines` at `offset` (a line start or the end), with a blank line before it
    /// unless the line before is blank or a list item it continues, and a blank line after it when
    /// text follows.
    static func make(_ lines: [String], at offset: Int, old: [UInt8], crlf: Bool) -> EntryInsertion {
        let newline = crlf ? "\r\n" : "\n"
        var text = ""
        let prefix = old[..<offset]
        if !prefix.isEmpty && prefix.last != UInt8(ascii: "\n") { text += newline }
        let previous = lastLine(of: prefix)
        let continuesList = lines.first?.hasPrefix("- ") == true && previous.hasPrefix("- ")
        if !prefix.isEmpty && !previous.allSatisfy(\.isWhitespace) && !continuesList { text += newline }
        let linesBefore = prefix.count { $0 == UInt8(ascii: "\n") } + text.utf8.count { $0 == UInt8(ascii: "\n") }
        let itemIndex = lines.firstIndex { $0.hasPrefix("- ") } ?? 0
        text += lines.joined(separator: newline) + newline
        if offset < old.count { text += newline }
        return EntryInsertion(offset: offset, bytes: Array(text.utf8), entryLine: linesBefore + itemIndex + 1)
    }

    /// The last line of `bytes` (without its line ending), "" when it ends with a blank line.
    private static func lastLine(of bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The byte offset where 1-based `line` starts.
    private static func lineStart(_ line: Int, _ starts: [Int], _ old: [UInt8]) -> Int {
        line - 1 < starts.count ? starts[line - 1] : old.count
    }

    /// True when a dated heading's text has a time after its date (`2026-11-29 14:30 — call`).
    private static func hasTime(_ text: String) -> Bool {
        let rest = text.drop { !$0.isWhitespace }.drop { $0.isWhitespace }
        let clock = rest.prefix { $0.isNumber || $0 == ":" }
        return clock.contains(":") && clock.count >= 4
    }
}

extension EntryInsertion {
    /// The fallback when a planned entry would not read back as dated (say, the file ends inside an
    /// unclosed code fence): a list item carrying its own date, `- 2026-11-29 14:30: text`, at the
    /// end of the file.
    public static func datedItem(text: String, date: CalendarDate, time: String?, into old: [UInt8], crlf: Bool)
        -> EntryInsertion
    {
        var lines = item(text)
        if let first = lines.first {
            lines[0] = "- " + headingText(date: date, time: time) + ": " + first.dropFirst(2)
        }
        return make(lines, at: old.count, old: old, crlf: crlf)
    }
}
