import Foundation
import RedflagCore

/// The known keys of a file's front matter, read from its YAML.
public struct FrontMatterFields: Hashable, Sendable {
    /// A tag of `tags:` as written (without `#`), with its 1-based line and UTF-8 byte column.
    public struct WrittenTag: Hashable, Sendable {
        public var raw: String
        public var line: Int
        public var column: Int
    }

    public var client: String?
    public var aliases: [String] = []
    public var contact: String?
    public var since: CalendarDate?
    public var billing: Billing?
    public var rate: String?
    public var status: String?
    /// `tags:` with the line and column (UTF-8 bytes) of each item.
    public var tags: [WrittenTag] = []
    /// `date:`: dates the file's undated entries when its name holds no date.
    public var date: CalendarDate?
    /// `created:`: when the note was made. It dates the undated entries of a shared note (a meeting
    /// note) like `date:`, never those of a client's own page (`Attribution` applies it).
    public var created: CalendarDate?
    /// `title:` (Logseq's page title), when given.
    public var title: String?
    /// True when the page says it is a client page: `type: client`, or `client` among its tags.
    public var marksClient = false
    /// `client:` written as a link (`[[Acme]]`): the page the file's entries belong to.
    public var clientLink: String?
    /// Other keys, as text.
    public var extra: [String: String] = [:]

    public static let knownKeys = [
        "client", "aliases", "alias", "contact", "since", "billing", "rate", "status", "tags", "tag", "date",
        "created", "title", "type",
    ]

    public init() {}

    /// The names a page-level tag list uses to mark a client page; they are not applied as tags.
    static let clientMarkers: Set<String> = ["client", "clients", "клиент", "клиенты"]
    public static let statuses = ["active", "ended"]

