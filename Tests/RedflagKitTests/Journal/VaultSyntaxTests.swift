import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagOutput

/// The note tools' syntax, one construct at a time: dates as people write them, front matter
/// `tags` in every shape, Logseq properties, attribution, and how dossiers render callouts, tasks
/// and embeds.
@Suite("Vault syntax")
struct VaultSyntaxTests {
    static func parse(_ text: String, path: String = "c.md", configuration: Configuration = .standard) -> ParsedFile {
        JournalParser(configuration: configuration).parse(path: path, client: "c", bytes: Array(text.utf8))
    }

    static func journal(_ files: [(String, String)], configuration: Configuration = .standard) -> Journal {
        let layout = NotesLayout.detect(paths: files.map(\.0), configuration: configuration)
        let parser = JournalParser(configuration: configuration)
        let parsed = files.filter { layout.role(of: $0.0) != .template }.map {
            parser.parse(path: $0.0, client: NotesDirectory.clientID(forRelativePath: $0.0), bytes: Array($0.1.utf8))
        }
        return NotesDirectory.assemble(root: ".", configuration: configuration, files: parsed, layout: layout)
    }

    // MARK: - Dates as people write them

    @Test(
        "accepted date forms, in headings",
        arguments: [
            ("2025-03-05", "2025-03-05", nil, ""),
            ("2025/03/05", "2025-03-05", nil, ""),
            ("05.03.2025", "2025-03-05", nil, ""),
            ("5.3.2025 — call", "2025-03-05", nil, "call"),
            ("5 March 2025", "2025-03-05", nil, ""),
            ("5th March 2025", "2025-03-05", nil, ""),
            ("5 Mar 2025: call", "2025-03-05", nil, "call"),
            ("March 5, 2025", "2025-03-05", nil, ""),
            ("Mar 5th, 2025", "2025-03-05", nil, ""),
            ("march 5 2025", "2025-03-05", nil, ""),
            ("Sept 30, 2025", "2025-09-30", nil, ""),
            ("12 апреля 2025", "2025-04-12", nil, ""),
            ("12 АПРЕЛЯ 2025 г.", "2025-04-12", nil, ""),
            ("5 мар 2025", "2025-03-05", nil, ""),
            ("5 марта 2025", "2025-03-05", nil, ""),
            ("1 мая 2025", "2025-05-01", nil, ""),
            ("1 май 2025", "2025-05-01", nil, ""),
            ("Wednesday, 5 March 2025", "2025-03-05", nil, ""),
            ("Wed 5 March 2025", "2025-03-05", nil, ""),
            ("Wed, March 5, 2025 14:30 — call", "2025-03-05", "14:30", "call"),
            ("среда, 5 марта 2025", "2025-03-05", nil, ""),
            ("ср, 05.03.2025 9:05", "2025-03-05", "09:05", ""),
            ("2025-03-05 Wednesday", "2025-03-05", nil, ""),
            ("5 March 2025 (Wed) review", "2025-03-05", nil, "review"),
            ("5 March 2025 at 14:30", "2025-03-05", "14:30", ""),
            ("12 апреля 2025 в 10:00 звонок", "2025-04-12", "10:00", "звонок"),
            ("2025-03-05 14:30", "2025-03-05", "14:30", ""),
        ] as [(String, String, String?, String)])
    func acceptedDates(heading: String, date: String, time: String?, title: String) {
        let file = Self.parse("## \(heading)\n\nbody\n")
        #expect(file.entries.first?.date?.description == date, "\(heading)")
        #expect(file.entries.first?.time == time, "\(heading)")
        #expect((file.entries.first?.title ?? "") == title, "\(heading)")
        #expect(file.diagnostics.isEmpty)
    }

