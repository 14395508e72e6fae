import RedflagCore
import RedflagDetector
import RedflagJournal

/// Plans `--fix`: which bytes go where. Pure: bytes and findings in, a `FixPlan` out.
///
/// For each `untagged-incident` finding at or above the threshold, ` #tag` is inserted at the end
/// of the entry's first paragraph: its last text line before a nested list, quote, code block or
/// blank line, before any trailing spaces (which may be a hard break). Nothing else changes: line
/// endings, a BOM, the encoding and every other byte stay as they are.
///
/// A fix is planned only when it is safe and clear: the sign must be the detector's clear first
/// choice (`IncidentSuggestion.margin` at least `minimumMargin`), the entry must not already mention
/// the tag anywhere (a `#legal` inside a `%% comment %%` counts: the user wrote it), and the tag
/// never goes inside or right after an Obsidian `%% … %%` or HTML `<!-- … -->` comment. Every fix
/// is decided from the file as it was read.
///
/// Each planned insertion is checked by parsing the new text: if the entry would not then carry the
/// tag (the line ends inside a code span, say), that finding is skipped and said so, so that a
/// second run never tries the same fix again.
public enum FixPlanner {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Plans the fixes for one file. `bytes` are the file as read now; `file` is its parse. When
    /// the two disagree (the file changed since it was parsed, or it is not valid UTF-8) nothing is
    /// planned and every finding is skipped with the reason.
    public static func plan(
        file: ParsedFile, bytes: [UInt8], findings: [LintFinding], threshold: Double, parser: JournalParser,
        minimumMargin: Double = FixPlanner.minimumMargin
    ) -> FixPlan {
        let candidates = findings.filter {
            $0.file == file.path && $0.rule == UntaggedIncidentRule.id && ($0.suggestion?.confidence ?? 0) >= threshold
        }
        var unclear: [FixPlan.Skip] = []
        let fixable = candidates.filter { finding in
            guard let suggestion = finding.suggestion, suggestion.margin < minimumMargin else { return true }
            unclear.append(
                FixPlan.Skip(
                    line: finding.line,
                    reason: "#\(suggestion.tag) is not the detector's clear first choice (margin "
                        + "\(Int((suggestion.margin * 100).rounded()))% < \(Int((minimumMargin * 100).rounded()))%): "
                        + "choose the tag yourself"))
            return false
        }
        var plan = FixPlan(path: file.path, original: bytes, insertions: [], skipped: unclear)
        guard !fixable.isEmpty else { return plan }
        let prefix = file.hasBOM ? bom : []
        guard bytes == prefix + Array(file.source.text.utf8) else {
            plan.skipped += fixable.map {
                FixPlan.Skip(line: $0.line, reason: "the file is not valid UTF-8 or changed while it was linted")
            }
            return plan
        }
        var byOffset: [Int: FixPlan.Insertion] = [:]
        var unsafe: [FixPlan.Skip] = []
        for finding in fixable {
            guard let tag = finding.suggestion?.tag, let lines = finding.entryLines else { continue }
            if mentions(tag: tag, in: file.source.lines(lines.lowerBound, through: lines.upperBound)) {
                unsafe.append(FixPlan.Skip(line: finding.line, reason: "the entry already mentions #\(tag)"))
                continue
            }
            let (line, end) = insertionPoint(in: file.source, entryLines: lines)
            if let reason = commentProblem(in: file.source, entryLines: lines, line: line, offset: end) {
                unsafe.append(FixPlan.Skip(line: finding.line, reason: reason))
                continue
            }
            let offset = prefix.count + end
            if byOffset[offset] == nil {
                byOffset[offset] = FixPlan.Insertion(
                    offset: offset, text: " #" + tag, line: line, findingLine: finding.line)
            }
        }
        var insertions = byOffset.values.sorted { $0.offset < $1.offset }
        // Keep only the insertions after which the entry carries the tag.
        let reparsed = parser.parse(path: file.path, client: file.client, bytes: apply(insertions, to: bytes))
        var skipped: [FixPlan.Skip] = plan.skipped + unsafe
        insertions = insertions.filter { insertion in
            let tag = String(insertion.text.dropFirst(2))
            let tagged = reparsed.entries.contains { entry in
                (entry.line...max(entry.line, entry.endLine)).contains(insertion.findingLine)
                    && entry.tags.contains { $0.name == tag && $0.line == insertion.line }
            }
            if !tagged {
                skipped.append(
                    FixPlan.Skip(line: insertion.findingLine, reason: "#\(tag) would not be read as a tag there"))
            }
            return tagged
        }
        plan.insertions = insertions
        plan.skipped = skipped
        return plan
    }

    /// The least `IncidentSuggestion.margin` for `--fix` to add a tag: the best sign at least three
    /// times as likely as the runner-up.
    public static let minimumMargin = 0.5

