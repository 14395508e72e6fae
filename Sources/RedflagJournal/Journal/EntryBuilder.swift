import Foundation
import RedflagCore
import RedflagMarkdown

/// The journal grammar over a cmark block outline: dated sections, dated blocks, entries.
struct EntryBuilder {
    let path: String
    let client: ClientID
    let source: SourceText
    let scanner: TagScanner
    let vocabulary: Vocabulary
    /// The date of a file named `YYYY-MM-DD.md`.
    let fileDate: CalendarDate?
    /// Front matter `tags:` (apply to every entry of the file).
    let fileTags: [FrontMatterFields.WrittenTag]

    private(set) var entries: [Entry] = []
    private(set) var headings: [Heading] = []
    private(set) var comments: [HTMLComment] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// The dated section currently open.
    private struct Section {
        var level: Int
        var date: CalendarDate
        var time: String?
        var title: String?
        var tags: [Tag]
        var heading: MarkdownBlock
        var entryCount = 0
    }

    private var section: Section?
    /// Index in `entries` of the last entry of the current section (code and HTML blocks attach to it).
    private var lastEntry: Int?

    init(
        path: String, client: ClientID, source: SourceText, scanner: TagScanner, vocabulary: Vocabulary,
        fileDate: CalendarDate?, fileTags: [FrontMatterFields.WrittenTag]
    ) {
        self.path = path
        self.client = client
        self.source = source
        self.scanner = scanner
        self.vocabulary = vocabulary
        self.fileDate = fileDate
        self.fileTags = fileTags
    }

    mutating func build(_ outline: MarkdownOutline) {
        for block in outline.blocks {
            collectComments(block)
            switch block.kind {
            case let .heading(level):
                heading(block, level: level)
            case .paragraph, .blockQuote:
                addEntry(block)
            case .list:
                for item in block.children { addEntry(item) }
            case .codeBlock, .htmlBlock:
                attachToLastEntry(block)
            case .item, .thematicBreak:
                break
            }
        }
        closeSection()
    }

    private mutating func heading(_ block: MarkdownBlock, level: Int) {
        if let open = section, level <= open.level { closeSection() }
        lastEntry = nil
        let tags = tags(in: block)
        guard let prefix = DatePrefix.parse(block.text) else {
            headings.append(
                Heading(level: level, line: block.span.startLine, text: block.text, date: nil, invalidDate: nil))
            // A heading that is not dated is structure; with a tag it is also an entry.
            if !tags.isEmpty {
                appendEntry(
                    block, date: section?.date ?? fileDate, time: nil, title: nil, text: block.text, ownTags: tags)
            }
            return
        }
        guard let date = prefix.date else {
            headings.append(
                Heading(
                    level: level, line: block.span.startLine, text: block.text, date: nil, invalidDate: prefix.written))
            invalidDate(prefix.written, block: block, consequence: "the heading opens no dated section")
            if !tags.isEmpty {
                appendEntry(
                    block, date: section?.date ?? fileDate, time: nil, title: nil, text: block.text, ownTags: tags)
            }
            return
        }
        headings.append(
            Heading(level: level, line: block.span.startLine, text: block.text, date: date, invalidDate: nil))
        section = Section(
            level: level, date: date, time: prefix.time, title: prefix.rest.isEmpty ? nil : prefix.rest, tags: tags,
            heading: block)
    }

    /// A dated section with no block under it still yields one entry: its heading.
    private mutating func closeSection() {
        if let open = section, open.entryCount == 0 {
            section = nil
            appendEntry(
                open.heading, date: open.date, time: open.time, title: open.title, text: open.title ?? "",
                ownTags: open.tags)
        }
        section = nil
        lastEntry = nil
    }

    private mutating func addEntry(_ block: MarkdownBlock) {
        var date = section?.date ?? fileDate
        var text = block.text
        var time = section?.time
        if let prefix = DatePrefix.parse(block.text) {
            if let own = prefix.date {
                date = own
                time = prefix.time
                text = prefix.rest
            } else {
                let consequence =
                    date.map { "the entry keeps the date \($0) of its section or file" } ?? "the entry is undated"
                invalidDate(prefix.written, block: block, consequence: consequence)
            }
        }
        appendEntry(block, date: date, time: time, title: section?.title, text: text, ownTags: tags(in: block))
        section?.entryCount += 1
        lastEntry = entries.count - 1
    }

    private mutating func appendEntry(
        _ block: MarkdownBlock, date: CalendarDate?, time: String?, title: String?, text: String, ownTags: [Tag]
    ) {
        let inherited = (section?.tags ?? []) + fileTags.map { resolve($0.raw, line: $0.line, column: $0.column) }
        entries.append(
            Entry(
                client: client, date: date, time: time, title: title, file: path, line: block.span.startLine,
                column: block.span.startColumn, endLine: max(block.span.startLine, block.span.endLine), text: text,
                markdown: markdown(of: block), tags: ownTags + inherited))
    }

    private mutating func attachToLastEntry(_ block: MarkdownBlock) {
        guard let index = lastEntry else { return }
        entries[index].endLine = max(entries[index].endLine, block.span.endLine)
        entries[index].markdown = source.lines(entries[index].line, through: entries[index].endLine)
    }

    /// Warns about a date-shaped word that is not a day; `consequence` says what happens to the block.
    private mutating func invalidDate(_ written: String, block: MarkdownBlock, consequence: String) {
        let lineText = source.line(block.span.startLine)
        let column =
            lineText.utf8.firstRange(of: written.utf8).map {
                lineText.utf8.distance(from: lineText.utf8.startIndex, to: $0.lowerBound) + 1
            }
            ?? block.span.startColumn
        diagnostics.append(
            Diagnostic(
                .warning, file: path, line: block.span.startLine, column: column,
                message: "'\(written)' is not a valid date; \(consequence)",
                hint: "write an existing day as YYYY-MM-DD", topic: .invalidDate))
    }

    private mutating func collectComments(_ block: MarkdownBlock) {
        for comment in block.comments + block.children.flatMap(\.comments) {
            var text = Substring(comment.literal)
            if text.hasPrefix("<!--") { text = text.dropFirst(4) }
            if let end = text.range(of: "-->") { text = text[..<end.lowerBound] }
            let lines = comment.literal.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            comments.append(
                HTMLComment(
                    text: text.trimmingCharacters(in: .whitespaces).trimmingTrailingWhitespace(), line: comment.line,
                    column: comment.column, endLine: comment.line + lines - (comment.literal.hasSuffix("\n") ? 1 : 0)))
        }
    }

    private func tags(in block: MarkdownBlock) -> [Tag] {
        block.leaves.flatMap { leaf in
            scanner.scan(startLine: leaf.startLine, startColumn: leaf.startColumn, endLine: leaf.endLine)
        }.map { resolve($0.raw, line: $0.line, column: $0.column) }
    }

    private func resolve(_ raw: String, line: Int, column: Int) -> Tag {
        let resolution = vocabulary.resolve(raw)
        return Tag(
            name: resolution.name, subtype: resolution.subtype, raw: raw, file: path, line: line, column: column,
            isKnown: resolution.isKnown)
    }

    /// The block's Markdown as written; list items lose their marker and its indentation.
    private func markdown(of block: MarkdownBlock) -> String {
        let first = block.span.startLine
        let last = max(first, block.span.endLine)
        guard block.kind == .item else { return source.lines(first, through: last) }
        let firstLine = Array(source.line(first).utf8)
        var index = min(firstLine.count, block.span.startColumn - 1)
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
}
