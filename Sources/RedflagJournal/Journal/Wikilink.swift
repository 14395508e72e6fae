import Foundation

/// A wikilink `[[Page]]`, `[[Page#Heading|alias]]`, `[[#^block]]` or an embed `![[scan.png]]`, as
/// Obsidian, Logseq and Foam write them.
///
/// A wikilink is a link: nothing inside it is a tag, and its visible text (the alias, else the
/// page and heading) is part of the entry's text.
public struct Wikilink: Hashable, Sendable {
    /// The page linked, without heading or block part; empty for `[[#Heading]]` (this page).
    public var page: String
    /// The heading or block part after `#` (`Heading`, `^block`), when given.
    public var fragment: String?
    /// The text after `|`, when given.
    public var alias: String?
    /// True for an embed `![[...]]`.
    public var isEmbed: Bool
    /// True for a Logseq tag `#[[multi word]]`: shown as written.
    public var isTag = false
    /// UTF-8 byte range of the whole link (`!` included) in the text it was found in.
    public var range: Range<Int>

    /// What a reader sees: the alias, else `Page > Heading`, `Heading`, or the page.
    public var visibleText: String {
        if let alias, !alias.isEmpty { return alias }
        let heading = fragment.map { $0.hasPrefix("^") ? "" : $0 } ?? ""
        if page.isEmpty { return heading }
        return heading.isEmpty ? page : page + " > " + heading
    }

    /// Longest wikilink looked for, in bytes: a link never spans lines, nor runs on forever.
    static let lengthLimit = 1000

    /// The wikilinks of `text`, in order.
    public static func all(in text: String) -> [Wikilink] {
        all(in: Array(text.utf8))
    }

    /// The wikilinks of UTF-8 `bytes`, in order.
    static func all(in bytes: [UInt8]) -> [Wikilink] {
        var links: [Wikilink] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "["),
                let end = closing(in: bytes, from: index + 2)
            {
                let start = index > 0 && bytes[index - 1] == UInt8(ascii: "!") ? index - 1 : index
                var link = make(bytes[(index + 2)..<end], range: start..<(end + 2), isEmbed: start < index)
                link.isTag = index > 0 && bytes[index - 1] == UInt8(ascii: "#")
                links.append(link)
                index = end + 2
            } else {
                index += 1
            }
        }
        return links
    }

    /// Index of the `]]` that closes a wikilink whose body starts at `start`; nil when the line
    /// ends, a `[` or `]` interrupts it, or the body is empty.
    static func closing(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let limit = min(bytes.count - 1, start + lengthLimit)
        while index < limit {
            switch bytes[index] {
            case UInt8(ascii: "]"):
                return bytes[index + 1] == UInt8(ascii: "]") && index > start ? index : nil
            case UInt8(ascii: "["), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func make(_ body: ArraySlice<UInt8>, range: Range<Int>, isEmbed: Bool) -> Wikilink {
        let text = String(decoding: body, as: UTF8.self)
        var target = Substring(text)
        var alias: String?
        if let bar = target.firstIndex(of: "|") {
            alias = String(target[target.index(after: bar)...]).trimmingCharacters(in: .whitespaces)
            target = target[..<bar]
        }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...]).trimmingCharacters(in: .whitespaces)
            target = target[..<hash]
        }
        return Wikilink(
            page: target.trimmingCharacters(in: .whitespaces), fragment: fragment, alias: alias, isEmbed: isEmbed,
            range: range)
    }

    /// `text` with every wikilink replaced by its visible text.
    public static func replacingWithVisibleText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let links = all(in: bytes)
        guard !links.isEmpty else { return text }
        var out: [UInt8] = []
        var index = 0
        for link in links where !link.isTag {
            out += bytes[index..<link.range.lowerBound]
            out += Array(link.visibleText.utf8)
            index = link.range.upperBound
        }
        out += bytes[index...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Markdown for rendering: a wikilink becomes its visible text (escaped), an embed a link to the
    /// embedded file, so dossiers show `scan.png` as a link, never `![[scan.png]]`.
    public static func renderingMarkdown(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        let links = all(in: bytes)
        guard !links.isEmpty else { return markdown }
        var out: [UInt8] = []
        var index = 0
        for link in links where !link.isTag {
            out += bytes[index..<link.range.lowerBound]
            let label = escaped(link.isEmbed ? (link.alias ?? link.page) : link.visibleText)
            if link.isEmbed, !link.page.isEmpty {
                let destination =
                    link.page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? link.page
                out += Array("[\(label)](\(destination))".utf8)
            } else {
                out += Array(label.utf8)
            }
            index = link.range.upperBound
        }
        out += bytes[index...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with the characters that could start Markdown or HTML backslash-escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_<>[]#!|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
