import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagKit
@testable import RedflagOutput

/// The site written one client at a time (`Workspace.streamSite`) is the site of the whole load,
/// file for file and byte for byte, with the same refusals.
@Suite("Streamed site")
struct StreamedSiteTests {
    static let asOf = Make.day("2026-11-29")

    /// Every file of a folder, by name.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test("the samples and tricky notes give the pages of the whole load, into a new or an earlier site")
    func sameAsWholeSite() throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let samples = try StreamingLoadTests.plainSamples()
        let scratch = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: scratch)
        }
        let templates = try HTMLTemplates.load(overrides: nil)
        for (index, root) in [samples.path, tricky.path].enumerated() {
            let workspace = try Workspace.open(notes: root)
            let journal = workspace.load(options: .init(jobs: 1, keepsSource: false))
            let judgement = workspace.judge(journal, asOf: Self.asOf)
            let whole = scratch.appendingPathComponent("whole-\(index)")
            try SiteWriter.write(
                Site(dossiers: judgement.dossiers, triage: judgement.triage, templates: templates), to: whole.path,
                notes: root)
            let streamedFolder = scratch.appendingPathComponent("streamed-\(index)")
            let streamed = try #require(
                try workspace.streamSite(
                    asOf: Self.asOf, options: .init(jobs: 2, keepsSource: false), output: streamedFolder.path,
                    templates: templates))
            #expect(!streamed.changed)
            #expect(streamed.written.count == journal.clients.count + 1)
            #expect(streamed.journal.allDiagnostics == journal.allDiagnostics)
            let expected = try Self.contents(of: whole)
            #expect(expected.count > 2)
            #expect(try Self.contents(of: streamedFolder) == expected, "\(root)")
            // Over the earlier site (its pages are redflag's): the same files again.
            _ = try workspace.streamSite(
                asOf: Self.asOf, options: .init(jobs: 1, keepsSource: false), output: whole.path, templates: templates)
            #expect(try Self.contents(of: whole) == expected, "\(root)")
        }
    }

    @Test("a page redflag did not write is refused before anything is written")
    func refusal() throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let output = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: output)
        }
        try Data("mine".utf8).write(to: output.appendingPathComponent("acme.html"))
        let workspace = try Workspace.open(notes: tricky.path)
        #expect(throws: SiteError.self) {
            try workspace.streamSite(
                asOf: Self.asOf, options: .init(keepsSource: false), output: output.path,
                templates: try HTMLTemplates.load(overrides: nil))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["acme.html"])
    }
}
