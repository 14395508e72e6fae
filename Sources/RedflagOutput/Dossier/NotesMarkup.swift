import Foundation
import RedflagJournal
internal import RedflagMarkdown

/// How the note tools' own markup is shown in dossiers: callouts as callouts, tasks as check
/// boxes, wikilinks by their visible text and embeds as links (never `![[scan.png]]`).
/// `%% comments %%` never get here: the parser blanks them before anything reads the text.
enum NotesMarkup {
    /// HTML of an entry's Markdown: cmark's safe renderer, then callouts and task boxes.
    static func html(_ markdown: String) -> String {
        taskBoxes(callouts(CommonMark.safeHTML(Wikilink.renderingMarkdown(markdown))))
    }

    /// A paragraph or list item that starts with `[ ] `, `[x] ` or `[X] ` gets a disabled check box
    /// instead (`<li class="task">` for an item). One pass over the UTF-8 bytes; the text is
    /// returned as is when it has none.
    static func taskBoxes(_ html: String) -> String {
        let unchecked = Array("<input type=\"checkbox\" disabled> ".utf8)
        let checked = Array("<input type=\"checkbox\" checked disabled> ".utf8)
        let paragraph = Array("<p>".utf8)
        let item = Array("<li>".utf8)
        let task = Array("<li class=\"task\">".utf8)
        var html = html
        return html.withUTF8 { bytes -> String in
            /// The box for a task marker at `index` (`[ ] `, `[x] `, `[X] `), if there is one.
            func box(at index: Int) -> [UInt8]? {
                guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "["),
                    bytes[index + 2] == UInt8(ascii: "]"), bytes[index + 3] == UInt8(ascii: " ")
                else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: " "): return unchecked
                case UInt8(ascii: "x"), UInt8(ascii: "X"): return checked
                default: return nil
                }
            }
            func starts(_ prefix: [UInt8], at index: Int) -> Bool {
                index + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[index + $0] == prefix[$0] }
            }
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
                index = open + 1
                let replacement: [UInt8]
                let after: Int
                if starts(paragraph, at: open), let marked = box(at: open + paragraph.count) {
                    replacement = paragraph + marked
                    after = open + paragraph.count + 4
                } else if starts(item, at: open), let marked = box(at: open + item.count) {
                    replacement = task + marked
                    after = open + item.count + 4
                } else {
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: bytes[copied..<open])
                out.append(contentsOf: replacement)
                copied = after
                index = after
            }
            guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
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
