import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Everything a user wrote reaches HTML escaped (entry bodies only through cmark's safe renderer),
/// Markdown outputs cannot open HTML, and template syntax in notes is shown, never run.
@Suite("Dossier escaping")
struct DossierEscapingTests {
    static let attack = "<script>document.title='x'</script><img src=x onerror=alert(1)>\"'&{{title}}{{{chart}}}"

    static func dossier(
        name: String = attack, markdown: String = "", text: String = attack, title: String = attack
    ) -> Dossier {
        let client = Client(
            id: "evil", name: name, aliases: [attack], contact: attack, since: Make.day("2026-01-01"),
            billing: .fixed, rate: "</style>" + attack, status: attack, files: ["evil.md"])
        let entries = [
            Entry(
                client: "evil", date: Make.day("2026-03-02"), title: title, file: "evil.md", line: 7, endLine: 7,
                text: text, markdown: markdown, tags: [Make.tag("lie", line: 7)]),
            Entry(
                client: "evil", date: nil, file: "evil.md", line: 9, endLine: 9, text: text,
                markdown: markdown, tags: [Make.tag("late", line: 9)]),
        ]
        let timeline = Timeline(client: client, entries: entries, asOf: Make.asOf)
        return Dossier(
            timeline: timeline, assessment: Policy.standard.assess(timeline), policyDigest: Policy.standard.digest,
            inputDigest: "0123")
    }

    /// Tags of `html` outside text: every `<name` that opens an element.
    static func elementNames(_ html: String) -> Set<String> {
        let pattern = /<([a-zA-Z][a-zA-Z0-9-]*)/
        return Set(html.matches(of: pattern).map { String($0.output.1).lowercased() })
    }

    @Test("HTML dossier: user strings are escaped, no script, no event handler, no template expansion")
    func htmlDossier() throws {
        let markdown = "He lied <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)> #lie"
        let html = DossierHTMLRenderer.render(Self.dossier(markdown: markdown), templates: try HTMLTemplates.load())
        let elements = Self.elementNames(html)
        #expect(!elements.contains("script"))
        #expect(!elements.contains("img"))
        #expect(!elements.contains("iframe"))
        #expect(html.firstMatch(of: /<[^>]*\son[a-z]+\s*=/) == nil, "an element carries an event handler")
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;"))
        #expect(html.contains("{{title}}{{{chart}}}"), "template syntax in notes must be shown as text")
        #expect(html.components(separatedBy: "</style>").count == 2, "only the page's own </style>")
        #expect(html.contains("<!-- raw HTML omitted -->"), "entry bodies go through cmark's safe renderer")
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
    }

    @Test("HTML triage: client names are escaped")
    func htmlTriage() throws {
        let dossier = Self.dossier()
        let triage = Triage([dossier], asOf: Make.asOf, policyDigest: "p", inputDigest: "i")
        let html = TriageHTMLRenderer.render(triage, templates: try HTMLTemplates.load(), links: ["evil": "evil.html"])
        #expect(!Self.elementNames(html).contains("script"))
        #expect(!Self.elementNames(html).contains("img"))
        #expect(html.contains("<a href=\"evil.html\">&lt;script&gt;"))
    }

    @Test("Markdown: user text cannot open HTML or break a table")
    func markdown() {
        let text = DossierMarkdownRenderer.render(Self.dossier(name: "A | B <b>x</b>"))
        #expect(text.hasPrefix("# A \\| B \\<b\\>x\\</b\\>: ✕ Fire this client\n"))
        #expect(text.firstMatch(of: /[^\\]</) == nil, "every < is escaped")
        #expect(text.contains("\\<script\\>"))
        let triage = Triage([Self.dossier(name: "A | B")], asOf: Make.asOf, policyDigest: "p", inputDigest: "i")
        #expect(TriageRenderer.markdown(triage).contains("| A \\| B (`evil`) |"))
    }

    @Test("terminal table: control characters in names cannot reach the terminal")
    func terminal() {
        let triage = Triage(
            [Self.dossier(name: "Evil\u{1B}[2J\u{7}Co")], asOf: Make.asOf, policyDigest: "p", inputDigest: "i")
        let text = TriageRenderer.text(triage, color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
    }

    @Test("CSV: a name starting with = is neutralised")
    func csv() {
        let triage = Triage(
            [Self.dossier(name: "=HYPERLINK(\"x\")")], asOf: Make.asOf, policyDigest: "p", inputDigest: "i")
        #expect(TriageRenderer.csv(triage).contains(",\"'=HYPERLINK(\"\"x\"\")\","))
    }

    @Test("the SVG chart escapes and labels its axes, with a legend, title and description")
    func chart() throws {
        let svg = try #require(TimelineChart.svg(Self.dossier().timeline))
        #expect(svg.contains("<title id=\"chart-title\">"))
        #expect(svg.contains("<desc id=\"chart-desc\">"))
        #expect(svg.contains(">Incidents</text>"))
        #expect(svg.contains(">Month</text>"))
        #expect(svg.contains(">#lie</text>"), "legend")
        #expect(svg.contains(">2026-03</text>"))
        #expect(svg.contains(">2026-11</text>"), "the months run to the as-of month")
    }

    @Test("a template directory overrides templates by file name; a broken one is an error")
    func templateOverride() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("body { color: rebeccapurple; }".utf8).write(to: directory.appendingPathComponent("style.mustache"))
        let html = DossierHTMLRenderer.render(
            Self.dossier(), templates: try HTMLTemplates.load(overrides: directory.path))
        #expect(html.contains("rebeccapurple"))
        #expect(html.contains("id=\"verdict\""), "the other templates stay the defaults")
        try Data("{{#broken}}".utf8).write(to: directory.appendingPathComponent("dossier.mustache"))
        #expect(throws: TemplateError.self) { try HTMLTemplates.load(overrides: directory.path) }
        #expect(throws: TemplateError.self) { try HTMLTemplates.load(overrides: directory.path + "/missing") }
    }
}
