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
        "", "🙂👍🏽 emoji, e\u{301}, \r\n crlf",
    ]

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
