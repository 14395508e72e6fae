internal import Crypto
import Foundation
import RedflagCore
internal import RedflagMarkdown

/// Turns the bytes of one notes file into entries: pure, one file at a time, no shared state.
///
/// The pipeline: decode (BOM, invalid UTF-8) → front matter (YAML, blanked so line numbers stay)
/// → cmark block outline → journal grammar (dated sections, dated items, entries) → tags found in
/// the original source and resolved against the vocabulary.
public struct JournalParser: Sendable {
    public var vocabulary: Vocabulary
    /// How slashed dates are read (`dates:` in `redflag.yml`).
    public var slashedDateOrder: SlashedDateOrder?
    /// Conventions turned off in `redflag.yml`.
    public var disabledConventions: Set<NotesConvention> = []
    /// True in a Logseq graph: a page reference to a tag of the vocabulary (`[[late]]`) is that tag.
    public var pageReferencesAreTags = false

    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// A parser that reads notes as `configuration` says (vocabulary, dates, conventions).
    public init(configuration: Configuration) {
        vocabulary = configuration.vocabulary
        slashedDateOrder = configuration.slashedDateOrder
        disabledConventions = configuration.disabledConventions
    }

    private func uses(_ convention: NotesConvention) -> Bool { !disabledConventions.contains(convention) }

    var dateOptions: DatePrefix.Options {
        DatePrefix.Options(humanDates: uses(.humanDates), slashedOrder: slashedDateOrder)
    }

    /// Parses one file. `path` is relative to the notes directory; `client` is the client id.
    ///
    /// A file that is not text (NUL bytes, UTF-16, UTF-32) yields an error naming what it looks like
    /// and no entries; a file in an 8-bit encoding (Windows-1251, say) is read with its invalid bytes
    /// shown as U+FFFD and a warning naming the encoding; one too complex for cmark to parse in
    /// linear time yields an error and no entries.
    public func parse(path: String, client: ClientID, bytes: [UInt8]) -> ParsedFile {
        var file = parseText(path: path, client: client, bytes: bytes)
        file.digest = Self.digest(of: bytes)
        return file
    }

    /// SHA-256 of `bytes`, lowercase hex: a file's `ParsedFile.digest` (and the caches' checksums; the
    /// bytes are not copied).
    public static func digest(of bytes: some DataProtocol) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The text `parse` reads from `bytes`: without a byte order mark, invalid UTF-8 shown as U+FFFD
    /// (empty for a file that is not text).
    public static func sourceText(of bytes: [UInt8]) -> SourceText {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let encoding =
            firstInvalidUTF8(body) == nil && !body.contains(0)
            ? TextEncodingGuess.utf8 : TextEncodingGuess.guess(body, isValidUTF8: firstInvalidUTF8(body) == nil)
        switch encoding {
        case .utf16, .utf32, .binary: return SourceText("")
        case .utf8, .legacy: return SourceText(String(decoding: body, as: UTF8.self))
        }
    }

