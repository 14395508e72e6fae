import Foundation
import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagOutput

/// The byte-level paths that `site` takes for every entry give what the general ones give.
@Suite("Rendering fast paths")
struct RenderingFastPathTests {
    @Test("an ASCII slug made byte by byte equals the one made scalar by scalar")
    func asciiSlug() async {
        let pieces = ["a", "Z", "q", "0", "9", " ", "-", "_", ".", "/", "\t", "\r\n", "M", "md", "~"]
        await propertyCheck(count: 300, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40)) { picks in
            let name = picks.map { pieces[$0] }.joined()
            #expect(Slug.asciiSlug(name) == Slug.unicodeSlug(name), "\(name.debugDescription)")
        }
        #expect(Slug.asciiSlug("Café") == nil)
        #expect(Slug.make("Café Olé Studio") == "cafe-ole-studio")
        #expect(Slug.make("acme/2026 Notes.md") == "acme-2026-notes-md")
    }

    @Test("ASCII Markdown inline text made byte by byte equals the one made character by character")
    func asciiInline() async {
        let pieces = [
            "a", "Z", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\\", "`", "*", "<", ">", "[", "]", "|",
            "#late", " / ", "_", "~",
        ]
        await propertyCheck(count: 300, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...30)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(MarkdownText.inlineASCII(text) == MarkdownText.inlineCharacters(text), "\(text.debugDescription)")
        }
        #expect(MarkdownText.inline(" a*b \r\n\n c|d ") == "a\\*b / c\\|d")
        #expect(MarkdownText.inline("café [x]") == "café \\[x\\]")
    }

    @Test("task boxes in one pass equal the six replacements they stand for")
    func taskBoxes() async {
        let pieces = [
            "<p>", "<li>", "[ ] ", "[x] ", "[X] ", "[y] ", "[ ]", "<p>[", "<li>[", "text", "</p>\n", "<", "é", "\n",
        ]
        func replaced(_ html: String) -> String {
            var html = html
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
        await propertyCheck(count: 300, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...30)) { picks in
            let html = picks.map { pieces[$0] }.joined()
            #expect(NotesMarkup.taskBoxes(html) == replaced(html), "\(html.debugDescription)")
        }
        #expect(
            NotesMarkup.html("- [x] done\n- [ ] open\n")
                == "<ul>\n<li class=\"task\"><input type=\"checkbox\" checked disabled> done</li>\n"
                + "<li class=\"task\"><input type=\"checkbox\" disabled> open</li>\n</ul>\n")
    }
}
