import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The JSON Lines form of a scan entry, written directly: byte for byte what `JSONEncoder` makes of
/// `EntryJSON` with sorted keys (a test holds the two together), several times faster, because
/// `scan --format jsonl` is the format for large notes directories.
enum JSONLine {
    static func append(_ entry: Entry, to out: inout String) {
        out += "{\"client\":"
        string(entry.client.rawValue, to: &out)
        out += ",\"date\":"
        optional(entry.date?.description, to: &out)
        out += ",\"endLine\":"
        out += String(entry.endLine)
        out += ",\"file\":"
        string(entry.file, to: &out)
        out += ",\"line\":"
        out += String(entry.line)
        out += ",\"tags\":["
        for (index, tag) in entry.tags.enumerated() {
            if index > 0 { out += "," }
            out += "{\"column\":"
            out += String(tag.column)
            out += ",\"line\":"
            out += String(tag.line)
            out += ",\"name\":"
            string(tag.name, to: &out)
            out += ",\"raw\":"
            string(tag.raw, to: &out)
            out += ",\"subtype\":"
            optional(tag.subtype, to: &out)
            out += "}"
        }
        out += "],\"text\":"
        string(entry.text, to: &out)
        out += ",\"time\":"
        optional(entry.time, to: &out)
        out += ",\"title\":"
        optional(entry.title, to: &out)
        out += "}\n"
    }

    private static func optional(_ value: String?, to out: inout String) {
        if let value { string(value, to: &out) } else { out += "null" }
    }

    /// A JSON string: `"` and `\\` escaped, control characters as short escapes or `\\u00XX`.
    /// The runs between characters to escape are appended whole (they are most of any text).
    static func string(_ value: String, to out: inout String) {
        out += "\""
        // Where the first byte to escape is, found over the bytes in place (native strings have them).
        let utf8 = value.utf8
        let first =
            utf8.withContiguousStorageIfAvailable { bytes in bytes.firstIndex(where: needsEscape) ?? bytes.count }
            ?? utf8.distance(from: utf8.startIndex, to: utf8.firstIndex(where: needsEscape) ?? utf8.endIndex)
        guard first < utf8.count else {
            out += value
            out += "\""
            return
        }
        var runStart = utf8.startIndex
        var index = utf8.index(utf8.startIndex, offsetBy: first)
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard needsEscape(byte) else {
                utf8.formIndex(after: &index)
                continue
            }
            // Escaped characters are ASCII, so the run ends on a scalar boundary (not always a
            // character's: `\r\n` is one character), and is copied as bytes, never re-cut.
            if runStart != index { out += Substring(value.unicodeScalars[runStart..<index]) }
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart != utf8.endIndex { out += Substring(value.unicodeScalars[runStart...]) }
        out += "\""
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
}