    private func parseText(path: String, client: ClientID, bytes: [UInt8]) -> ParsedFile {
        var diagnostics: [Diagnostic] = []
        var body = bytes[...]
        let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body = body.dropFirst(3) }
        let firstInvalid = Self.firstInvalidUTF8(body)
        let nulCount = body.count { $0 == 0 }
        let encoding =
            firstInvalid == nil && nulCount == 0
            ? TextEncodingGuess.utf8 : TextEncodingGuess.guess(body, isValidUTF8: firstInvalid == nil)
        switch encoding {
        case .utf16, .utf32, .binary:
            return Self.unreadable(
                path: path, client: client, bytes: bytes, encoding: encoding, diagnostics: diagnostics)
        case .utf8, .legacy:
            break
        }
        // NUL bytes stay in the source text, so that every column counts the file's own bytes (and
        // `lint --fix` can still write the file back byte for byte); cmark shows them as U+FFFD.
        let text = String(decoding: body, as: UTF8.self)
        let source = SourceText(text)
        if let bad = firstInvalid {
            // The bytes before `bad` are valid, so they are the same in `text`.
            let (line, column) = source.location(ofByte: bad - body.startIndex)
            let guessed = encoding.iconvName.map { name in
                "looks like \(encoding.description); convert it with 'iconv -f \(name) -t UTF-8 FILE > NEW'"
            }
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: line, column: column,
                    message: "invalid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true))); "
                        + "invalid bytes are shown as \u{FFFD}",
                    hint: [guessed, "save the file as UTF-8; its entries are still read"].compactMap { $0 }
                        .joined(separator: ", then ")))
        }
        if nulCount > 0, let nul = body.firstIndex(of: 0) {
            let (line, column) = source.location(ofByte: nul - body.startIndex)
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: line, column: column,
                    message: "\(nulCount == 1 ? "a NUL byte" : "\(nulCount) NUL bytes") in the text",
                    hint: "remove the NUL bytes (a text editor shows them as ^@); the file's entries are still read"))
        }
        let utf8 = Array(text.utf8)

        let (frontMatter, frontFields) = readFrontMatter(
            path: path, source: source, utf8: utf8, diagnostics: &diagnostics)
        // Comments and properties are blanked (same lines and columns) before cmark and the tag
        // scanner see the text; `source` stays the file as written (lint fixes edit it).
        let bodyStart =
            frontMatter.map { $0.endLine < source.lineStarts.count ? source.lineStarts[$0.endLine] : utf8.count } ?? 0
        let syntax = VaultSyntax(utf8, from: bodyStart, comments: uses(.comments), properties: uses(.properties))
        var fields = frontFields
        FrontMatterFields.read(properties: syntax.pageProperties, into: &fields)
        // Only property lines are blanked in `structure`: without any, it is the text as read (no
        // second copy, no second line index).
        let visible =
            syntax.properties.isEmpty ? source : SourceText(String(decoding: syntax.structure, as: UTF8.self))
        // Without front matter, what cmark reads is the visible text itself (no second copy).
        let markdown =
            frontMatter == nil
            ? visible.text
            : String(repeating: "\n", count: frontMatter?.endLine ?? 0)
                + String(decoding: syntax.structure[bodyStart...], as: UTF8.self)
        let outline: MarkdownOutline
        do {
            outline = try CommonMark.outline(of: markdown)
        } catch {
            outline = MarkdownOutline(blocks: [])
            diagnostics.append(
                Diagnostic(
                    .error, file: path, line: error.line, column: 1,
                    message: "too complex to parse safely (\(error.shape.rawValue)); its entries are skipped",
                    hint: "split this part into shorter paragraphs or another file, or remove the deep nesting; "
                        + "its Markdown parser would take minutes on it"))
        }
        var scanner = TagScanner(bytes: syntax.visible, lineStarts: source.lineStarts)
        scanner.wikilinks = uses(.wikilinks)
        scanner.pageReferences = pageReferencesAreTags && uses(.wikilinks)
        let pageLines = Set(syntax.pageProperties.map(\.line))
        var builder = EntryBuilder(
            path: path, client: client, source: visible, scanner: scanner, vocabulary: vocabulary,
            fileDate: Self.fileDate(path, options: dateOptions) ?? fields.date, fileTags: fields.tags)
        builder.dateOptions = dateOptions
        builder.wikilinks = uses(.wikilinks)
        builder.hidesComments = uses(.comments)
        builder.markdownMayHoldComments = VaultSyntax.containsPair(utf8, from: 0, UInt8(ascii: "%"), nil)
        builder.blockProperties = syntax.properties.filter { !pageLines.contains($0.line) }
        builder.build(outline)
        diagnostics += builder.diagnostics
        return ParsedFile(
            path: path, client: client, source: source, frontMatter: frontMatter, fields: fields,
            entries: builder.entries, headings: builder.headings, comments: builder.comments,
            diagnostics: diagnostics, usesCRLF: Self.containsCRLF(utf8),
            hasBOM: hasBOM)
    }

    /// A file that is not text: one error, no entries.
    private static func unreadable(
        path: String, client: ClientID, bytes: [UInt8], encoding: TextEncodingGuess, diagnostics: [Diagnostic]
    ) -> ParsedFile {
        let hint =
            encoding.iconvName.map { "convert it to UTF-8, e.g. 'iconv -f \($0) -t UTF-8 FILE > NEW'" }
            ?? "notes must be UTF-8 text: move this file out of the notes folder, or give it another extension"
        let problem = Diagnostic(
            .error, file: path, line: 1, column: 1,
            message: "not UTF-8 text: looks like \(encoding.description); its entries are skipped", hint: hint)
        return ParsedFile(
            path: path, client: client, source: SourceText(""), frontMatter: nil, fields: FrontMatterFields(),
            entries: [], headings: [], comments: [], diagnostics: diagnostics + [problem], usesCRLF: false,
            hasBOM: false)
    }

    /// Front matter: a first line `---`, YAML, and a closing `---` or `...` line.
    private func readFrontMatter(
        path: String, source: SourceText, utf8: [UInt8], diagnostics: inout [Diagnostic]
    ) -> (FrontMatter?, FrontMatterFields) {
        guard source.lineCount >= 2, source.line(1).trimmingTrailingWhitespace() == "---" else {
            return (nil, FrontMatterFields())
        }
        var closing: Int?
        for number in 2...source.lineCount {
            let line = source.line(number).trimmingTrailingWhitespace()
            if line == "---" || line == "..." {
                closing = number
                break
            }
        }
        guard let closing else {
            diagnostics.append(
                Diagnostic(
                    .warning, file: path, line: 1, column: 1,
                    message: "front matter is not closed: no '---' line after the first",
                    hint: "end the front matter with a line '---', or remove the first '---' line", topic: .frontMatter)
            )
            return (nil, FrontMatterFields())
        }
        let frontMatterBytes = closing < source.lineStarts.count ? source.lineStarts[closing] : utf8.count
        let yaml = closing > 2 ? source.lines(2, through: closing - 1) : ""
        var value: YAMLValue?
        do throws(YAMLError) {
            guard frontMatterBytes <= Self.maximumFrontMatterSize else {
                throw YAMLError(
                    line: 1, column: 1,
                    message: "front matter of \(frontMatterBytes / 1024) KiB is over the limit of "
                        + "\(Self.maximumFrontMatterSize / 1024) KiB and is not read")
            }
            value = try YAMLValue.parse(yaml, lineOffset: 1)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, file: path, line: error.line, column: error.column,
                    message: "invalid front matter: \(error.message)",
                    hint: "fix the YAML between the --- lines; the file's entries are still read", topic: .frontMatter))
        }
        let fields = FrontMatterFields.read(value, file: path, source: source, diagnostics: &diagnostics)
        return (FrontMatter(startLine: 1, endLine: closing, value: value), fields)
    }

    /// The largest front matter read, in bytes (its `---` lines included): a few keys need far less.
    public static let maximumFrontMatterSize = 64 * 1024

    /// The date of a daily note or journal: a file named `YYYY-MM-DD.md`, Logseq's `YYYY_MM_DD.md`,
    /// or a date as people write it (`5 March 2025.md`), with nothing else in the name but a weekday.
    static func fileDate(_ path: String, options: DatePrefix.Options = .standard) -> CalendarDate? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.lowercased().hasSuffix(".md") else { return nil }
        var stem = String(name.dropLast(3))
        let bytes = Array(stem.utf8)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "_"), bytes[7] == UInt8(ascii: "_") {
            stem = stem.replacingOccurrences(of: "_", with: "-")
        }
        guard let prefix = DatePrefix.parse(stem, options: options), prefix.rest.isEmpty else { return nil }
        return prefix.date
    }

    /// True when `bytes` hold a `\r\n`.
    static func containsCRLF(_ bytes: [UInt8]) -> Bool {
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: UInt8(ascii: "\r")) {
            if found + 1 < bytes.endIndex, bytes[found + 1] == UInt8(ascii: "\n") { return true }
            index = found + 1
        }
        return false
    }

    /// Index of the first byte that is not part of valid UTF-8, nil when all is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                value = value << 6 | UInt32(next & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            index += length
        }
        return nil
    }
}
