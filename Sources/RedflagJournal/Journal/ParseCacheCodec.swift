import RedflagCore

/// The parse cache's binary form of a `ParsedFile` (its text left out): integers as LEB128
/// varints (zigzag for signed ones), strings as a length and UTF-8 bytes, optionals behind a byte.
///
/// Written by hand rather than through `Codable`: JSON of a 20 MB notes directory is 84 MB and takes
/// longer to decode than the notes take to parse. Reading checks every length against what is left,
/// so a truncated or corrupt cache is an error (`ParseCacheCodec.Corrupt`), never a crash. Any
/// change here, or to the shape of what is written, must raise `ParseCache.format`.
package enum ParseCacheCodec {
    /// What a reader throws on bytes it cannot read.
    package struct Corrupt: Error {
        package init() {}
    }

    package static func encode(_ file: ParsedFile, into writer: inout Writer) {
        writer.string(file.path)
        writer.string(file.client.rawValue)
        writer.optional(file.frontMatter) { writer, frontMatter in
            writer.int(frontMatter.startLine)
            writer.int(frontMatter.endLine)
            writer.optional(frontMatter.value) { $0.yaml($1) }
        }
        writer.fields(file.fields)
        writer.array(file.entries) { $0.entry($1, path: file.path) }
        writer.array(file.headings) { writer, heading in
            writer.int(heading.level)
            writer.int(heading.line)
            writer.string(heading.text)
            writer.optional(heading.date) { $0.date($1) }
            writer.optional(heading.invalidDate) { $0.string($1) }
        }
        writer.array(file.comments) { writer, comment in
            writer.string(comment.text)
            writer.int(comment.line)
            writer.int(comment.column)
            writer.int(comment.endLine)
        }
        writer.array(file.diagnostics) { $0.diagnostic($1) }
        writer.bool(file.usesCRLF)
        writer.bool(file.hasBOM)
        writer.string(file.digest)
    }

    package static func decode(_ reader: inout Reader) throws(Corrupt) -> ParsedFile {
        let path = try reader.string()
        let client = ClientID(rawValue: try reader.string())
        let frontMatter = try reader.optional { reader throws(Corrupt) in
            FrontMatter(
                startLine: try reader.int(), endLine: try reader.int(),
                value: try reader.optional { reader throws(Corrupt) in try reader.yaml(depth: 0) })
        }
        let fields = try reader.fields()
        let entries = try reader.array { reader throws(Corrupt) in try reader.entry(path: path) }
        let headings = try reader.array { reader throws(Corrupt) in
            Heading(
                level: try reader.int(), line: try reader.int(), text: try reader.string(),
                date: try reader.optional { reader throws(Corrupt) in try reader.date() },
                invalidDate: try reader.optional { reader throws(Corrupt) in try reader.string() })
        }
        let comments = try reader.array { reader throws(Corrupt) in
            HTMLComment(
                text: try reader.string(), line: try reader.int(), column: try reader.int(), endLine: try reader.int())
        }
        let diagnostics = try reader.array { reader throws(Corrupt) in try reader.diagnostic() }
        return ParsedFile(
            path: path, client: client, frontMatter: frontMatter, fields: fields, entries: entries, headings: headings,
            comments: comments, diagnostics: diagnostics, usesCRLF: try reader.bool(), hasBOM: try reader.bool(),
            digest: try reader.string())
    }

    /// Appends values to a byte buffer.
    package struct Writer {
        package var bytes: [UInt8] = []

        package init() {}

        package mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        package mutating func int(_ value: Int) {
            let value = Int64(value)
            unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        }

        package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        /// Bytes as they are, behind their count.
        package mutating func blob(_ value: ArraySlice<UInt8>) {
            unsigned(UInt64(value.count))
            bytes.append(contentsOf: value)
        }

        package mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        package mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            write(&self, value)
        }

        package mutating func array<Value>(_ values: [Value], _ write: (inout Writer, Value) -> Void) {
            unsigned(UInt64(values.count))
            for value in values { write(&self, value) }
        }

        package mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

        package mutating func date(_ date: CalendarDate) {
            int(date.year)
            int(date.month)
            int(date.day)
        }

        /// A diagnostic (a file's read problems, lint's walk problems).
        package mutating func diagnostic(_ diagnostic: Diagnostic) {
            string(diagnostic.severity.rawValue)
            string(diagnostic.file)
            optional(diagnostic.line) { $0.int($1) }
            optional(diagnostic.column) { $0.int($1) }
            string(diagnostic.message)
            optional(diagnostic.hint) { $0.string($1) }
            optional(diagnostic.topic) { $0.string($1.rawValue) }
        }

        /// A path, as nothing when it is the file's own (nearly always).
        mutating func path(_ value: String, file: String) {
            if value == file { return bytes.append(0) }
            bytes.append(1)
            string(value)
        }

        mutating func entry(_ entry: Entry, path: String) {
            string(entry.client.rawValue)
            optional(entry.date) { $0.date($1) }
            optional(entry.time) { $0.string($1) }
            optional(entry.title) { $0.string($1) }
            self.path(entry.file, file: path)
            int(entry.line)
            int(entry.column)
            int(entry.endLine)
            int(entry.range.endColumn)
            string(entry.text)
            string(entry.markdown)
            array(entry.tags) { writer, tag in
                writer.string(tag.name)
                writer.optional(tag.subtype) { $0.string($1) }
                writer.string(tag.raw)
                writer.path(tag.range.file, file: path)
                writer.int(tag.line)
                writer.int(tag.column)
                writer.int(tag.range.endLine)
                writer.int(tag.range.endColumn)
                writer.bool(tag.isKnown)
            }
            strings(entry.links)
            strings(entry.headingLinks)
        }

        mutating func yaml(_ value: YAMLValue) {
            switch value {
            case let .scalar(text, line, column):
                bytes.append(0)
                string(text)
                int(line)
                int(column)
            case let .sequence(items, line, column):
                bytes.append(1)
                array(items) { $0.yaml($1) }
                int(line)
                int(column)
            case let .mapping(pairs, line, column):
                bytes.append(2)
                array(pairs) { writer, pair in
                    writer.yaml(pair.key)
                    writer.yaml(pair.value)
                }
                int(line)
                int(column)
            }
        }

        mutating func fields(_ fields: FrontMatterFields) {
            optional(fields.client) { $0.string($1) }
            strings(fields.aliases)
            optional(fields.contact) { $0.string($1) }
            optional(fields.since) { $0.date($1) }
            optional(fields.billing) { $0.string($1.rawValue) }
            optional(fields.rate) { $0.string($1) }
            optional(fields.status) { $0.string($1) }
            array(fields.tags) { writer, tag in
                writer.string(tag.raw)
                writer.int(tag.line)
                writer.int(tag.column)
            }
            optional(fields.date) { $0.date($1) }
            optional(fields.created) { $0.date($1) }
            optional(fields.title) { $0.string($1) }
            bool(fields.marksClient)
            optional(fields.clientLink) { $0.string($1) }
            array(fields.extra.sorted { $0.key < $1.key }) { writer, pair in
                writer.string(pair.key)
                writer.string(pair.value)
            }
        }
    }

    /// Reads values back from bytes, checking every length against what is left.
    package struct Reader {
        package let bytes: ArraySlice<UInt8>
        package var index: Int

        package init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        package var isAtEnd: Bool { index == bytes.endIndex }

        package mutating func byte() throws(Corrupt) -> UInt8 {
            guard index < bytes.endIndex else { throw Corrupt() }
            defer { index += 1 }
            return bytes[index]
        }

        package mutating func unsigned() throws(Corrupt) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 64 else { throw Corrupt() }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        package mutating func int() throws(Corrupt) -> Int {
            let raw = try unsigned()
            let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
            return Int(value)
        }

        /// A count of items, each at least one byte: never more than the bytes left.
        package mutating func count() throws(Corrupt) -> Int {
            let count = try unsigned()
            guard count <= UInt64(bytes.endIndex - index) else { throw Corrupt() }
            return Int(count)
        }

        package mutating func bool() throws(Corrupt) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw Corrupt()
            }
        }

        /// Bytes written by `Writer.blob`, as a slice of the bytes read.
        package mutating func blob() throws(Corrupt) -> ArraySlice<UInt8> {
            let count = try count()
            defer { index += count }
            return bytes[index..<(index + count)]
        }

        package mutating func string() throws(Corrupt) -> String {
            let count = try count()
            defer { index += count }
            return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
        }

        package mutating func optional<Value>(_ read: (inout Reader) throws(Corrupt) -> Value) throws(Corrupt) -> Value?
        {
            try bool() ? try read(&self) : nil
        }

        package mutating func array<Value>(_ read: (inout Reader) throws(Corrupt) -> Value) throws(Corrupt) -> [Value] {
            let count = try count()
            var values: [Value] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        package mutating func strings() throws(Corrupt) -> [String] {
            try array { reader throws(Corrupt) in try reader.string() }
        }

        package mutating func date() throws(Corrupt) -> CalendarDate {
            guard let date = CalendarDate(year: try int(), month: try int(), day: try int()) else { throw Corrupt() }
            return date
        }

        /// A diagnostic written by `Writer.diagnostic(_:)`.
        package mutating func diagnostic() throws(Corrupt) -> Diagnostic {
            guard let severity = Severity(rawValue: try string()) else { throw Corrupt() }
            let file = try string()
            let line = try optional { reader throws(Corrupt) in try reader.int() }
            let column = try optional { reader throws(Corrupt) in try reader.int() }
            let message = try string()
            let hint = try optional { reader throws(Corrupt) in try reader.string() }
            let topic = try optional { reader throws(Corrupt) in
                guard let topic = Diagnostic.Topic(rawValue: try reader.string()) else { throw Corrupt() }
                return topic
            }
            return Diagnostic(
                severity, file: file, line: line, column: column, message: message, hint: hint, topic: topic)
        }

        mutating func path(file: String) throws(Corrupt) -> String {
            try bool() ? try string() : file
        }

        mutating func entry(path: String) throws(Corrupt) -> Entry {
            let client = ClientID(rawValue: try string())
            let date = try optional { reader throws(Corrupt) in try reader.date() }
            let time = try optional { reader throws(Corrupt) in try reader.string() }
            let title = try optional { reader throws(Corrupt) in try reader.string() }
            let file = try self.path(file: path)
            let line = try int()
            let column = try int()
            let endLine = try int()
            let endColumn = try int()
            let text = try string()
            let markdown = try string()
            let tags = try array { reader throws(Corrupt) in
                let name = try reader.string()
                let subtype = try reader.optional { reader throws(Corrupt) in try reader.string() }
                let raw = try reader.string()
                var tag = Tag(
                    name: name, subtype: subtype, raw: raw, file: try reader.path(file: path), line: try reader.int(),
                    column: try reader.int(), isKnown: false)
                tag.range.endLine = try reader.int()
                tag.range.endColumn = try reader.int()
                tag.isKnown = try reader.bool()
                return tag
            }
            var entry = Entry(
                client: client, date: date, time: time, title: title, file: file, line: line, column: column,
                endLine: endLine, text: text, markdown: markdown, tags: tags)
            entry.range.endColumn = endColumn
            entry.links = try strings()
            entry.headingLinks = try strings()
            return entry
        }

        mutating func yaml(depth: Int) throws(Corrupt) -> YAMLValue {
            guard depth < 512 else { throw Corrupt() }
            switch try byte() {
            case 0:
                return .scalar(try string(), line: try int(), column: try int())
            case 1:
                let items = try array { reader throws(Corrupt) in try reader.yaml(depth: depth + 1) }
                return .sequence(items, line: try int(), column: try int())
            case 2:
                let pairs = try array { reader throws(Corrupt) in
                    YAMLValue.Pair(key: try reader.yaml(depth: depth + 1), value: try reader.yaml(depth: depth + 1))
                }
                return .mapping(pairs, line: try int(), column: try int())
            default:
                throw Corrupt()
            }
        }

        mutating func fields() throws(Corrupt) -> FrontMatterFields {
            var fields = FrontMatterFields()
            fields.client = try optional { reader throws(Corrupt) in try reader.string() }
            fields.aliases = try strings()
            fields.contact = try optional { reader throws(Corrupt) in try reader.string() }
            fields.since = try optional { reader throws(Corrupt) in try reader.date() }
            fields.billing = try optional { reader throws(Corrupt) in
                guard let billing = Billing(rawValue: try reader.string()) else { throw Corrupt() }
                return billing
            }
            fields.rate = try optional { reader throws(Corrupt) in try reader.string() }
            fields.status = try optional { reader throws(Corrupt) in try reader.string() }
            fields.tags = try array { reader throws(Corrupt) in
                FrontMatterFields.WrittenTag(raw: try reader.string(), line: try reader.int(), column: try reader.int())
            }
            fields.date = try optional { reader throws(Corrupt) in try reader.date() }
            fields.created = try optional { reader throws(Corrupt) in try reader.date() }
            fields.title = try optional { reader throws(Corrupt) in try reader.string() }
            fields.marksClient = try bool()
            fields.clientLink = try optional { reader throws(Corrupt) in try reader.string() }
            let extra = try array { reader throws(Corrupt) in (try reader.string(), try reader.string()) }
            fields.extra = Dictionary(extra, uniquingKeysWith: { first, _ in first })
            return fields
        }
    }
}
