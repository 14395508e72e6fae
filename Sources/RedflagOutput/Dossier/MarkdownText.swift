import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Escaping of user text placed in generated Markdown.
enum MarkdownText {
    /// `text` on one line, with the characters that could start markup, HTML or break a table cell
    /// (`\ ` `` ` `` `* < > [ ] |`) backslash-escaped. Newlines become ` / `.
    static func inline(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return inlineASCII(text) }
        return inlineCharacters(text)
    }

    /// `inline` for ASCII text, byte by byte: lines split at LF, VT, FF and CR (the ASCII newlines),
    /// trimmed of spaces and tabs (the ASCII `.whitespaces`), empty ones dropped, joined with ` / `.
    static func inlineASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var line: [UInt8] = []
        func flush() {
            var start = line.startIndex
            var end = line.endIndex
            while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
            while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            if start < end {
                if !out.isEmpty { out += Array(" / ".utf8) }
                for byte in line[start..<end] {
                    // \ ` * < > [ ] |
                    switch byte {
                    case 0x5C, 0x60, 0x2A, 0x3C, 0x3E, 0x5B, 0x5D, 0x7C: out.append(0x5C)
                    default: break
                    }
                    out.append(byte)
                }
            }
            line.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if (0x0A...0x0D).contains(byte) { flush() } else { line.append(byte) }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    /// `inline` character by character (any text).
    static func inlineCharacters(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " / ")
        var out = ""
        for character in oneLine {
            if "\\`*<>[]|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
