import RedflagKit
import Testing

/// The tag rules of docs/journal-format.md, one case at a time: each case is one line of a dated
/// section, and the expected tags as `raw@column`.
@Suite("Tag rules")
struct TagRuleTests {
    static func tags(in line: String) -> [String] {
        let text = "## 2024-03-01\n\n" + line + "\n"
        let file = JournalParser().parse(path: "t.md", client: "t", bytes: Array(text.utf8))
        return file.entries.flatMap(\.tags).filter { $0.line == 3 }.map { "\($0.raw)@\($0.column)" }
    }

    @Test(
        "tags are found",
        arguments: [
            ("#late", ["late@1"]),
            ("paid #late.", ["late@6"]),
            (
                "a #lie, b #dispute; c #legal: d #paid! e #referral?",
                ["lie@3", "dispute@11", "legal@23", "paid@33", "referral@42"]
            ),
            ("(#lie) [#late] \"#dispute, ok\" '#paid it'", ["lie@2", "late@9", "dispute@17", "paid@32"]),
            ("*#late* and **#lie** and _#legal_", ["late@2", "lie@15", "legal@27"]),
            ("#abuse/physical", ["abuse/physical@1"]),
            ("#Lie in capitals", ["Lie@1"]),
            ("#ложь и #просрочка", ["ложь@1", "просрочка@14"]),
            ("#changed-mind #ignored_advice #a1", ["changed-mind@1", "ignored_advice@15", "a1@31"]),
            ("`code` #late after a code span", ["late@8"]),
            ("[#lie in link text](https://x.example)", ["lie@2"]),
            ("«#ложь» в кавычках", ["ложь@3"]),
            ("#abuse/ with trailing slash", ["abuse@1"]),
            ("#[[late payment]] in Logseq", ["[[late payment]]@1"]),
            ("[[Acme]] paid #late, see [[Notes#Late]]", ["late@15"]),
            ("%% hidden %% #late", ["late@14"]),
            ("![logo](logo.png) #praise", ["praise@19"]),
        ])
    func found(line: String, expected: [String]) {
        #expect(Self.tags(in: line) == expected)
    }

    @Test(
        "things that are not tags",
        arguments: [
            "Ticket #1043 closed", "C# and F#", "40 # of hours", "\\#escaped", "`#lie` in a code span",
            "``double `#lie` ticks``", "<!-- #abuse in a comment -->", "<span title=\"#legal\">x</span>",
            "[link](https://x.example/doc#legal)", "[link](#legal)", "<https://x.example/page#dispute>",
            "https://x.example/page#lie", "https://x.example/#lie", "user@#lie", "word#lie", "&#35;lie", "#",
            "#-dash", "#_under", "# heading-like text",
            // Note tools: links and embeds, glued or quoted hashes, attributes, alt text, comments.
            "[[#Contact support]]", "[[Page#Heading]]", "[[#^block]]", "[[Page#late|alias]]", "![[scan.png#late]]",
            "![[Note#Section]]", "[[Page]]#go", "{{#if}}", "{{#each items}}", "{{query (and [[late]] #changed-mind)}}",
            "\"#each\"", "'#if'", "{#heading-id}",
            "![#abuse](logo.png)", "![alt #abuse][ref]", "%% #lie %%", "text %% private #legal %% more",
        ])
    func notFound(line: String) {
        #expect(Self.tags(in: line) == [])
    }

    @Test func unclosedCodeSpanIsText() {
        #expect(Self.tags(in: "a ` tick then #late") == ["late@15"])
    }

    @Test func unclosedCommentIsText() {
        #expect(Self.tags(in: "text <!-- never closed #late") == ["late@24"])
    }

    @Test func tagsInCodeBlocksAndHTMLBlocksAreIgnored() {
        let text = "## 2024-03-01\n\nentry\n\n```\n#late\n```\n\n    #lie indented code\n\n<div>\n#legal\n</div>\n"
        let file = JournalParser().parse(path: "t.md", client: "t", bytes: Array(text.utf8))
        #expect(file.entries.flatMap(\.tags).isEmpty)
    }

    @Test func aliasesResolveToCanonicalTags() {
        let text = "## 2024-03-01\n\n#liar #late-payment #flip-flop #insult #threat #хамство #ложь #просрочка #lei\n"
        let file = JournalParser().parse(path: "t.md", client: "t", bytes: Array(text.utf8))
        let tags = file.entries.flatMap(\.tags)
        #expect(
            tags.map(\.qualifiedName) == [
                "lie", "late", "changed-mind", "abuse/verbal", "abuse/physical", "abuse/verbal", "lie", "late", "lei",
            ])
        #expect(tags.map(\.isKnown) == [true, true, true, true, true, true, true, true, false])
    }
}
