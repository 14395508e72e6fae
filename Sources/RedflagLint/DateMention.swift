import RedflagCore
import RedflagJournal

/// A date written in a notes file: a dated heading or a block that starts with its own date.
///
/// `line` is 1-based; `column` is the 1-based UTF-8 byte offset of the date's first digit.
struct DateMention: Hashable, Sendable {
    var date: CalendarDate
    var line: Int
    var column: Int

    /// The dates written in `file`, in line order (a heading and the entries under it that carry
    /// its date by inheritance are one mention, the heading's).
    static func all(in file: ParsedFile) -> [DateMention] {
        var mentions: [DateMention] = []
        var seenLines = Set<Int>()
        for heading in file.headings {
            // A dated heading always writes its date; in another form than ISO (`5 March 2025`,
            // `## [[2025-03-05]]`) it starts after the heading's hashes and link brackets.
            guard let date = heading.date,
                let column = column(of: date, line: heading.line, in: file.source)
                    ?? firstTextColumn(line: heading.line, in: file.source)
            else {
                continue
            }
            if seenLines.insert(heading.line).inserted {
                mentions.append(DateMention(date: date, line: heading.line, column: column))
            }
        }
        for entry in file.entries {
            guard let date = entry.date, !seenLines.contains(entry.line),
                let column = column(of: date, line: entry.line, in: file.source)
            else { continue }
            seenLines.insert(entry.line)
            mentions.append(DateMention(date: date, line: entry.line, column: column))
        }
        return mentions.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Column of the first character on `line` after markers: heading hashes, list and quote
    /// markers, emphasis and `[[`.
    static func firstTextColumn(line: Int, in source: SourceText) -> Int? {
        let text = Array(source.line(line).utf8)
        let markers = Set(" \t-*+>_#[".utf8)
        return text.firstIndex { !markers.contains($0) }.map { $0 + 1 }
    }

    /// Column of `date` (as `YYYY-MM-DD`) on `line` when only list markers, quote markers, heading
    /// hashes or emphasis come before it.
    static func column(of date: CalendarDate, line: Int, in source: SourceText) -> Int? {
        let text = Array(source.line(line).utf8)
        let needle = Array(date.description.utf8)
        guard text.count >= needle.count else { return nil }
        let allowed = Set(" \t-*+>_#.)0123456789".utf8)
        var start = 0
        while start + needle.count <= text.count {
            if Array(text[start..<(start + needle.count)]) == needle { return start + 1 }
            guard allowed.contains(text[start]) else { return nil }
            start += 1
        }
        return nil
    }
}
