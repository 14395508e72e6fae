import Foundation
import RedflagKit
import RedflagMarkdown
import Testing

/// libcmark 0.30.2's quadratic inputs are recognised by a linear pre-scan and refused with
/// "too complex to parse safely"; big ordinary notes and deep nesting without those shapes are
/// read, in linear time and without recursion.
@Suite("Hardening: sizes, nesting and cmark's quadratic inputs")
struct ComplexityTests {
    static let head = "## 2026-01-05 Call\nThe client lied #lie\n\n"

    /// The families of cmark's `pathological_tests.py` that 0.30.2 does not survive, at sizes where
    /// cmark alone takes from seconds to minutes.
    static let quadratic: [(String, String, MarkdownComplexity.Shape)] = [
        ("nested image brackets", String(repeating: "![[]()", count: 160_000), .openBrackets),
        (
            "emphasis in deep quotes", String(repeating: ">", count: 100_000) + String(repeating: "a*", count: 100_000),
            .deepInlines
        ),
        (
            "emphasis in deep lists", String(repeating: "- ", count: 20_000) + String(repeating: "a*", count: 20_000),
            .deepInlines
        ),
        (
            "links in deep quotes",
            String(repeating: "> ", count: 20_000) + String(repeating: "[a](b) ", count: 20_000), .deepInlines
        ),
        (
            "deep list then blank lines",
            String(repeating: "- ", count: 30_000) + "a\n" + String(repeating: "\n", count: 30_000), .deepBlankLines
        ),
        (
            "block-quoted deep list then quote lines",
            "> " + String(repeating: "- ", count: 10_000) + "a\n" + String(repeating: ">\n", count: 30_000),
            .deepBlankLines
        ),
        (
            "deep list then CR blank lines",
            String(repeating: "- ", count: 30_000) + "a\r" + String(repeating: "\r", count: 30_000), .deepBlankLines
        ),
    ]

