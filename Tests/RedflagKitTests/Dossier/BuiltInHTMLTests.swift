import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// The built-in templates rendered natively (`BuiltInHTML`) are the bytes swift-mustache makes
/// from the same `.mustache` files, so the two cannot drift; a user's template goes through Mustache.
@Suite("Built-in HTML: native rendering equals Mustache")
struct BuiltInHTMLTests {
    static let asOf = Make.day("2026-11-29")

    /// Text that must stay escaped: markup, quotes, ampersands, non-ASCII, combining marks, controls.
    static let tricky = [
        DossierEscapingTests.attack, "Müller & Söhne — 東京 \"quoted\" 'single' &amp; a < b > c",
        "\"\u{301} quote with a combining accent, &\u{301}, <\u{338}", "bell \u{7}, escape \u{1B}[31m, del \u{7F}",
        "", "🙂👍🏽 emoji, e\u{301}, \r\n crlf", "\"\u{301}", "<\u{301}script>alert(1)</script>",
        "x\" onmouseover=\"alert(1)\u{301}\"\u{301} '\u{301}>\u{20D2}",
    ]

    /// Strings whose `& < > " '` are followed by a combining mark: one `Character` with it, so
    /// escaping by characters would leave them raw.
    static let combining = [
        "\"\u{301}", "<\u{301}script>alert(1)</script>", "'\u{301} onmouseover='alert(1)'", "&\u{301}amp;",
        ">\u{20D2}", "x\"\u{301} onerror=\"\u{301}alert(1)", DossierEscapingTests.attack + "\u{301}",
    ]

    /// `bytes` with the five entities `HTML.escape` writes turned back into their characters.
    static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
        let entities: [(String, UInt8)] = [
            ("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27),
        ]
        var out: [UInt8] = []
        var index = 0
        outer: while index < bytes.count {
            for (entity, byte) in entities where bytes[index...].starts(with: entity.utf8) {
                out.append(byte)
                index += entity.utf8.count
                continue outer
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    /// True when `html` holds `text` byte for byte (`String.contains` compares characters).
    static func holds(_ html: String, _ text: String) -> Bool {
        html.utf8.firstRange(of: text.utf8) != nil
    }

    /// Every dossier (standalone and in a site, with provenance) and the triage (standalone and as
    /// the index) of `journal`, each rendered natively and by Mustache: equal bytes.
    static func expectSame(
        _ journal: Journal, templates: HTMLTemplates, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws -> Int
    {
        let mustache = templates.mustacheOnly()
        let policy = try Policy(configuration: journal.configuration)
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: "digest").map {
            var dossier = $0
            dossier.evidence = EvidenceManifest(citing: dossier.citedEntries, in: journal)
            return dossier
        }
        var pages = 0
        for (index, dossier) in dossiers.enumerated() {
            let provenance =
                index.isMultiple(of: 2)
                ? Provenance(dossier) { _, line in
                    line.isMultiple(of: 3) ? nil : (String(repeating: "ab", count: 20), Make.day("2026-11-01"))
                } : nil
            for link in [nil, Site.indexName] {
                let native = DossierHTMLRenderer.render(
                    dossier, templates: templates, indexLink: link, provenance: provenance)
                let expected = DossierHTMLRenderer.render(
                    dossier, templates: mustache, indexLink: link, provenance: provenance)
                #expect(native == expected, "dossier \(dossier.client.id.rawValue)", sourceLocation: sourceLocation)
                pages += 1
            }
        }
        let triage = Triage(dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: "digest")
        let links = Site.fileNames(for: triage.rows.map(\.client.id.rawValue))
        for links in [nil, links] {
            let native = TriageHTMLRenderer.render(triage, templates: templates, links: links)
            #expect(
                native == TriageHTMLRenderer.render(triage, templates: mustache, links: links), "triage",
                sourceLocation: sourceLocation)
            pages += 1
        }
        return pages
    }

    @Test("journal-samples, the injection and everything fixtures, and a generated corpus")
    func notesTrees() throws {
        let templates = try HTMLTemplates.load()
        #expect(templates.builtIn == Set(HTMLTemplates.names), "the built-in templates are rendered natively")
        #expect(templates.mustacheOnly().builtIn.isEmpty)
        let corpus = try GeneratedCorpus(seed: "builtin-html", clients: 12, entriesPerClient: 40)
        defer { corpus.remove() }
        var pages = 0
        for root in [
            TestPaths.samples, TestPaths.fixtures.appendingPathComponent("injection"),
            TestPaths.fixtures.appendingPathComponent("everything"), corpus.notes,
        ] {
            pages += try Self.expectSame(NotesDirectory.load(root: root.path), templates: templates)
        }
        #expect(pages > 40)
    }

    @Test("tricky text in every field of a dossier and a triage")
    func trickyText() throws {
        let templates = try HTMLTemplates.load()
        let mustache = templates.mustacheOnly()
        for text in Self.tricky {
            for markdown in ["", text, "- [x] done <b>bold</b> & *em* \(text)"] {
                let dossier = DossierEscapingTests.dossier(name: text, markdown: markdown, text: text)
                let provenance = Provenance(dossier) { _, _ in (text, Make.day("2026-05-01")) }
                for link in [nil, text] {
                    #expect(
                        DossierHTMLRenderer.render(
                            dossier, templates: templates, indexLink: link, provenance: provenance)
                            == DossierHTMLRenderer.render(
                                dossier, templates: mustache, indexLink: link, provenance: provenance), "\(text)")
                }
                let triage = Triage([dossier], asOf: Self.asOf, policyDigest: text, inputDigest: text)
                for links in [nil, ["evil": text]] {
                    #expect(
                        TriageHTMLRenderer.render(triage, templates: templates, links: links)
                            == TriageHTMLRenderer.render(triage, templates: mustache, links: links), "\(text)")
                }
            }
        }
    }

