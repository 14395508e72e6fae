import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagKit
@testable import RedflagOutput

/// Reading one client at a time (`NotesDirectory.streamByClient`, behind `scan` and `tags`) gives
/// exactly what loading everything gives: the same entries in the same order, the same clients and
/// diagnostics, whatever the jobs and the cache; and it refuses notes it cannot read that way.
@Suite("Streaming load")
struct StreamingLoadTests {
    /// Notes whose path order is not their client order, with a client in a file and a folder, a
    /// name that slugs to nothing, a file that is not text, and a file with an invalid date.
    static func trickyNotes() throws -> URL {
        let root = try TestPaths.temporaryDirectory()
        let files: [String: [UInt8]] = [
            "B.md": Array("- 2025-01-05: late again #late\n- 2024-12-01: earlier #lie\n".utf8),
            "a.md": Array("- 2025-01-02: paid #paid\n".utf8),
            "acme.md": Array("---\nclient: Acme Corp\n---\n- 2025-02-01: in the file #late\n".utf8),
            "acme/2025-01.md": Array("## 2025-01-03\nIn the folder #warned\n\n- undated one\n".utf8),
            "acme/2024-12.md": Array("## 2024-12-03\nOlder, later file name #changed-mind\n".utf8),
            "!!!.md": Array("- 2025-01-01: nobody's #late\n".utf8),
            "zed.md": [0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00],
            "yak.md": Array("- 2025-02-30: impossible day #late\n- 2025-03-01: fine\r\n".utf8),
        ]
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    /// The samples as plain notes: a copy without `.obsidian` (in an Obsidian vault, a page is a
    /// client's only once every page's front matter is read, so the vault itself is loaded whole).
    static func plainSamples() throws -> URL {
        let root = try TestPaths.temporaryDirectory().appendingPathComponent("samples")
        try FileManager.default.copyItem(at: TestPaths.samples, to: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".obsidian"))
        return root
    }

    /// What streaming gives: the journal left at the end and every batch with its client.
    static func stream(_ root: String, options: NotesDirectory.LoadOptions) throws -> (Journal, [(ClientID, [Entry])]) {
        let workspace = try Workspace.open(notes: root)
        var batches: [(ClientID, [Entry])] = []
        let journal = try #require(workspace.stream(options: options) { batches.append(($0, $1)) })
        return (journal, batches)
    }

    @Test(
        "the samples and tricky notes stream the entries, clients and diagnostics that load gives", arguments: [1, 3])
    func sameAsLoad(jobs: Int) throws {
        let tricky = try Self.trickyNotes()
        let samples = try Self.plainSamples()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
        }
        for root in [samples.path, tricky.path] {
            let workspace = try Workspace.open(notes: root)
            let loaded = workspace.load(options: .init(jobs: 1, keepsSource: false))
            let (streamed, batches) = try Self.stream(root, options: .init(jobs: jobs, keepsSource: false))
            #expect(batches.flatMap(\.1) == loaded.entries, "\(root)")
            #expect(!batches.isEmpty)
            // One batch per client, in client order, each holding only that client's entries.
            #expect(batches.map(\.0) == batches.map(\.0).sorted())
            #expect(Set(batches.map(\.0)).count == batches.count)
            #expect(batches.allSatisfy { client, entries in entries.allSatisfy { $0.client == client } })
            #expect(streamed.clients == loaded.clients, "\(root)")
            #expect(streamed.allDiagnostics == loaded.allDiagnostics, "\(root)")
            #expect(streamed.files.map(\.path) == loaded.files.map(\.path))
            #expect(streamed.files.allSatisfy { $0.entries.isEmpty && $0.source.text.isEmpty })
        }
    }

    @Test("a cold and a warm cache stream the same entries and diagnostics")
    func withCache() throws {
        let tricky = try Self.trickyNotes()
        let folder = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: folder)
        }
        let workspace = try Workspace.open(notes: tricky.path)
        let cache = try workspace.cache(folder: folder.path, version: "test")
        let (reference, expected) = try Self.stream(tricky.path, options: .init(jobs: 1, keepsSource: false))
        for _ in 0..<2 {
            let (journal, batches) = try Self.stream(
                tricky.path, options: .init(jobs: 2, keepsSource: false, cache: cache))
            #expect(batches.flatMap(\.1) == expected.flatMap(\.1))
            #expect(journal.allDiagnostics == reference.allDiagnostics)
        }
        #expect(FileManager.default.fileExists(atPath: cache.file))
    }

    @Test("notes with shared files (journals, vaults) are not streamed, and nothing is consumed")
    func sharedNotesRefused() throws {
        let vaults = TestPaths.fixtures.appendingPathComponent("vaults")
        let names = try FileManager.default.contentsOfDirectory(atPath: vaults.path).sorted()
        var refused = 0
        for root in names.map({ vaults.appendingPathComponent($0).path }) + [TestPaths.samples.path] {
            let name = root
            let workspace = try Workspace.open(notes: root)
            var consumed = 0
            if let journal = workspace.stream(options: .init(keepsSource: false), { _, _ in consumed += 1 }) {
                // A vault whose every file is a client's own streams like any plain notes.
                #expect(journal.clients == workspace.load(options: .init(keepsSource: false)).clients)
            } else {
                #expect(consumed == 0, "\(name)")
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    @Test(
        "scan's output written one client at a time is byte for byte the whole output", arguments: ScanFormat.allCases)
    func scanStreamMatchesRenderer(format: ScanFormat) throws {
        let tricky = try Self.trickyNotes()
        let samples = try Self.plainSamples()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
        }
        for root in [samples.path, tricky.path] {
            let (_, batches) = try Self.stream(root, options: .init(jobs: 1, keepsSource: false))
            var stream = ScanStream(format: format)
            var written = stream.header
            for (_, entries) in batches { written += stream.render(entries) + stream.render([]) }
            written += stream.footer
            #expect(written == ScanRenderer.render(batches.flatMap(\.1), format: format), "\(root)")
        }
        var empty = ScanStream(format: format)
        #expect(empty.header + empty.render([]) + empty.footer == ScanRenderer.render([], format: format))
    }

    @Test("tag counts added entry by entry, in any order, are the counts of all entries")
    func tagCounter() throws {
        let entries = try Workspace.open(notes: TestPaths.samples.path).load().entries
        #expect(!entries.isEmpty)
        var counter = TagStatistics.Counter()
        for entry in entries.reversed() { counter.add(entry) }
        #expect(counter.statistics == TagStatistics(entries: entries))
    }

    @Test("the ordered window hands every value over in order, with at most `window` in flight")
    func orderedWindow() {
        let inFlight = InFlight()
        var seen: [Int] = []
        ParallelWork.ordered(
            count: 200, jobs: 3, window: 6,
            produce: { index in
                inFlight.change(+1)
                return index * 2
            },
            consume: { index, value in
                #expect(value == index * 2)
                seen.append(index)
                inFlight.change(-1)
            })
        #expect(seen == Array(0..<200))
        // The consumer frees a slot just before its `consume` returns: one more may start meanwhile.
        #expect(inFlight.peak <= 6 + 1)
        #expect(inFlight.peak >= 1)
    }
}

/// Values produced and not yet consumed, and the most there ever were.
private final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private(set) var peak = 0

    func change(_ delta: Int) {
        lock.withLock {
            count += delta
            peak = max(peak, count)
        }
    }
}
