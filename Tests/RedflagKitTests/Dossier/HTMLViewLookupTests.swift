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
}
