import Foundation
import RedflagKit
import RedflagTestSupport
import Testing

/// `ChangeReport` (what `redflag diff` shows): entries compared by date, time and text, so an
/// entry that moved is not new; clients that appear are listed; the threshold.
@Suite("Change report")
struct ChangeReportTests {
    static func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

    static func journal(_ files: [String: String]) throws -> (Workspace, Journal, URL) {
        let root = try TemporaryNotes.make(files)
        let workspace = try Workspace.open(notes: root.path)
        return (workspace, workspace.load(), root)
    }

    @Test("an entry moved to another file or line is the same entry; only the new one is listed")
    func movedIsNotNew() throws {
        let lie = "- 2026-10-10: Said the files were sent; they were not. #lie\n"
        let (workspace, old, oldRoot) = try Self.journal(["acme.md": "# Acme\n\n" + lie])
        defer { try? FileManager.default.removeItem(at: oldRoot) }
        let (_, new, newRoot) = try Self.journal([
            "acme/2026-10.md": lie, "acme/2026-11.md": "- 2026-11-02: Threatened to sue #legal\n",
        ])
        defer { try? FileManager.default.removeItem(at: newRoot) }
        let asOf = try Self.day("2026-11-29")
        let report = ChangeReport(
            since: "test", before: asOf, old: workspace.judge(old, asOf: asOf).dossiers, oldJournal: old, after: asOf,
            new: workspace.judge(new, asOf: asOf).dossiers, newJournal: new, threshold: 0)
        let change = try #require(report.changes.first { $0.client == "acme" })
        #expect(change.newEntries.map(\.file) == ["acme/2026-11.md"])
        #expect(change.removedEntries == 0)
    }

    @Test("a date leaves out the entries after it; a verdict change is listed with its entry")
    func sinceDate() throws {
        let (workspace, journal, root) = try Self.journal([
            "acme.md": "- 2026-09-01: kickoff #paid\n",
            "bolt.md": "- 2026-10-20: Said the invoice was paid; it was not. #lie\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try workspace.changes(
            since: .date(Self.day("2026-10-01")), label: "2026-10-01", journal: journal,
            asOf: Self.day("2026-11-29"), threshold: 10)
        #expect(report.before == (try Self.day("2026-10-01")))
        #expect(report.changes.map(\.client) == ["bolt"])
        let bolt = try #require(report.changes.first)
        #expect(bolt.before?.verdict == .keep)
        #expect(bolt.after?.verdict == .fire)
        #expect(bolt.newEntries.map(\.line) == [1])
        // Nothing changed since yesterday: no client listed at any threshold.
        let quiet = try workspace.changes(
            since: .date(Self.day("2026-11-28")), label: "-1d", journal: journal, asOf: Self.day("2026-11-29"),
            threshold: 0)
        #expect(quiet.changes.isEmpty)
    }
}
