import Foundation
import RedflagKit
import Testing

@Suite("Journal parser")
struct JournalParserTests {
    static func parse(_ text: String, path: String = "c.md") -> ParsedFile {
        JournalParser().parse(path: path, client: "c", bytes: Array(text.utf8))
    }

    @Test func everythingFixtureMatchesGolden() {
        let root = TestPaths.fixtures.appendingPathComponent("everything").path
        let journal = NotesDirectory.load(root: root)
        Golden.assertMatches(ScanRenderer.render(journal.entries, format: .json), named: "scan-everything.json")
        Golden.assertMatches(
            journal.allDiagnostics.map { $0.description + "\n" }.joined(), named: "scan-everything.diagnostics.txt")
    }

    @Test func everyTagPositionPointsAtItsHashInTheSource() throws {
        let root = TestPaths.fixtures.appendingPathComponent("everything")
        let journal = NotesDirectory.load(root: root.path)
        for file in journal.files {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(file.path)))
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            for tag in file.entries.flatMap(\.tags) where !file.fields.tags.contains(where: { $0.raw == tag.raw }) {
                let line = Array(lines[tag.line - 1])
                let written = Array(("#" + tag.raw).utf8)
                #expect(
                    Array(line.dropFirst(tag.column - 1).prefix(written.count)) == written,
                    "\(file.path):\(tag.line):\(tag.column)")
            }
        }
    }

    @Test func datedSectionRunsToNextHeadingOfSameOrHigherLevel() {
        let file = Self.parse(
            """
            # Client

            ## 2024-03-01 Call

            first

            ### Details

            still in the section

            ## Other

            undated
            """)
        #expect(file.entries.map(\.text) == ["first", "still in the section", "undated"])
        #expect(file.entries.map { $0.date?.description } == ["2024-03-01", "2024-03-01", nil])
        #expect(file.entries.first?.title == "Call")
    }

    @Test func headingTimeAndTitle() {
        let file = Self.parse("## 2024-03-02 14:30 — Call with Jane\n\nbody\n")
        #expect(file.entries.first?.time == "14:30")
        #expect(file.entries.first?.title == "Call with Jane")
    }

    @Test func eachTopLevelBlockIsOneEntryAndNestedListsStayInside() {
        let file = Self.parse(
            """
            ## 2024-03-01

            para

            - one
              - nested #late
            - two

            > quote
            > more
            """)
        #expect(file.entries.map(\.line) == [3, 5, 7, 9])
        #expect(file.entries[1].endLine == 6)
        #expect(file.entries[1].tags.map(\.name) == ["late"])
        #expect(file.entries[3].endLine == 10)
    }

    @Test func datedItemsAndParagraphsCarryTheirOwnDate() {
        let file = Self.parse(
            """
            - 2024-03-05: colon
            - 2024-03-06 — dash
            - 2024-03-07 - hyphen

            **2024-03-08** bold

            2024-03-09: paragraph
            """)
        #expect(
            file.entries.map { $0.date?.description ?? "-" } == [
                "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08", "2024-03-09",
            ])
        #expect(file.entries.map(\.text) == ["colon", "dash", "hyphen", "bold", "paragraph"])
    }

    @Test(
        "date prefixes",
        arguments: [
            ("2024-03-05 – en dash", "2024-03-05", "en dash"),
            ("2024-03-05\u{A0}no-break space", "2024-03-05", "no-break space"),
            ("2024-03-05, comma", "2024-03-05", "comma"),
            ("2024-03-05. dot", "2024-03-05", "dot"),
            ("2024-03-05", "2024-03-05", ""),
            ("2024-03-05 25:00 not a time", "2024-03-05", "25:00 not a time"),
            ("2024-03-05-10 a range, not a date", "-", "2024-03-05-10 a range, not a date"),
            ("2024-03-051 too long", "-", "2024-03-051 too long"),
            ("2024-3-5 short", "-", "2024-3-5 short"),
        ])
    func datePrefixes(line: String, date: String, text: String) {
        let entry = Self.parse(line + "\n").entries.first
        #expect(entry?.date?.description ?? "-" == date)
        #expect(entry?.text == text)
    }

    @Test func dailyFileDatesUndatedEntries() {
        let file = Self.parse("note #late\n\n- 2024-05-02: own\n", path: "acme/2024-05-01.md")
        #expect(file.entries.map { $0.date?.description } == ["2024-05-01", "2024-05-02"])
    }

    @Test func invalidDateIsAWarningAndTheEntryIsKept() {
        let file = Self.parse("- 2024-02-30: impossible #lie\n")
        #expect(file.entries.count == 1)
        #expect(file.entries[0].date == nil)
        #expect(
            file.diagnostics.map(\.description) == [
                "c.md:1:3: warning: '2024-02-30' is not a valid date; the entry is undated"
            ])
    }

    @Test func datedHeadingWithoutBodyIsAnEntry() {
        let file = Self.parse("## 2024-03-03 Shouted at me #abuse\n\n## 2024-03-04\n\nnext\n")
        #expect(file.entries.map(\.line) == [1, 5])
        #expect(file.entries[0].tags.map(\.name) == ["abuse"])
    }

    @Test func headingTagsApplyToTheWholeSection() {
        let file = Self.parse("## 2024-03-01 #late\n\na\n\nb\n")
        #expect(file.entries.map { $0.tags.map(\.name) } == [["late"], ["late"]])
    }

    @Test func frontMatterIsReadAndKeepsLineNumbers() {
        let file = Self.parse("---\nclient: Acme\nbilling: fixed\ntags: [late]\ncustom: x\n---\n\nbody #lie\n")
        #expect(file.fields.client == "Acme")
        #expect(file.fields.billing == .fixed)
        #expect(file.fields.extra == ["custom": "x"])
        #expect(file.entries.map(\.line) == [8])
        #expect(file.entries[0].tags.map(\.name) == ["lie", "late"])
        #expect(file.entries[0].tags[0].column == 6)
    }

    @Test func invalidFrontMatterIsAnErrorWithTheRealLine() {
        let file = Self.parse("---\nclient: Acme\nbilling: [unclosed\n---\n\nbody #lie\n")
        #expect(
            file.diagnostics.contains {
                $0.severity == .error && $0.line == 4 && $0.message.hasPrefix("invalid front matter")
            })
        #expect(file.entries.count == 1)
    }

    @Test func unknownBillingIsAWarningWithASuggestion() {
        let file = Self.parse("---\nbilling: hourley\n---\n")
        #expect(
            file.diagnostics.map(\.description) == [
                "c.md:2:10: warning: unknown billing 'hourley' (did you mean 'hourly'?)"
            ])
    }

    @Test(
        "common ways of writing billing name a billing, without a warning",
        arguments: [
            ("monthly", Billing.retainer), ("Retainer", .retainer), ("milestones", .fixed),
            ("Fixed Price", .fixed), ("fixed_fee", .fixed), ("T&M", .hourly),
            ("time and materials", .hourly), ("почасовая", .hourly), ("Фикс", .fixed),
        ])
    func billingAliases(written: String, billing: Billing) {
        let file = Self.parse("---\nbilling: \(written)\n---\n")
        #expect(file.fields.billing == billing)
        #expect(file.diagnostics.isEmpty)
    }

    @Test func billingThatNamesNoBillingIsStillAWarning() {
        let file = Self.parse("---\nbilling: barter\n---\n")
        #expect(file.fields.billing == nil)
        #expect(file.diagnostics.map(\.message) == ["unknown billing 'barter'"])
    }

    @Test func crlfPositionsAreExact() {
        let file = Self.parse("## 2024-04-01\r\n\r\nfirst \\#no #late\r\nsecond #lie\r\n")
        #expect(file.usesCRLF)
        #expect(file.entries.flatMap(\.tags).map { "\($0.raw)@\($0.line):\($0.column)" } == ["late@3:12", "lie@4:8"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let file = JournalParser().parse(
            path: "c.md", client: "c", bytes: [0xEF, 0xBB, 0xBF] + Array("---\nclient: B\n---\n#late\n".utf8))
        #expect(file.hasBOM)
        #expect(file.fields.client == "B")
        #expect(file.entries.flatMap(\.tags).map { "\($0.line):\($0.column)" } == ["4:1"])
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByteAndEntriesStillCount() {
        let bytes = Array("## 2024-03-01\n\nab".utf8) + [0xFF] + Array(" #late\n".utf8)
        let file = JournalParser().parse(path: "c.md", client: "c", bytes: bytes)
        #expect(file.diagnostics.first?.line == 3)
        #expect(file.diagnostics.first?.column == 3)
        #expect(file.diagnostics.first?.message.contains("invalid UTF-8") == true)
        #expect(file.entries.flatMap(\.tags).map(\.name) == ["late"])
    }

    @Test func fiftyThousandLevelsOfNestingDoNotCrash() {
        let deep = String(repeating: ">", count: 50_000) + " #late deep\n"
        let file = Self.parse("## 2024-03-01\n\n" + deep)
        #expect(file.entries.count == 1)
        #expect(file.entries.first?.tags.map(\.name) == ["late"])
        let lists = (0..<2000).map { String(repeating: " ", count: $0 * 2) + "- x" }.prefix(2000).joined(
            separator: "\n")
        #expect(!Self.parse(lists + " #late\n").entries.isEmpty)
    }

    @Test func pathologicalInlinesStayLinear() {
        let ticks = "x " + String(repeating: "` ", count: 100_000) + "#late"
        let comments = "x " + String(repeating: "<!-- ", count: 100_000) + "#lie"
        #expect(Self.parse(ticks).entries.first?.tags.map(\.name) == ["late"])
        #expect(Self.parse(comments).entries.first?.tags.map(\.name) == ["lie"])
    }

    @Test func htmlCommentsAreCollected() {
        let file = Self.parse("<!-- redflag-disable-next-line untagged-incident -- quoting -->\nsome text\n")
        #expect(file.comments.map(\.text) == ["redflag-disable-next-line untagged-incident -- quoting"])
        #expect(file.comments.first?.line == 1)
    }

    @Test func listItemMarkdownLosesItsMarker() {
        let file = Self.parse("- 2024-03-01: first line\n  continued\n  - nested\n")
        #expect(file.entries.first?.markdown == "2024-03-01: first line\ncontinued\n- nested")
    }
}