    /// Reads the fields; problems (a `billing:` that is not hourly/fixed/retainer, a bad `since:`)
    /// are appended to `diagnostics` as warnings with their line.
    static func read(
        _ value: YAMLValue?, file: String, source: SourceText, diagnostics: inout [Diagnostic]
    ) -> FrontMatterFields {
        var fields = FrontMatterFields()
        guard let value else { return fields }
        guard let pairs = value.pairs else {
            diagnostics.append(
                Diagnostic(
                    .warning, file: file, line: value.line, column: 1,
                    message: "front matter must be a mapping of keys (client:, billing:, ...), found \(value.kindName)",
                    hint: "write one 'key: value' per line between the --- lines", topic: .frontMatter))
            return fields
        }
        func text(_ value: YAMLValue) -> String? {
            switch value {
            case let .scalar(text, _, _): return text
            case let .sequence(items, _, _): return items.compactMap(\.string).joined(separator: ", ")
            case .mapping: return nil
            }
        }
        func list(_ value: YAMLValue) -> [YAMLValue] {
            if case let .sequence(items, _, _) = value { return items }
            // "tags: late, lie" is accepted as a comma-separated list.
            if case let .scalar(text, line, column) = value, !text.isEmpty {
                return text.split(separator: ",").map {
                    .scalar($0.trimmingCharacters(in: .whitespaces), line: line, column: column)
                }
            }
            return []
        }
        for (position, pair) in pairs.enumerated() {
            switch pair.key.lowercased() {
            case "client":
                let written = text(pair.value) ?? ""
                fields.client = unlinked(written)
                if written.hasPrefix("[[") { fields.clientLink = unlinked(written) }
            case "aliases", "alias": fields.aliases = list(pair.value).compactMap(\.string).map(unlinked)
            case "title": fields.title = text(pair.value).map(unlinked)
            case "type":
                let written = text(pair.value) ?? ""
                if clientMarkers.contains(unlinked(written).lowercased()) {
                    fields.marksClient = true
                } else {
                    fields.extra[pair.key] = written
                }
            case "date", "created":
                let written = text(pair.value) ?? ""
                if let date = Self.date(written) {
                    if pair.key.lowercased() == "date" { fields.date = date } else { fields.created = date }
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, line: pair.value.line, column: byteColumn(pair.value, source),
                            message: "'\(pair.key): \(written)' is not a date, so it dates no entry",
                            hint: "write the date as YYYY-MM-DD", topic: .frontMatter))
                }
            case "contact": fields.contact = text(pair.value)
            case "rate": fields.rate = text(pair.value)
            case "since":
                let written = text(pair.value) ?? ""
                if let date = CalendarDate(iso: written) {
                    fields.since = date
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, line: pair.value.line, column: byteColumn(pair.value, source),
                            message: "'since: \(written)' is not a date", hint: "write the date as YYYY-MM-DD",
                            topic: .frontMatter))
                }
            case "billing":
                let written = (text(pair.value) ?? "").lowercased()
                if let billing = Billing(written: written) {
                    fields.billing = billing
                } else {
                    let suggestion =
                        Spelling.closest(to: written, in: Billing.allCases.map(\.rawValue))
                        .map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, line: pair.value.line, column: byteColumn(pair.value, source),
                            message: "unknown billing '\(written)'\(suggestion)",
                            hint:
                                "use hourly, fixed or retainer (or monthly, milestones, t&m…); the changed-mind rule depends on it",
                            topic: .frontMatter))
                }
            case "status":
                let written = (text(pair.value) ?? "").lowercased()
                if !statuses.contains(written) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, line: pair.value.line, column: byteColumn(pair.value, source),
                            message: "unknown status '\(written)'", hint: "use active or ended", topic: .frontMatter))
                }
                fields.status = written
            case "tags", "tag":
                let nextKeyLine = position + 1 < pairs.count ? pairs[position + 1].keyValue.line : nil
                for tag in tagList(pair, until: nextKeyLine, source: source) {
                    if clientMarkers.contains(tag.raw.lowercased()) {
                        fields.marksClient = true
                    } else if tag.raw.unicodeScalars.count > Tag.maximumLength {
                        diagnostics.append(
                            Diagnostic(
                                .warning, file: file, line: tag.line, column: tag.column,
                                message: "a tag of \(tag.raw.unicodeScalars.count) characters is not read as a tag",
                                hint: "tags are at most \(Tag.maximumLength) characters", topic: .frontMatter))
                    } else {
                        fields.tags.append(tag)
                    }
                }
            default:
                fields.extra[pair.key] = text(pair.value) ?? ""
            }
        }
        return fields
    }

    /// The tags of a `tags:` entry in any shape Obsidian reads: a YAML list (block or flow), a string
    /// of names separated by spaces or commas, each with or without `#`. An unquoted `#` starts a
    /// YAML comment (`tags: #late #lie`); those names are read from the source lines instead.
    static func tagList(
        _ pair: (key: String, keyValue: YAMLValue, value: YAMLValue), until nextKeyLine: Int?, source: SourceText
    ) -> [WrittenTag] {
        var tags: [WrittenTag] = []
        var items: [YAMLValue]
        if case let .sequence(list, _, _) = pair.value { items = list } else { items = [pair.value] }
        items = items.filter { !($0.string ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        for item in items {
            guard let text = item.string else { continue }
            let line = source.line(item.line)
            var from = byteColumn(item, source) - 1
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
                let name = unlinked(word.hasPrefix("#") ? String(word.dropFirst()) : String(word))
                guard !name.isEmpty else { continue }
                let column = byteOffset(of: String(word), in: line, from: from)
                if let column { from = column + word.utf8.count }
                tags.append(WrittenTag(raw: name, line: item.line, column: (column ?? from) + 1))
            }
        }
        guard tags.isEmpty else { return tags }
        // Nothing as YAML: read `#names` from the lines of the entry (after the key, or after `- `).
        let first = pair.keyValue.line
        let last = min(source.lineCount, max(first, (nextKeyLine ?? source.lineCount + 1) - 1))
        for number in first...last {
            let line = Array(source.line(number).utf8)
            var index = 0
            if number == first, let colon = line.firstIndex(of: UInt8(ascii: ":")) { index = colon + 1 }
            while index < line.count {
                guard line[index] == UInt8(ascii: "#"), index == 0 || line[index - 1] == 0x20 || line[index - 1] == 0x2C
                else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < line.count, line[end] != 0x20, line[end] != 0x2C, line[end] != 0x09 { end += 1 }
                let name = String(decoding: line[(index + 1)..<end], as: UTF8.self)
                if Configuration.isTagName(name) { tags.append(WrittenTag(raw: name, line: number, column: index + 1)) }
                index = end
            }
        }
        return tags
    }

    /// Logseq page properties (`client:: Kestrel Apps`, `tags:: #acme, late`, `alias:: KA`) read as
    /// the same fields as front matter; front matter, when both are given, wins.
    static func read(properties: [VaultSyntax.Property], into fields: inout FrontMatterFields) {
        for property in properties {
            let values = property.value.split(separator: ",").map {
                unlinked($0.trimmingCharacters(in: .whitespaces))
            }.filter { !$0.isEmpty }
            switch property.key {
            case "client":
                if fields.client == nil { fields.client = unlinked(property.value) }
                if property.value.containsBytes("[["), fields.clientLink == nil {
                    fields.clientLink = unlinked(property.value)
                }
            case "alias", "aliases": fields.aliases += values.filter { !fields.aliases.contains($0) }
            case "title": fields.title = fields.title ?? unlinked(property.value)
            case "type":
                if values.contains(where: { clientMarkers.contains($0.lowercased()) }) { fields.marksClient = true }
            case "billing":
                if fields.billing == nil { fields.billing = Billing(written: property.value) }
            case "contact": fields.contact = fields.contact ?? property.value
            case "rate": fields.rate = fields.rate ?? property.value
            case "status": fields.status = fields.status ?? property.value.lowercased()
            case "since": fields.since = fields.since ?? DatePrefix.parse(property.value)?.date
            case "date": fields.date = fields.date ?? date(unlinked(property.value))
            case "created": fields.created = fields.created ?? date(unlinked(property.value))
            case "tags", "tag":
                var from = property.valueColumn - 1
                for word in property.value.split(separator: ",") {
                    let trimmed = word.trimmingCharacters(in: .whitespaces)
                    let name = unlinked(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed)
                    guard !name.isEmpty else { continue }
                    let column = from + (word.utf8.count - word.drop { $0 == " " }.utf8.count)
                    from += word.utf8.count + 1
                    if clientMarkers.contains(name.lowercased()) {
                        fields.marksClient = true
                    } else {
                        fields.tags.append(WrittenTag(raw: name, line: property.line, column: column + 1))
                    }
                }
            default:
                if fields.extra[property.key] == nil { fields.extra[property.key] = property.value }
            }
        }
    }

    /// A date of `date:` or `created:`: any date redflag reads in a heading, or an ISO timestamp
    /// (`2025-03-05T08:12`, `2025-03-05 08:12:30`).
    static func date(_ written: String) -> CalendarDate? {
        if let prefix = DatePrefix.parse(written), let date = prefix.date { return date }
        let bytes = Array(written.utf8)
        guard bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20 else { return nil }
        return CalendarDate(iso: written.prefix(10))
    }

    /// `[[Acme]]` → `Acme`; `#[[late payment]]` → `late payment`; other text unchanged.
    static func unlinked(_ text: String) -> String {
        var value = Substring(text.trimmingCharacters(in: .whitespaces))
        if value.hasPrefix("#[[") { value = value.dropFirst() }
        if value.hasPrefix("[["), value.hasSuffix("]]"), value.count >= 4 { value = value.dropFirst(2).dropLast(2) }
        return String(value)
    }

    /// 0-based UTF-8 offset of `word` in `line` at or after `from`.
    private static func byteOffset(of word: String, in line: String, from: Int) -> Int? {
        let bytes = Array(line.utf8)
        let needle = Array(word.utf8)
        guard from >= 0, !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else {
            return nil
        }
        for start in from...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }

    /// libYAML counts columns in Unicode scalars; convert to UTF-8 bytes on the source line.
    private static func byteColumn(_ value: YAMLValue, _ source: SourceText) -> Int {
        let line = source.line(value.line)
        return line.unicodeScalars.prefix(max(0, value.column - 1)).reduce(0) { $0 + String($1).utf8.count } + 1
    }
}
