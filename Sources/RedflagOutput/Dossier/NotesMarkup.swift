import Foundation
import RedflagJournal
internal import RedflagMarkdown

/// How the note tools' own markup is shown in dossiers: callouts as callouts, tasks as check
/// boxes, wikilinks by their visible text and embeds as links (never `![[scan.png]]`).
/// `%% comments %%` never get here: the parser blanks them before anything reads the text.
enum NotesMarkup {
    /// HTML of an entry's Markdown: cmark's safe renderer, then callouts and task boxes.
    static func html(_ markdown: String) -> String {
        var html = CommonMark.safeHTML(Wikilink.renderingMarkdown(markdown))
        html = callouts(html)
        for (marker, box) in [
            ("[ ] ", "<input type=\"checkbox\" disabled> "),
            ("[x] ", "<input type=\"checkbox\" checked disabled> "),
            ("[X] ", "<input type=\"checkbox\" checked disabled> "),
        ] {
            html = html.replacingOccurrences(of: "<p>" + marker, with: "<p>" + box)
            html = html.replacingOccurrences(of: "<li>" + marker, with: "<li class=\"task\">" + box)
        }
        return html
    }

    /// `<blockquote>\n<p>[!warning] Title\nbody` → a callout: the type as a class, the first line
    /// as its title.
    static func callouts(_ html: String) -> String {
        let opening = "<blockquote>\n<p>[!"
        guard html.contains(opening) else { return html }
        var out = ""
        var rest = Substring(html)
        while let range = rest.range(of: opening) {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            guard let close = after.firstIndex(of: "]"),
                case let type = after[..<close].lowercased(),
                !type.isEmpty, type.count <= 40, type.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" })
            else {
                out += "<blockquote>\n<p>[!"
                rest = after
                continue
            }
            var body = after[after.index(after: close)...]
            if body.first == "+" || body.first == "-" { body = body.dropFirst() }
            while body.first == " " { body = body.dropFirst() }
            let lineEnd = body.firstIndex { $0 == "\n" } ?? body.endIndex
            let paragraphEnd = body.range(of: "</p>")?.lowerBound ?? body.endIndex
            let titleEnd = min(lineEnd, paragraphEnd)
            let title = body[..<titleEnd]
            let label = type.prefix(1).uppercased() + type.dropFirst()
            out +=
                "<blockquote class=\"callout callout-\(type)\">\n<p class=\"callout-title\"><strong>\(label)</strong>"
            if !title.isEmpty { out += " " + title }
            out += "</p>\n"
            if titleEnd == lineEnd, lineEnd < paragraphEnd {
                out += "<p>"
                rest = body[body.index(after: lineEnd)...]
            } else {
                rest = body[paragraphEnd...].dropFirst("</p>".count)
            }
        }
        return out + rest
    }

    /// One-line Markdown of an entry's text for Markdown dossiers: a task shows its check box,
    /// a callout its type.
    static func inlineText(_ entry: Entry) -> String {
        var text = entry.text
        var prefix = ""
        for (marker, box) in [("[ ] ", "☐ "), ("[x] ", "☑ "), ("[X] ", "☑ ")] where text.hasPrefix(marker) {
            text = String(text.dropFirst(marker.count))
            prefix = box
        }
        let markdown = entry.markdown.drop { $0 == " " }
        if markdown.hasPrefix(">"), let open = markdown.range(of: "[!"),
            let close = markdown[open.upperBound...].firstIndex(of: "]"),
            markdown[markdown.startIndex..<open.lowerBound].allSatisfy({ $0 == ">" || $0 == " " })
        {
            let type = markdown[open.upperBound..<close]
            if !type.isEmpty, type.allSatisfy({ $0.isLetter || $0 == "-" }) {
                prefix = "**" + type.prefix(1).uppercased() + type.dropFirst().lowercased() + ":** "
            }
        }
        return prefix + MarkdownText.inline(text)
    }
}
