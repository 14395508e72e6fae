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
    /// Other keys, as text.
    public var extra: [String: String] = [:]

    public static let knownKeys = ["client", "aliases", "contact", "since", "billing", "rate", "status", "tags"]
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
        for pair in pairs {
            switch pair.key {
            case "client": fields.client = text(pair.value)
            case "aliases": fields.aliases = list(pair.value).compactMap(\.string)
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
                if let billing = Billing(rawValue: written) {
                    fields.billing = billing
                } else {
                    let suggestion =
                        Spelling.closest(to: written, in: Billing.allCases.map(\.rawValue))
                        .map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, line: pair.value.line, column: byteColumn(pair.value, source),
                            message: "unknown billing '\(written)'\(suggestion)",
                            hint: "use hourly, fixed or retainer; the changed-mind rule depends on it",
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
            case "tags":
                for item in list(pair.value) {
                    guard var raw = item.string?.trimmingCharacters(in: .whitespaces) else { continue }
                    if raw.hasPrefix("#") { raw.removeFirst() }
                    if !raw.isEmpty {
                        fields.tags.append(WrittenTag(raw: raw, line: item.line, column: byteColumn(item, source)))
                    }
                }
            default:
                fields.extra[pair.key] = text(pair.value) ?? ""
            }
        }
        return fields
    }

    /// libYAML counts columns in Unicode scalars; convert to UTF-8 bytes on the source line.
    private static func byteColumn(_ value: YAMLValue, _ source: SourceText) -> Int {
        let line = source.line(value.line)
        return line.unicodeScalars.prefix(max(0, value.column - 1)).reduce(0) { $0 + String($1).utf8.count } + 1
    }
}
