import Foundation
import RedflagKit
import Testing

/// Long tags, dates in other formats, confusable letters and injected markup: each is read the way
/// the journal format says, and none of it costs more than linear time or reaches output raw.
@Suite("Hardening: tags, dates, confusables and injection")
struct TextHardeningTests {
    @Test func veryLongTagIsNotATagAndCostsLittle() {
        let long = String(repeating: "a", count: 1_000_000)
        let outcome = Hostile.run("2026-01-05 the client #" + long + " and #lie\n", within: 5)
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
        // No finding carries the megabyte: lint's output stays small.
        #expect((outcome.outputs["lint.text"]?.utf8.count ?? 0) < 10_000)
    }

    @Test func tagLengthLimitIsSixtyFourCharacters() {
        let sixtyFour = String(repeating: "x", count: 64)
        let file = JournalParser().parse(
            path: "c.md", client: "c", bytes: Array("a #\(sixtyFour) b #\(sixtyFour)y\n".utf8))
        #expect(file.entries.flatMap(\.tags).map(\.raw) == [sixtyFour])
        let cyrillic = String(repeating: "ж", count: 65)
        let wide = JournalParser().parse(path: "c.md", client: "c", bytes: Array("a #\(cyrillic)\n".utf8))
        #expect(wide.entries.flatMap(\.tags).isEmpty)
    }

    @Test func manyLongTagLikeRunsStayLinear() {
        let run = "#" + String(repeating: "b", count: 100) + "_"
        Hostile.run("2026-01-05 " + String(repeating: run, count: 5_000) + "\n", within: 5)
    }

    @Test func longFrontMatterTagIsWarnedAboutOnce() {
        let outcome = Hostile.run("---\ntags: [" + String(repeating: "q", count: 100) + ", late]\n---\n2026-01-05 x\n")
        #expect(outcome.file.fields.tags.map(\.raw) == ["late"])
        #expect(outcome.file.diagnostics.filter { $0.message.contains("is not read as a tag") }.count == 1)
    }

    /// Dates in other digits and look-alike dashes are not dates (people's own spellings such as
    /// `5 March 2026` are, see docs/journal-format.md); none of them crashes.
    @Test(arguments: [
        "20260305",
        "٢٠٢٦-٠٣-٠٥", "２０２６-０３-０５", "२०२६-०३-०५", "2026‐03‐05", "2026−03−05", "+2026-03-05",
        "9999-99-99", "0000-00-00", "2026-02-29", "-001-01-01",
    ])
    func otherDateSpellingsAreNotDates(written: String) {
        let outcome = Hostile.run("- \(written) the client lied #lie\n")
        #expect(outcome.file.entries.first?.date == nil, "\(written)")
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
    }

    @Test func leapDayAndTimeAreDates() {
        let outcome = Hostile.run("- 2024-02-29 23:59 the client lied #lie\n")
        #expect(outcome.file.entries.first?.date?.description == "2024-02-29")
        #expect(outcome.file.entries.first?.time == "23:59")
    }

    /// A tag spelled with look-alike letters is not the sign it imitates: it is unknown, and lint
    /// reports it as such.
    @Test(arguments: ["lіe", "аbuse", "ⅼie", "ｌie", "ｌｉｅ"])
    func confusableTagIsNotTheSign(raw: String) {
        let outcome = Hostile.run("2026-01-05 the client #\(raw)\n")
        let tags = outcome.file.entries.flatMap(\.tags)
        #expect(!tags.contains { $0.isKnown && ($0.name == "lie" || $0.name == "abuse") }, "\(raw)")
    }

    @Test func bidiAndZeroWidthCharactersDoNotHideATag() {
        let outcome = Hostile.run("2026-01-05 \u{202E}#lie\u{202C} and \u{200B}#late\n")
        #expect(outcome.file.entries.flatMap(\.tags).count <= 2)
    }

    /// Markup in every place text comes from (front matter, heading, body, tag-like text, file name)
    /// never reaches HTML unescaped.
    @Test func injectedMarkupIsEscapedInHTML() throws {
        let note = """
            ---
            client: "<script>alert(1)</script>"
            aliases: ["<img src=x onerror=alert(2)>"]
            contact: "\\"><svg onload=alert(3)>"
            status: "{{title}} {{{x}}}"
            ---
            ## 2026-03-02 <script>alert(4)</script> call
            He lied <script>alert(5)</script> #lie
            [x](javascript:alert(6)) ![y](javascript:alert(7)) #<script>
            <iframe src=javascript:alert(8)></iframe> \u{1B}[31m red \u{7}

            """
        let outcome = Hostile.run(Array(note.utf8), path: "<b>evil</b>.md")
        let html = try #require(outcome.outputs["dossier.html"])
        for marker in ["<script>alert", "<img src=x", "<svg onload", "javascript:alert", "<iframe", "<b>evil"] {
            #expect(!html.contains(marker), "\(marker)")
        }
        #expect(!html.contains("\u{1B}"))
    }

    @Test func controlCharactersInEveryFieldNeverCrash() {
        var text = "---\nclient: \"a\\x1B[2Jb\\u0007\\u202Ec\"\n---\n"
        for scalar in (0..<32).compactMap(Unicode.Scalar.init) where scalar != "\n" && scalar != "\r" {
            text += "- 2026-01-05 a\(scalar)b #lie\(scalar) <!-- \(scalar) -->\n"
        }
        Hostile.run(text)
    }
}
