import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Escaping for HTML built in Swift (the SVG chart); templates escape `{{...}}` themselves.
public enum HTML {
    /// `text` with `& < > " '` replaced by entities: safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
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
        return out
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