    /// Whether `text` holds `#tag` (or `#tag/subtype`) as written, in a comment or not.
    static func mentions(tag: String, in text: String) -> Bool {
        var rest = text.lowercased()[...]
        let needle = "#" + tag.lowercased()
        while let range = rest.range(of: needle) {
            let next = rest[range.upperBound...].first
            if next == nil || !(next?.isLetter ?? false || next?.isNumber ?? false || next == "-" || next == "_") {
                return true
            }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Why the tag cannot go at `offset` (a byte offset in `source.text`, on `line`): it would land
    /// inside a `%% … %%` or `<!-- … -->` comment, or right after one. Nil when it can.
    static func commentProblem(in source: SourceText, entryLines lines: ClosedRange<Int>, line: Int, offset: Int)
        -> String?
    {
        let start = source.byteRange(ofLine: lines.lowerBound).lowerBound
        guard offset >= start else { return nil }
        let utf8 = source.text.utf8
        let before = String(
            decoding: utf8[
                utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offset)],
            as: UTF8.self)
        let obsidian = before.components(separatedBy: "%%").count - 1
        let opened = before.components(separatedBy: "<!--").count - 1
        let closed = before.components(separatedBy: "-->").count - 1
        if obsidian % 2 == 1 || opened > closed { return "the tag would go inside a comment" }
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%%") || trimmed.hasSuffix("-->") {
            return "the entry's first paragraph ends in a comment: add the tag yourself"
        }
        return nil
    }

    /// The new bytes: `insertions` (sorted by offset) applied to `bytes`.
    public static func apply(_ insertions: [FixPlan.Insertion], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + insertions.reduce(0) { $0 + $1.text.utf8.count })
        var position = 0
        for insertion in insertions.sorted(by: { $0.offset < $1.offset }) {
            let offset = min(max(insertion.offset, position), bytes.count)
            result += bytes[position..<offset]
            result += Array(insertion.text.utf8)
            position = offset
        }
        result += bytes[position...]
        return result
    }

    /// The line and byte offset (in `source.text`) where the tag goes for an entry spanning `lines`.
    static func insertionPoint(in source: SourceText, entryLines lines: ClosedRange<Int>) -> (line: Int, offset: Int) {
        var last = lines.lowerBound
        let first = source.line(lines.lowerBound).drop { $0 == " " || $0 == "\t" }
        let isHeading = startsBlock(first, isFirst: true)
        // A quote's paragraph goes on over lines that start with `>` too.
        let inQuote = first.hasPrefix(">")
        if !isHeading {
            var number = lines.lowerBound + 1
            while number <= min(lines.upperBound, source.lineCount) {
                var content = source.line(number).drop { $0 == " " || $0 == "\t" }
                if inQuote, content.hasPrefix(">") {
                    content = content.dropFirst().drop { $0 == " " || $0 == "\t" }
                }
                if content.isEmpty || startsBlock(content, isFirst: false) { break }
                last = number
                number += 1
            }
        }
        let range = source.byteRange(ofLine: last)
        let utf8 = Array(
            source.text.utf8[source.text.utf8.index(source.text.utf8.startIndex, offsetBy: range.lowerBound)...]
                .prefix(range.count))
        var end = utf8.count
        func trimBlanks() {
            while end > 0, utf8[end - 1] == UInt8(ascii: " ") || utf8[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        }
        trimBlanks()
        if isHeading {
            // An ATX heading's closing `#`s (`## 2026-03-05 Call ##`) stay last.
            var hashes = end
            while hashes > 0, utf8[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            if hashes < end, hashes > 0, utf8[hashes - 1] == UInt8(ascii: " ") || utf8[hashes - 1] == UInt8(ascii: "\t")
            {
                end = hashes
                trimBlanks()
            }
        }
        return (last, range.lowerBound + end)
    }

    /// True when a line (indentation removed) starts a block that ends the first paragraph: a list
    /// item, a quote, a fence, an HTML comment or a heading. The entry's own first line may start
    /// with a list marker or quote (that is the entry); only a heading stops there.
    private static func startsBlock(_ content: Substring, isFirst: Bool) -> Bool {
        if content.hasPrefix("#") {
            let hashes = content.prefix { $0 == "#" }
            let after = content.dropFirst(hashes.count).first
            if hashes.count <= 6, after == nil || after == " " || after == "\t" { return true }
        }
        if isFirst { return false }
        if content.hasPrefix(">") || content.hasPrefix("```") || content.hasPrefix("~~~") || content.hasPrefix("<!--") {
            return true
        }
        if let first = content.first, "-*+".contains(first) {
            let next = content.dropFirst().first
            return next == nil || next == " " || next == "\t"
        }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = content.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                let next = rest.dropFirst().first
                return next == nil || next == " " || next == "\t"
            }
        }
        return false
    }
}
