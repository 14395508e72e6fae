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
}
