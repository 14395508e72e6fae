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
        out += ",\"endLine\":\(entry.endLine),\"file\":"
        string(entry.file, to: &out)
        out += ",\"line\":\(entry.line),\"tags\":["
        for (index, tag) in entry.tags.enumerated() {
            if index > 0 { out += "," }
            out += "{\"column\":\(tag.column),\"line\":\(tag.line),\"name\":"
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
    static func string(_ value: String, to out: inout String) {
        out += "\""
        var needsEscaping = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