    @Test(
        "dates at the start of entries",
        arguments: [
            ("- 05.03.2025: paid late #late", "2025-03-05", "paid late #late"),
            ("- 5 March 2025 — paid late", "2025-03-05", "paid late"),
            ("- March 5, 2025: paid late", "2025-03-05", "paid late"),
            ("- 12 апреля 2025: заплатил поздно", "2025-04-12", "заплатил поздно"),
        ])
    func entryDates(line: String, date: String, text: String) {
        let entry = Self.parse(line + "\n").entries.first
        #expect(entry?.date?.description == date)
        #expect(entry?.text == text)
    }

    @Test(
        "not dates",
        arguments: ["March 2025", "# of hours", "5 March", "Sat down with Jim", "1.5 hours", "12.03.25 short"])
    func notDates(text: String) {
        let file = Self.parse("## \(text)\n\nbody\n")
        #expect(file.entries.first?.date == nil)
        #expect(file.diagnostics.isEmpty)
    }

    @Test(
        "an impossible day is a diagnostic, never shifted",
        arguments: ["31.04.2025", "30 February 2025", "April 31, 2025"])
    func impossibleDates(text: String) {
        let file = Self.parse("## \(text)\n\nPaid late. #late\n")
        #expect(file.entries.first?.date == nil)
        #expect(file.diagnostics.map(\.topic) == [.invalidDate])
        #expect(file.diagnostics.first?.column == 4)
    }

