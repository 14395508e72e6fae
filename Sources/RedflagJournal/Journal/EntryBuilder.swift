import Foundation
import RedflagCore
internal import RedflagMarkdown

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
    /// How dates are read.
    var dateOptions = DatePrefix.Options.standard
    /// When true, `[[...]]` are links: shown by their visible text, collected in `Entry.links`.
    var wikilinks = true
    /// When true, `%% comments %%` are taken out of every entry's text and Markdown.
    var hidesComments = true
    /// False when the file holds no `%%`: then no entry's Markdown (its lines as written) holds a
    /// comment, and it is not searched for one.
    var markdownMayHoldComments = true
    /// Logseq block properties (`tags::`, `client::`, `template::`), given to the entry they follow.
    var blockProperties: [VaultSyntax.Property] = []

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
    /// `fileTags` resolved, once per file: every entry inherits them.
    private var inheritedFileTags: [Tag] = []
    /// Index in `entries` of the last entry of the current section (code and HTML blocks attach to it).
    private var lastEntry: Int?
    /// Level of an open heading whose date is invalid or ambiguous: its entries stay undated (they
    /// never fall back to the file's date) until a heading of the same or a higher level.
    private var undatedSectionLevel: Int?
    /// The pages linked by the open headings, innermost last, with their levels.
    private var headingLinks: [(level: Int, links: [String])] = []

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
        inheritedFileTags = fileTags.map { resolve($0.raw, line: $0.line, column: $0.column) }
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
        for index in grown.sorted() {
            let markdown = source.lines(entries[index].line, through: entries[index].endLine)
            entries[index].markdown =
                hidesComments && markdownMayHoldComments ? VaultSyntax.removingComments(markdown) : markdown
        }
        applyBlockProperties()
    }

    /// The text a reader sees: wikilinks by their visible text, a callout without its `[!type]`.
    private func visibleText(_ block: MarkdownBlock) -> String {
        var text = hidesComments ? VaultSyntax.removingComments(block.text) : block.text
        if hidesComments, text != block.text {
            text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // `[` is in the text of every wikilink, even one cmark read as a reference link: the
        // common block without one skips the work below (it runs for every block).
        if wikilinks, text.containsByte(UInt8(ascii: "[")) {
            text = Wikilink.replacingWithVisibleText(text)
            // Foam's link reference definitions make cmark read `[[page]]` as a link `[page]`.
            for link in Wikilink.all(in: writtenMarkdown(of: block)) where !link.isTag && !link.isEmbed {
                let body = link.page + (link.fragment.map { "#" + $0 } ?? "") + (link.alias.map { "|" + $0 } ?? "")
                text = text.replacingOccurrences(of: "[" + body + "]", with: link.visibleText)
            }
        }
        if block.kind == .blockQuote, let marker = Self.calloutMarker(text) {
            text = String(text.dropFirst(marker)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// Length of a callout marker `[!warning]`, `[!note]-`, `[!tip]+` at the start of `text`.
    static func calloutMarker(_ text: String) -> Int? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let type = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard !type.isEmpty, type.count <= 40, type.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else {
            return nil
        }
        var end = text.index(after: close)
        if end < text.endIndex, text[end] == "+" || text[end] == "-" { end = text.index(after: end) }
        return text.distance(from: text.startIndex, to: end)
    }

    /// Pages a block links: wikilinks `[[Page]]` (not embeds of files), Markdown links to `.md`
    /// files (`[Acme](clients/acme.md)`, as Foam writes them).
    private func links(in block: MarkdownBlock, markdown written: String) -> [String] {
        guard written.containsByte(UInt8(ascii: "[")) else { return [] }
        var pages: [String] = []
        if wikilinks {
            for link in Wikilink.all(in: written)
            where !link.page.isEmpty && !(link.isEmbed && link.page.contains(".")) {
                pages.append(link.page)
            }
        }
        let markdown = Array(written.utf8)
        var index = 0
        while index + 1 < markdown.count {
            guard markdown[index] == UInt8(ascii: "]"), markdown[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < markdown.count, markdown[end] != UInt8(ascii: ")"), markdown[end] != 0x20,
                markdown[end] != UInt8(ascii: "\n")
            {
                end += 1
            }
            var destination = String(decoding: markdown[(index + 2)..<end], as: UTF8.self)
            if let hash = destination.firstIndex(of: "#") { destination = String(destination[..<hash]) }
            if destination.lowercased().hasSuffix(".md"), !destination.contains("://") {
                let name = destination.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
                if !name.isEmpty { pages.append(name.removingPercentEncoding ?? name) }
            }
            index = end
        }
        return pages
    }

    /// Gives each block property to the entry it belongs to: `tags::` adds tags, `client::` links a
    /// page, and a `template::` block is a template, not an entry.
    private mutating func applyBlockProperties() {
        guard !blockProperties.isEmpty, !entries.isEmpty else { return }
        var templates = Set<Int>()
        for property in blockProperties {
            guard let index = entries.lastIndex(where: { $0.line <= property.line }) else { continue }
            switch property.key {
            case "template", "template-including-parent":
                templates.insert(index)
            case "client":
                entries[index].links.append(FrontMatterFields.unlinked(property.value))
            case "tags", "tag":
                var fields = FrontMatterFields()
                FrontMatterFields.read(properties: [property], into: &fields)
                entries[index].tags += fields.tags.map { resolve($0.raw, line: $0.line, column: $0.column) }
            default:
                break
            }
        }
        entries = entries.enumerated().filter { !templates.contains($0.offset) }.map(\.element)
    }

    /// The date of a block without its own: its section's, else the file's (unless a heading with
    /// a bad date is open).
    private var inheritedDate: CalendarDate? {
        section?.date ?? (undatedSectionLevel == nil ? fileDate : nil)
    }

    private mutating func heading(_ block: MarkdownBlock, level: Int) {
        if let open = section, level <= open.level { closeSection() }
        if let undated = undatedSectionLevel, level <= undated { undatedSectionLevel = nil }
        lastEntry = nil
        let tags = tags(in: block)
        let text = visibleText(block)
        headingLinks.removeAll { $0.level >= level }
        headingLinks.append((level, links(in: block, markdown: markdown(of: block))))
        guard let prefix = DatePrefix.parse(text, options: dateOptions) else {
            headings.append(
                Heading(level: level, line: block.span.startLine, text: text, date: nil, invalidDate: nil))
            // A heading that is not dated is structure; with a tag it is also an entry.
            if !tags.isEmpty {
                appendEntry(
                    block, date: inheritedDate, time: nil, title: nil, text: text, ownTags: tags)
            }
            return
        }
        guard let date = prefix.date else {
            headings.append(
                Heading(
                    level: level, line: block.span.startLine, text: text, date: nil, invalidDate: prefix.written))
            invalidDate(prefix, block: block, consequence: "the entries under it are undated")
            undatedSectionLevel = level
            if !tags.isEmpty {
                appendEntry(
                    block, date: inheritedDate, time: nil, title: nil, text: text, ownTags: tags)
            }
            return
        }
        headings.append(
            Heading(level: level, line: block.span.startLine, text: text, date: date, invalidDate: nil))
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
        var date = inheritedDate
        let visible = visibleText(block)
        var text = visible
        var time = section?.time
        if let prefix = DatePrefix.parse(text, options: dateOptions) {
            if let own = prefix.date {
                date = own
                time = prefix.time
                text = prefix.rest
            } else {
                let consequence =
                    date.map { "the entry keeps the date \($0) of its section or file" } ?? "the entry is undated"
                invalidDate(prefix, block: block, consequence: consequence)
            }
        }
        let ownTags = tags(in: block)
        // An empty block (Logseq's trailing `-`, only properties or a comment) is no entry.
        if block.kind == .item || block.kind == .paragraph, visible.isEmpty, ownTags.isEmpty,
            block.children.isEmpty,
            !blockProperties.contains(where: { $0.line == block.span.startLine && $0.key.hasPrefix("tag") })
        {
            return
        }
        appendEntry(block, date: date, time: time, title: section?.title, text: text, ownTags: ownTags)
        section?.entryCount += 1
        lastEntry = entries.count - 1
    }

    private mutating func appendEntry(
        _ block: MarkdownBlock, date: CalendarDate?, time: String?, title: String?, text: String, ownTags: [Tag]
    ) {
        let inherited = (section?.tags ?? []) + inheritedFileTags
        let markdown = markdown(of: block)
        var entry = Entry(
            client: client, date: date, time: time, title: title, file: path, line: block.span.startLine,
            column: block.span.startColumn, endLine: max(block.span.startLine, block.span.endLine), text: text,
            markdown: markdown, tags: ownTags + inherited)
        entry.links = links(in: block, markdown: markdown)
        entry.headingLinks = headingLinks.last { !$0.links.isEmpty && $0.level < levelOf(block) }?.links ?? []
        entries.append(entry)
    }

    private mutating func attachToLastEntry(_ block: MarkdownBlock) {
        guard let index = lastEntry else { return }
        entries[index].endLine = max(entries[index].endLine, block.span.endLine)
        // Its Markdown is taken once, when the build ends: thousands of code blocks under one entry
        // must not copy its growing text thousands of times.
        grown.insert(index)
    }

    private func levelOf(_ block: MarkdownBlock) -> Int {
        if case let .heading(level) = block.kind { return level }
        return Int.max
    }

    /// Reports a date-shaped prefix that gives no day: an impossible day, or a slashed date whose
    /// order of day and month is not configured.
    private mutating func invalidDate(_ prefix: DatePrefix, block: MarkdownBlock, consequence: String) {
        guard prefix.problem == .ambiguousOrder else {
            invalidDate(prefix.written, block: block, consequence: consequence)
            return
        }
        diagnostics.append(
            Diagnostic(
                .warning, file: path, line: block.span.startLine, column: column(of: prefix.written, block: block),
                message: "'\(prefix.written)' could be day/month or month/day; \(consequence)",
                hint: "write it as YYYY-MM-DD, or say 'dates: dmy' or 'dates: mdy' in redflag.yml",
                topic: .ambiguousDate))
    }

    private func column(of written: String, block: MarkdownBlock) -> Int {
        let lineText = source.line(block.span.startLine)
        return lineText.utf8.firstRange(of: written.utf8).map {
            lineText.utf8.distance(from: lineText.utf8.startIndex, to: $0.lowerBound) + 1
        } ?? block.span.startColumn
    }

    /// Entries that code or HTML blocks were attached to: their Markdown is re-read at the end.
    private var grown: Set<Int> = []

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
                hint: "write an existing day (as YYYY-MM-DD, or 5 March 2025)", topic: .invalidDate))
    }

    private mutating func collectComments(_ block: MarkdownBlock) {
        guard !block.comments.isEmpty || block.children.contains(where: { !$0.comments.isEmpty }) else { return }
        for comment in block.comments + block.children.flatMap(\.comments) {
            var text = Substring(comment.literal)
            if text.hasPrefix("<!--") { text = text.dropFirst(4) }
            if let end = text.range(of: "-->") { text = text[..<end.lowerBound] }
            let lines = SourceText.lineBreakCount(in: comment.literal)
            let last = comment.literal.utf8.last
            let endsWithBreak = last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")
            comments.append(
                HTMLComment(
                    text: text.trimmingCharacters(in: .whitespaces).trimmingTrailingWhitespace(), line: comment.line,
                    column: comment.column, endLine: comment.line + lines - (endsWithBreak ? 1 : 0)))
        }
    }

    private func tags(in block: MarkdownBlock) -> [Tag] {
        block.leaves.flatMap { leaf in
            scanner.scan(startLine: leaf.startLine, startColumn: leaf.startColumn, endLine: leaf.endLine)
        }.compactMap { found in
            let tag = resolve(found.raw, line: found.line, column: found.column)
            // A page reference is a tag only when it names one (`[[late]]`), not any page (`[[Acme]]`).
            return found.isPageReference && !tag.isKnown ? nil : tag
        }
    }

    private func resolve(_ raw: String, line: Int, column: Int) -> Tag {
        var name = raw
        // Most tags are ASCII without brackets or spaces (`#late`): the name as written.
        if !raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "[") }) {
            if name.hasPrefix("[["), name.hasSuffix("]]") { name = String(name.dropFirst(2).dropLast(2)) }
            // Logseq `#[[late payment]]`, `tags:: changed mind`: words joined as one tag name.
            name = name.split(whereSeparator: \.isWhitespace).joined(separator: "-")
        }
        let resolution = vocabulary.resolve(name)
        return Tag(
            name: resolution.name, subtype: resolution.subtype, raw: raw, file: path, line: line, column: column,
            isKnown: resolution.isKnown)
    }

    /// The block's Markdown as written (without comments); list items lose their marker and its
    /// indentation.
    private func markdown(of block: MarkdownBlock) -> String {
        let markdown = writtenMarkdown(of: block)
        return hidesComments && markdownMayHoldComments ? VaultSyntax.removingComments(markdown) : markdown
    }

    private func writtenMarkdown(of block: MarkdownBlock) -> String {
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
        var out = String(decoding: firstLine[min(contentIndent, firstLine.count)...], as: UTF8.self)
        guard last > first else { return out }
        // The other lines, each without up to `contentIndent` leading spaces, from the bytes as written;
        // whitespace-only lines at the end are left out (the first line always stays).
        var rest: [UInt8] = []
        var keptEnd = 0  // `rest.count` after the last line that is not only whitespace
        for number in (first + 1)...last {
            let line = source.line(number)
            let bytes = line.utf8
            var leading = 0
            for byte in bytes {
                guard byte == 0x20 else { break }
                leading += 1
            }
            // A space followed by a combining mark is one character that is not a space: count
            // characters, as a reader of the text would.
            if leading > 0, bytes.count > leading,
                bytes[bytes.index(bytes.startIndex, offsetBy: leading)] >= 0x80
            {
                leading = line.prefix { $0 == " " }.count
            }
            rest.append(UInt8(ascii: "\n"))
            rest.append(contentsOf: bytes.dropFirst(min(leading, contentIndent)))
            if !Self.isBlank(bytes.dropFirst(min(leading, contentIndent))) { keptEnd = rest.count }
        }
        out += String(decoding: rest[..<keptEnd], as: UTF8.self)
        return out
    }

    /// True when `bytes` (a line, or its end) are whitespace only, as `Character.isWhitespace` says.
    private static func isBlank(_ bytes: Substring.UTF8View) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return String(Substring(bytes)).allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }
}
