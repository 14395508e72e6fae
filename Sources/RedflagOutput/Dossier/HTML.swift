import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Escaping for HTML built in Swift (the SVG charts, `BuiltInHTML`); Mustache templates escape `{{...}}`
/// themselves, the same way.
public enum HTML {
    /// `text` with `& < > " '` replaced by entities: safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text` to `out` with `& < > " '` replaced by entities: the one escaping function of
    /// the HTML built in Swift, the same as Mustache's `{{...}}` (Character by Character, so a
    /// character with a combining mark is kept whole, as Mustache does).
    public static func escape(_ text: String, into out: inout String) {
        // Most text has none of the five: append it whole.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else {
            out += text
            return
        }
        out.reserveCapacity(out.utf8.count + text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
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