    @Test("slashed dates need dates: dmy or mdy in redflag.yml")
    func slashedDates() throws {
        let unset = Self.parse("## 03/05/2025\n\nbody\n")
        #expect(unset.entries.first?.date == nil)
        #expect(unset.diagnostics.map(\.topic) == [.ambiguousDate])
        let dmy = try Configuration.parse("dates: dmy\n")
        #expect(
            Self.parse("## 03/05/2025\n\nbody\n", configuration: dmy).entries.first?.date?.description == "2025-05-03")
        let mdy = try Configuration.parse("dates: mdy\n")
        #expect(
            Self.parse("## 03/05/2025\n\nbody\n", configuration: mdy).entries.first?.date?.description == "2025-03-05")
        #expect(throws: ConfigurationError.self) { try Configuration.parse("dates: ymd\n") }
    }

    @Test("human dates can be turned off")
    func humanDatesOff() throws {
        let configuration = try Configuration.parse("conventions:\n  human-dates: off\n")
        #expect(Self.parse("## 5 March 2025\n\nbody\n", configuration: configuration).entries.first?.date == nil)
        #expect(Self.parse("## 2025-03-05\n\nbody\n", configuration: configuration).entries.first?.date != nil)
    }

    @Test(
        "daily notes and journals date their undated entries",
        arguments: [
            ("journals/2025_03_05.md", "2025-03-05"), ("Daily/2025-03-05.md", "2025-03-05"),
            ("deep/er/2025-03-05.md", "2025-03-05"), ("journals/Mar 5th, 2025.md", "2025-03-05"),
            ("notes/2025_03_05 draft.md", "-"),
        ])
    func fileDates(path: String, date: String) {
        #expect(Self.parse("- paid late\n", path: path).entries.first?.date?.description ?? "-" == date)
    }

    @Test(
        "front matter date: dates a file without a date in its name",
        arguments: ["date: 2025-03-05", "date: 2025-03-05T08:12", "date: 2025-03-05 08:12:30", "date: 5 March 2025"])
    func frontMatterDate(line: String) {
        let file = Self.parse("---\n\(line)\n---\n\n- paid late\n\n## 2025-04-01\n\n- later\n")
        #expect(file.entries.map { $0.date?.description ?? "-" } == ["2025-03-05", "2025-04-01"])
    }

    @Test("created: dates a shared note's undated entries, never a client page's")
    func createdDatesSharedNotesOnly() {
        let journal = Self.journal([
            ("Clients/Acme.md", "---\ncreated: 2024-07-22\n---\n\nProfile text. #praise\n"),
            ("Meetings/Kickoff.md", "---\ncreated: 2025-03-05T08:12\n---\n\n- [[Acme]] shouted at us #abuse\n"),
        ])
        #expect(
            journal.entries.map { "\($0.file):\($0.date?.description ?? "-")" } == [
                "Meetings/Kickoff.md:2025-03-05", "Clients/Acme.md:-",
            ])
    }

    @Test("entries under a heading with a bad date stay undated: no section or file date is borrowed")
    func badHeadingLeavesEntriesUndated() {
        let file = Self.parse(
            "## 2025-04-12\n\n- a\n\n## 31.04.2025\n\n- b #late\n\n### notes\n\n- c\n\n## 2025-05-01\n\n- d\n",
            path: "2025-04-30.md")
        #expect(file.entries.map { $0.date?.description ?? "-" } == ["2025-04-12", "-", "-", "2025-05-01"])
    }

    @Test("in a Logseq graph a page reference to a tag is that tag; other page references are links")
    func logseqPageReferences() {
        var parser = JournalParser()
        parser.pageReferencesAreTags = true
        let file = parser.parse(
            path: "journals/2025_03_05.md", client: "",
            bytes: Array("- [[Lumen]] paid 19 days [[late]], see [[Invoices]] {{query [[late]] #lie}}\n".utf8))
        #expect(file.entries.first?.tags.map { "\($0.name)@\($0.column)" } == ["late@26"])
        #expect(Self.parse("- [[Lumen]] paid [[late]]\n").entries.first?.tags == [])
    }

    @Test("a wikilinked dated heading opens a dated section")
    func wikilinkedHeading() {
        let file = Self.parse("## [[2023-05-04]]\n\n- paid late #late\n\n## [[Mar 5th, 2025]] call\n\n- x\n")
        #expect(file.entries.map { $0.date?.description ?? "-" } == ["2023-05-04", "2025-03-05"])
        #expect(file.entries.last?.title == "call")
    }

    // MARK: - Front matter tags in every shape

    @Test(
        "front matter tags",
        arguments: [
            ("tags: opensource tool email DNS", ["opensource@1:7", "tool@1:18", "email@1:23", "DNS@1:29"]),
            ("tags: late, lie", ["late@1:7", "lie@1:13"]),
            ("tags: [late, \"#lie\"]", ["late@1:8", "lie@1:15"]),
            ("tags:\n  - late\n  - \"#lie\"", ["late@2:5", "lie@3:6"]),
            ("tags: #late #lie", ["late@1:7", "lie@1:13"]),
            ("tags:\n  - #late", ["late@2:5"]),
            ("tag: late", ["late@1:6"]),
            ("tags: client late", ["late@1:14"]),
        ])
    func frontMatterTags(yaml: String, expected: [String]) {
        let file = Self.parse("---\n\(yaml)\n---\n\nbody\n")
        // Lines are counted from the first YAML line (line 2 of the file) for readability.
        #expect(file.fields.tags.map { "\($0.raw)@\($0.line - 1):\($0.column)" } == expected)
    }

    @Test("Logseq page properties are the page's front matter; tags:: in both shapes")
    func logseqPageProperties() {
        let file = Self.parse(
            "client:: [[Kestrel Apps]]\nbilling:: hourly\nalias:: KA, [[Kestrel Co]]\ntags:: #acme, [[Late]], lie\n\n- body\n",
            path: "pages/Kestrel.md")
        #expect(file.fields.client == "Kestrel Apps")
        #expect(file.fields.billing == .hourly)
        #expect(file.fields.aliases == ["KA", "Kestrel Co"])
        #expect(file.fields.tags.map { "\($0.raw)@\($0.column)" } == ["acme@8", "Late@15", "lie@25"])
        #expect(file.entries.map(\.text) == ["body"])
        #expect(file.entries.first?.tags.map(\.name) == ["acme", "late", "lie"])
    }

    @Test("Logseq blocks: each top-level block is an entry with its children; properties are not text")
    func logseqOutline() {
        let file = Self.parse(
            """
            - first #late
              id:: 65f0c2a1
              collapsed:: true
            \t- child line
            - second
              tags:: lie, [[changed mind]]
            - template:: standup
              - [[Client]] did #legal
            -
            """, path: "journals/2025_03_05.md")
        #expect(file.entries.map(\.text) == ["first #late\nchild line", "second"])
        #expect(file.entries.map { $0.date?.description ?? "-" } == ["2025-03-05", "2025-03-05"])
        #expect(file.entries[1].tags.map(\.name) == ["lie", "changed-mind"])
    }

    @Test("callouts, tasks and emoji dates are ordinary text; a task's date does not re-date the entry")
    func calloutsAndTasks() {
        let file = Self.parse(
            "## 2025-03-05\n\n> [!warning] Invoice 2025-011\n> Paid late. #late\n\n- [ ] Chase invoice 📅 2025-03-20 #late\n- [x] Done ✅ 2025-03-06\n"
        )
        #expect(
            file.entries.map(\.text) == [
                "Invoice 2025-011 Paid late. #late", "[ ] Chase invoice 📅 2025-03-20 #late", "[x] Done ✅ 2025-03-06",
            ])
        #expect(file.entries.allSatisfy { $0.date?.description == "2025-03-05" })
    }

    @Test("wikilinks show their visible text and are collected as links")
    func wikilinks() {
        let file = Self.parse("- [[Acme Corp|Acme]] and [[Page#Heading]] and [[#Local]] and ![[scan.png]] #late\n")
        #expect(file.entries.first?.text == "Acme and Page > Heading and Local and scan.png #late")
        #expect(file.entries.first?.links == ["Acme Corp", "Page"])
        #expect(file.entries.first?.tags.map(\.raw) == ["late"])
    }

    @Test("comments are never text, never tags; turned off they are text")
    func comments() throws {
        let text = "- before %% secret #lie %% after #late\n\n%%\nblock #legal\n%%\n"
        let file = Self.parse(text)
        #expect(file.entries.map(\.text) == ["before after #late"])
        #expect(file.entries.flatMap(\.tags).map(\.name) == ["late"])
        #expect(!file.entries.contains { $0.markdown.contains("secret") })
        let off = try Configuration.parse("conventions:\n  comments: off\n")
        #expect(Self.parse(text, configuration: off).entries.flatMap(\.tags).map(\.name) == ["lie", "late", "legal"])
    }

    @Test("wikilinks can be turned off")
    func wikilinksOff() throws {
        let off = try Configuration.parse("conventions:\n  wikilinks: off\n")
        #expect(Self.parse("- see [[#legal]]\n", configuration: off).entries.first?.tags.map(\.name) == ["legal"])
        #expect(throws: ConfigurationError.self) { try Configuration.parse("conventions:\n  wikilink: off\n") }
    }

    // MARK: - Attribution

    @Test("shared journals: a block goes to the client it links, by name, alias or #tag")
    func sharedJournals() {
        let journal = Self.journal([
            ("pages/Acme.md", "client:: Acme Corp\naliases:: ACME\n\n- profile\n"),
            ("pages/Beta.md", "type:: client\n"),
            ("pages/Notes.md", "- just a page\n"),
            (
                "journals/2025_03_05.md",
                "- [[Acme Corp]] paid late #late\n- [[ACME]] again #late\n- #beta lied #lie\n- [[Beta|B]] #dispute\n"
                    + "- nobody #late\n- [[Acme]] and [[Beta]] #unreasonable\n- a walk\n"
            ),
        ])
        #expect(journal.clients.map(\.id) == ["acme", "beta"])
        #expect(
            journal.entries.map { "\($0.client):\($0.line)" } == ["acme:1", "acme:2", "acme:4", "beta:3", "beta:4"])
        // The tag naming a client is a link, not a tag.
        #expect(journal.entries.first { $0.line == 3 }?.tags.map(\.name) == ["lie"])
        #expect(
            journal.unattributed.map { "\($0.entry.file):\($0.entry.line)" } == [
                "journals/2025_03_05.md:5", "journals/2025_03_05.md:6", "journals/2025_03_05.md:7", "pages/Notes.md:1",
            ])
        #expect(journal.unattributed[1].reason == .severalClients(["acme", "beta"]))
    }

    @Test("a heading that links a client gives it to the blocks under it; a page link to the whole page")
    func headingAndPageAttribution() {
        let journal = Self.journal([
            ("Clients/Acme.md", ""),
            ("Clients/Beta.md", ""),
            (
                "Daily/2025-03-05.md",
                "## [[Acme]]\n\n- paid late #late\n- [[Beta]] praised us #praise\n\n## Other\n\n- x #late\n"
            ),
            ("Meetings/Review.md", "---\nclient: \"[[Beta]]\"\ndate: 2025-03-06\n---\n\n- they lied #lie\n"),
        ])
        #expect(
            journal.entries.map { "\($0.client):\($0.file):\($0.line)" } == [
                "acme:Daily/2025-03-05.md:3", "beta:Daily/2025-03-05.md:4", "beta:Meetings/Review.md:6",
            ])
        #expect(journal.unattributed.map(\.entry.line) == [8])
    }

    @Test("Templates/ is not a client, journals/ and pages/ are not clients, top-level daily notes are shared")
    func noFolderClients() {
        let journal = Self.journal([
            ("acme.md", "- 2025-03-01: kick-off\n"),
            ("Templates/Meeting.md", "- {{date}} #late\n"),
            ("2025-03-05.md", "- [[acme]] paid late #late\n"),
        ])
        #expect(journal.clients.map(\.id) == ["acme"])
        #expect(journal.entries.map(\.file) == ["acme.md", "2025-03-05.md"])
    }

    @Test("plain notes keep their layout: a client per top-level file and folder")
    func plainNotes() throws {
        let journal = Self.journal([("acme.md", "- x\n"), ("beta/2025.md", "- y\n")])
        #expect(journal.clients.map(\.id) == ["acme", "beta"])
        let off = try Configuration.parse("conventions:\n  vault-layout: off\n")
        let graph = Self.journal([("journals/2025_03_05.md", "- x\n"), ("pages/A.md", "- y\n")], configuration: off)
        #expect(graph.clients.map(\.id) == ["journals", "pages"])
    }

    // MARK: - Rendering

    @Test("HTML: callouts as callouts, tasks as check boxes, embeds as links, wikilinks as text")
    func html() {
        let callout = NotesMarkup.html("> [!warning] Invoice 2025-011\n> Paid late.")
        #expect(callout.contains("<blockquote class=\"callout callout-warning\">"))
        #expect(callout.contains("<p class=\"callout-title\"><strong>Warning</strong> Invoice 2025-011</p>"))
        #expect(callout.contains("<p>Paid late.</p>"))
        #expect(!callout.contains("[!warning]"))
        #expect(NotesMarkup.html("[ ] Chase").contains("<input type=\"checkbox\" disabled> Chase"))
        #expect(NotesMarkup.html("[x] Done").contains("checked"))
        let embed = NotesMarkup.html("See ![[scan file.png]] and [[Acme|the Acme people]]")
        #expect(embed.contains("<a href=\"scan%20file.png\">scan file.png</a>"))
        #expect(embed.contains("the Acme people"))
        #expect(!embed.contains("[["))
    }

    @Test("Markdown dossiers: a task shows its box, a callout its type")
    func markdownInline() {
        let task = Entry(
            client: "c", date: nil, file: "f.md", line: 1, endLine: 1, text: "[ ] Chase", markdown: "[ ] Chase",
            tags: [])
        #expect(NotesMarkup.inlineText(task) == "☐ Chase")
        let callout = Entry(
            client: "c", date: nil, file: "f.md", line: 1, endLine: 2, text: "Invoice\nPaid late.",
            markdown: "> [!warning] Invoice\n> Paid late.", tags: [])
        #expect(NotesMarkup.inlineText(callout) == "**Warning:** Invoice / Paid late.")
    }
}
