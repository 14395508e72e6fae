import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// The views that answer Mustache by name (no reflection) answer for every property they have.
@Suite("HTML views: lookups by name")
struct HTMLViewLookupTests {
    /// Every stored property of `view` (by `Mirror`) is found by `child(named:)` with the same value.
    static func check(_ view: Any, _ child: (String) -> Any?) {
        let children = Mirror(reflecting: view).children
        #expect(!children.isEmpty)
        for case let (label?, value) in children {
            let found = child(label)
            #expect(found != nil, "\(type(of: view)).\(label) is not looked up")
            #expect(String(describing: found.map { $0 } ?? "nil") == String(describing: value), "\(label)")
        }
        #expect(child("noSuchName") == nil)
    }

    @Test("entry, tag, anchor, month and citation views")
    func everyProperty() throws {
        let day = try #require(CalendarDate(year: 2025, month: 3, day: 5))
        var entry = Entry(
            client: "acme", date: day, time: "14:30", title: "Call", file: "acme.md", line: 3, endLine: 4,
            text: "late", markdown: "late #late",
            tags: [Tag(name: "late", subtype: nil, raw: "late", line: 3, column: 6, isKnown: true)])
        entry.links = ["Acme"]
        let view = HTMLView.EntryView(TimelineEntry(entry, asOf: day), sectionAnchors: ["a-1"])
        Self.check(view, view.child(named:))
        let tag = try #require(view.tags.first)
        Self.check(tag, tag.child(named:))
        let anchor = try #require(view.sectionAnchors.first)
        Self.check(anchor, anchor.child(named:))
        let month = HTMLView.MonthView(month: "2025-03", count: 1, entries: [view])
        Self.check(month, month.child(named:))
        let citation = HTMLView.CitationView(CitedEntry(entry))
        Self.check(citation, citation.child(named:))
    }

    @Test("dossier, triage and every view nested in them, from journal-samples")
    func everyView() throws {
        let journal = NotesDirectory.load(root: PolicySamplesTests.samples)
        let policy = try Policy(configuration: journal.configuration)
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: Make.asOf), policy: policy, inputDigest: "d")
        var checked = Set<String>()
        func check(_ view: Any, _ child: (String) -> Any?) {
            Self.check(view, child)
            checked.insert("\(type(of: view))")
        }
        for var dossier in dossiers {
            dossier.evidence = EvidenceManifest(citing: dossier.citedEntries, in: journal)
            let view = DossierHTMLRenderer.view(dossier, indexLink: "index.html")
            check(view, view.child(named:))
            check(view.client, view.client.child(named:))
            check(view.verdict, view.verdict.child(named:))
            for reason in view.reasons + view.noted { check(reason, reason.child(named:)) }
            for fact in view.facts { check(fact, fact.child(named:)) }
            for count in view.tagCounts { check(count, count.child(named:)) }
            for closure in view.closures { check(closure, closure.child(named:)) }
            for evidence in view.evidence { check(evidence, evidence.child(named:)) }
        }
        let provenance = HTMLView.ProvenanceView(anchor: "a", date: "d", reference: "r", sentence: "s", late: true)
        check(provenance, provenance.child(named:))
        let reason = HTMLView.TriageReasonView(tag: "late", outcome: "watch")
        check(reason, reason.child(named:))
        let client = HTMLView.TriageClientView(
            id: "a", name: "A", link: "a.html", hasLink: true, verdict: .init(.watch), score: 30, incidents: 2,
            lastIncident: "2026-01-02", summary: "s", reasons: [reason], hasReasons: true, scoreChart: "",
            hasScoreChart: false)
        check(client, client.child(named:))
        let triage = HTMLView.TriageView(
            title: "t", asOf: "2026-11-29", policyDigest: "p", inputDigest: "i", tally: "1", fire: 0, watch: 1,
            keep: 0, clients: [client])
        check(triage, triage.child(named:))
        #expect(
            checked.isSuperset(of: [
                "DossierView", "ClientView", "VerdictView", "ReasonView", "FactView", "TagCountView", "ClosureView",
                "EvidenceView",
            ]))
    }
}
