import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Escaping for HTML: the pages built in Swift (the SVG charts, `BuiltInHTML`) and Mustache's `{{...}}`
/// (`HTMLTemplates` makes it the templates' content type) escape with the same function.
public enum HTML {
    /// `text` with `& < > " '` replaced by entities: safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text` to `out` with every `& < > " '` replaced by an entity: the one escaping function
    /// of HTML, both for the pages written in Swift and for Mustache's `{{...}}` (`HTMLTemplates`
    /// registers it as the templates' content type).
    ///
    /// It works on UTF-8 bytes, so each of the five is escaped whatever follows it: Swift's
    /// `Character` holds a `"` and a combining mark after it (`"\u{301}`) as one character that is
    /// not `"`, and escaping by characters (as swift-mustache's own escaping does) would leave a raw
    /// quote in an attribute. The five are ASCII, and a byte below 0x80 is never part of another
    /// scalar in UTF-8, so escaping bytes is escaping Unicode scalars.
    public static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        // Most text has none of the five: append it whole.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let entity: String
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            // Runs are cut at ASCII bytes, so each is whole UTF-8.
            out += Substring(utf8[runStart..<index])
            out += entity
            utf8.formIndex(after: &index)
            runStart = index
        }
        out += Substring(utf8[runStart...])
    }

    /// `page` with every C0 control but tab, line feed and carriage return, DEL and every C1
    /// control shown as text, `\u{1B}` as in the terminal. HTML forbids them in a page (raw or as
    /// character references, both parse errors) and a browser would hide them; escaped, the reader
    /// sees that the note holds one. Markup never contains them, so the whole page is passed.
    public static func showingControls(_ page: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
                || (0x7F...0x9F).contains(scalar.value)
        }
        guard page.unicodeScalars.contains(where: isControl) else { return page }
        var out = String.UnicodeScalarView()
        for scalar in page.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: TerminalText.escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