    @Test(arguments: 0..<quadratic.count)
    func quadraticShapeIsRefusedQuickly(index: Int) {
        let (name, body, shape) = Self.quadratic[index]
        let outcome = Hostile.run(Self.head + body, within: 3)
        let error = outcome.file.diagnostics.first { $0.severity == .error }
        #expect(
            error?.message.contains("too complex to parse safely (\(shape.rawValue))") == true,
            "\(name): \(error?.description ?? "no error")")
        #expect(error?.line == 4, "\(name)")
        #expect(error?.hint?.isEmpty == false)
    }

    /// The Markdown renderer of the dossier guards itself too: such text is shown escaped.
    @Test func safeHTMLShowsQuadraticTextEscaped() {
        let html = CommonMark.safeHTML("<b>" + String(repeating: "![[]()", count: 20_000))
        #expect(html.hasPrefix("<pre>&lt;b&gt;"))
    }

    /// cmark's other pathological families: fixed in 0.30.2 or linear; they must stay fast.
    static let linear: [(String, String)] = {
        var cases: [(String, String)] = []
        func add(_ name: String, _ body: String) { cases.append((name, body)) }
        let strong = String(repeating: "*a **a ", count: 20_000) + "b" + String(repeating: " a** a*", count: 20_000)
        add("nested strong emph", strong)
        add("emph closers without openers", String(repeating: "a_ ", count: 60_000))
        add("emph openers without closers", String(repeating: "_a ", count: 60_000))
        add("link closers without openers", String(repeating: "a]", count: 60_000))
        add("link openers without closers", String(repeating: "[a", count: 65_000))
        add("mismatched openers and closers", String(repeating: "*a_ ", count: 20_000))
        add("openers and closers multiple of 3", "a**b" + String(repeating: "c* ", count: 20_000))
        add("link openers and emph closers", String(repeating: "[ a_", count: 20_000))
        add("pattern [ (]( repeated", String(repeating: "[ (](", count: 20_000))
        add("nested block quotes", String(repeating: "> ", count: 50_000) + "a #lie")
        add("nested lists", String(repeating: "- ", count: 25_000) + "a #lie")
        var indented = ""
        for depth in 0..<1000 { indented += String(repeating: "  ", count: depth) + "* a\n" }
        add("deeply nested indented lists", indented)
        var backticks = ""
        for count in 1..<1000 { backticks += "e" + String(repeating: "`", count: count) }
        add("backticks", backticks)
        add("unclosed links A", String(repeating: "[a](<b", count: 10_000))
        add("unclosed links B", String(repeating: "[a](b", count: 10_000))
        add("unclosed comments", "</" + String(repeating: "<!--", count: 100_000))
        var references = ""
        for index in 0..<20_000 { references += "[\(index)]: /u\(index)\n" }
        references += "\n"
        for index in 0..<20_000 { references += "[\(index)] " }
        add("many references", references)
        var colliding = ""
        for index in 0..<5_000 { colliding += "[" + String(repeating: "a", count: index % 50) + "\(index)]: /u\n" }
        add("colliding references", colliding)
        add(
            "many code blocks under one entry",
            "2026-01-05 #lie\n\n" + String(repeating: "```\ncode\n```\n", count: 20_000))
        add(
            "many html comments",
            String(repeating: "<!-- redflag-disable-next-line -->\n2026-01-05 #lie\n\n", count: 3_000))
        add("many tags", String(repeating: "#lie ", count: 100_000))
        add("many entries", String(repeating: "- 2026-01-05 #late\n", count: 5_000))
        return cases
    }()

    @Test(arguments: 0..<linear.count)
    func otherPathologicalFamiliesStayFast(index: Int) {
        let (name, body) = Self.linear[index]
        let outcome = Hostile.run(Self.head + body, within: 8)
        #expect(!outcome.file.diagnostics.contains { $0.message.contains("too complex") }, "\(name)")
    }

    @Test func fiftyThousandLevelsOfNestingAreWalkedWithoutRecursion() {
        let quotes = Hostile.run(String(repeating: ">", count: 50_000) + " 2026-01-05 #lie\n")
        #expect(quotes.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
        let lists = Hostile.run(String(repeating: "- ", count: 50_000) + "2026-01-05 #lie\n")
        #expect(lists.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
        let mixed = Hostile.run(String(repeating: "> - ", count: 25_000) + "2026-01-05 #lie\n")
        #expect(mixed.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
        #expect(quotes.outputs["dossier.html"]?.isEmpty == false)
    }

    /// A big ordinary note is read, and twice the size takes about twice the time.
    @Test func bigOrdinaryNoteIsReadInLinearTime() {
        func note(entries: Int) -> [UInt8] {
            var text = "---\nclient: Big\n---\n"
            for index in 0..<entries {
                let day = 1 + index % 28
                text += "## 2025-03-\(day < 10 ? "0" : "")\(day) Call \(index)\n"
                text += "They asked for *more* work, see [the mail](http://x/\(index)) and `code` #changed-mind\n\n"
                text +=
                    "- 2025-03-\(day < 10 ? "0" : "")\(day) paid **late** again #late\n> quoted > text [link][ref]\n\n"
            }
            return Array((text + "[ref]: /x\n").utf8)
        }
        let small = note(entries: 2_000)
        let large = note(entries: 8_000)
        let parser = JournalParser()
        var files: [ParsedFile] = []
        let smallTime = Hostile.cpuSeconds { files.append(parser.parse(path: "big.md", client: "big", bytes: small)) }
        let largeTime = Hostile.cpuSeconds { files.append(parser.parse(path: "big.md", client: "big", bytes: large)) }
        #expect(files.allSatisfy { $0.diagnostics.isEmpty })
        #expect(files[1].entries.count == 24_000)
        // 4 × the input: allow 8 × the time (noise), far from the 16 × of a quadratic walk.
        #expect(largeTime < smallTime * 8 + 0.2, "\(smallTime) s → \(largeTime) s")
    }

    @Test(arguments: ["", "\n", "\r", "\r\n", "#", "# ", "-", ">", "<!--", "```", "---", "\u{FEFF}", "\t", " \n \n"])
    func tinyInputsNeverCrash(text: String) {
        Hostile.run(text)
    }

    @Test func preScanIsZeroForOrdinaryDeepishNotes() {
        let note = String(repeating: "> ", count: 20) + "- a\n" + String(repeating: "\n", count: 100_000)
        #expect(MarkdownComplexity.assess(note) == nil)
        #expect(MarkdownComplexity.assess(String(repeating: "[a](b) ", count: 200_000)) == nil)
        #expect(MarkdownComplexity.assess(String(repeating: "*a* _b_ ", count: 200_000)) == nil)
    }
}