    @Test("every & < > \" ' is escaped whatever follows it")
    func escapesScalars() {
        #expect(
            Array(HTML.escape("\"\u{301}<\u{301}script>&\u{301}'\u{301}>\u{20D2}é").utf8)
                == Array("&quot;\u{301}&lt;\u{301}script&gt;&amp;\u{301}&#39;\u{301}&gt;\u{20D2}é".utf8))
        for text in Self.combining + Self.tricky {
            let escaped = HTML.escape(text)
            #expect(!escaped.utf8.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }, "\(text)")
            // Unescaping the five (by bytes: Foundation would match characters) gives the text back.
            #expect(Self.unescaped(Array(escaped.utf8)) == Array(text.utf8), "\(text)")
        }
    }

    @Test("a quote or a bracket before a combining mark never reaches the page raw, natively or by Mustache")
    func combiningMarks() throws {
        let templates = try HTMLTemplates.load()
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A user's templates (and partial): Mustache's `{{...}}` escapes by scalars too.
        try Data(
            #"<p title="{{client.name}}">{{client.name}}</p>{{#months}}{{#entries}}{{> entry}}{{/entries}}{{/months}}"#
                .utf8
        )
        .write(to: directory.appendingPathComponent("dossier.mustache"))
        try Data(#"<i title="{{title}}">{{title}}</i>"#.utf8).write(
            to: directory.appendingPathComponent("entry.mustache"))
        let user = try HTMLTemplates.load(overrides: directory.path)
        for text in Self.combining {
            let dossier = DossierEscapingTests.dossier(name: text, text: text, title: text)
            let triage = Triage([dossier], asOf: Self.asOf, policyDigest: text, inputDigest: text)
            let pages = [
                DossierHTMLRenderer.render(dossier, templates: templates, indexLink: text),
                DossierHTMLRenderer.render(dossier, templates: templates.mustacheOnly(), indexLink: text),
                DossierHTMLRenderer.render(dossier, templates: user),
                TriageHTMLRenderer.render(triage, templates: templates, links: ["evil": text]),
                TriageHTMLRenderer.render(triage, templates: templates.mustacheOnly(), links: ["evil": text]),
            ]
            for (index, html) in pages.enumerated() {
                #expect(Self.holds(html, HTML.escape(text)), "page \(index): \(text)")
                for raw in ["\"\u{301}", "'\u{301}", "<\u{301}", ">\u{20D2}", "<script", "\" onerror"] {
                    #expect(!Self.holds(html, raw), "page \(index): \(raw) in \(text)")
                }
            }
            #expect(pages[0] == pages[1])
            #expect(pages[3] == pages[4])
            #expect(Self.holds(pages[2], "<i title=\"" + HTML.escape(text) + "\">"))
        }
    }

    @Test("a template error names the line and column the user wrote")
    func templateErrorLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<p>\n{{#months}}\n</p>\n".utf8).write(to: directory.appendingPathComponent("dossier.mustache"))
        #expect {
            try HTMLTemplates.load(overrides: directory.path)
        } throws: { error in
            let message = (error as? TemplateError)?.message ?? ""
            return message.hasPrefix("template 'dossier.mustache' is invalid: line ")
        }
    }

    @Test("a user's template goes through Mustache; the pages it does not touch stay native and equal")
    func userTemplates() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<p>{{client.name}}</p>{{#months}}{{#entries}}{{> entry}}{{/entries}}{{/months}}".utf8).write(
            to: directory.appendingPathComponent("dossier.mustache"))
        try Data("{{#tags}}[{{name}}]{{/tags}}|".utf8).write(to: directory.appendingPathComponent("entry.mustache"))
        let templates = try HTMLTemplates.load(overrides: directory.path)
        #expect(templates.builtIn == ["triage", "style"])
        let dossier = DossierEscapingTests.dossier()
        let html = DossierHTMLRenderer.render(dossier, templates: templates)
        #expect(
            html == "<p>&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
                + "&quot;&#39;&amp;{{title}}{{{chart}}}</p>[lie]|")
        let triage = Triage([dossier], asOf: Self.asOf, policyDigest: "p", inputDigest: "i")
        #expect(
            TriageHTMLRenderer.render(triage, templates: templates, links: nil)
                == TriageHTMLRenderer.render(triage, templates: templates.mustacheOnly(), links: nil))
        // A style of one's own: both pages go through Mustache, with it.
        try Data("b { color: {{#x}}red{{/x}}teal; }\n".utf8).write(
            to: directory.appendingPathComponent("style.mustache"))
        let styled = try HTMLTemplates.load(overrides: directory.path)
        #expect(styled.builtIn == ["triage"])
        #expect(
            TriageHTMLRenderer.render(triage, templates: styled, links: nil).contains(
                "<style>\nb { color: teal; }\n</style>"))
    }
}
