import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagKit

/// Triage judged one client at a time (`Workspace.streamTriage`) is the triage of the whole load, and
/// its cache (`TriageCache`) reuses exactly the clients whose files did not change.
@Suite("Streamed triage and its cache")
struct StreamedTriageTests {
    static let asOf = Make.day("2026-11-29")

    /// The triage of loading and judging everything at once: the reference.
    static func wholeTriage(_ root: String, asOf: CalendarDate = asOf) throws -> Triage {
        let workspace = try Workspace.open(notes: root)
        return workspace.judge(workspace.load(options: .init(jobs: 1, keepsSource: false)), asOf: asOf).triage
    }

    /// The streamed triage with `folder` as cache (none when nil), and the clients that were judged
    /// (not taken from the cache).
    static func streamed(
        _ root: String, cache folder: URL?, asOf: CalendarDate = asOf, jobs: Int = 2
    ) throws -> (Triage, judged: [ClientID], journal: Journal) {
        let workspace = try Workspace.open(notes: root)
        let cache = folder.map { TriageCache(folder: $0.path, root: root, version: "test") }
        let session = cache?.opened(configuration: workspace.configuration, asOf: asOf)
        var judged: [ClientID] = []
        var rows: [ClientID: Triage.Row] = [:]
        let streamed = workspace.streamJudged(
            asOf: asOf, options: .init(jobs: jobs, keepsSource: false), reuse: session?.reuse
        ) { dossier, notes in
            judged.append(dossier.client.id)
            rows[dossier.client.id] = Triage.Row(dossier)
            session?.remember(Triage.Row(dossier), files: notes.files)
        }
        let journal = try #require(streamed)
        session?.save(clients: journal.clients.map(\.id))
        let ordered = try journal.clients.map { client in
            try #require(rows[client.id] ?? session?.row(for: client.id), "\(client.id)")
        }
        let triage = Triage(
            rows: ordered, asOf: asOf, policyDigest: workspace.policy.digest, inputDigest: InputDigest.of(journal))
        // The one-call form gives the same triage.
        let direct = try #require(
            workspace.streamTriage(asOf: asOf, options: .init(jobs: jobs, keepsSource: false), cache: nil))
        #expect(direct.triage == triage)
        return (triage, judged, journal)
    }

    @Test("the samples and tricky notes give the triage of the whole load, with any jobs", arguments: [1, 3])
    func sameAsWholeLoad(jobs: Int) throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let samples = try StreamingLoadTests.plainSamples()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
        }
        for root in [samples.path, tricky.path] {
            let (triage, judged, journal) = try Self.streamed(root, cache: nil, jobs: jobs)
            let whole = try Self.wholeTriage(root)
            #expect(triage == whole, "\(root)")
            #expect(!triage.rows.isEmpty)
            #expect(judged == journal.clients.map(\.id))
            let workspace = try Workspace.open(notes: root)
            #expect(journal.allDiagnostics == workspace.load(options: .init(keepsSource: false)).allDiagnostics)
        }
    }

    @Test("a warm cache judges nothing and gives the same triage; a touched file still counts as unchanged")
    func warmCache() throws {
        let samples = try StreamingLoadTests.plainSamples()
        let folder = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: folder)
        }
        let whole = try Self.wholeTriage(samples.path)
        let cold = try Self.streamed(samples.path, cache: folder)
        #expect(cold.0 == whole)
        #expect(!cold.judged.isEmpty)
        let warm = try Self.streamed(samples.path, cache: folder)
        #expect(warm.0 == whole)
        #expect(warm.judged.isEmpty)
        #expect(warm.journal.allDiagnostics == cold.journal.allDiagnostics)
        #expect(warm.journal.clients == cold.journal.clients)
        // Same bytes, new modification time: compared by SHA-256, not judged again.
        let file = try #require(
            FileManager.default.enumerator(atPath: samples.path)?.compactMap { $0 as? String }
                .first { $0.hasSuffix(".md") })
        let url = samples.appendingPathComponent(file)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url.path)
        let touched = try Self.streamed(samples.path, cache: folder)
        #expect(touched.judged.isEmpty)
        #expect(touched.0 == whole)
    }

    @Test("a changed, added or removed file judges only its client again")
    func changedFile() throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let folder = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: folder)
        }
        _ = try Self.streamed(tricky.path, cache: folder)
        // A new incident for acme, in one of its files.
        let acme = tricky.appendingPathComponent("acme/2025-01.md")
        try Data("## 2025-01-03\nIn the folder #warned\n\n- 2025-01-09: shouted #abuse/physical\n".utf8).write(to: acme)
        let changed = try Self.streamed(tricky.path, cache: folder)
        #expect(changed.judged == [ClientID(rawValue: "acme")])
        #expect(changed.0 == (try Self.wholeTriage(tricky.path)))
        // A new file for a, and a removed client.
        try FileManager.default.createDirectory(
            at: tricky.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("- 2025-03-02: lied about it #lie\n".utf8).write(to: tricky.appendingPathComponent("a/more.md"))
        try FileManager.default.removeItem(at: tricky.appendingPathComponent("yak.md"))
        let again = try Self.streamed(tricky.path, cache: folder)
        #expect(again.judged == [ClientID(rawValue: "a")])
        #expect(again.0 == (try Self.wholeTriage(tricky.path)))
        #expect(!again.0.rows.contains { $0.client.id.rawValue == "yak" })
    }

    @Test("another as-of date or configuration judges every client again")
    func keyChanges() throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let folder = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: folder)
        }
        let first = try Self.streamed(tricky.path, cache: folder)
        let later = Make.day("2027-06-01")
        let moved = try Self.streamed(tricky.path, cache: folder, asOf: later)
        #expect(moved.judged == first.judged)
        #expect(moved.0 == (try Self.wholeTriage(tricky.path, asOf: later)))
        try Data("policy:\n  late:\n    watch: 1\n    fire: 2\n".utf8).write(
            to: tricky.appendingPathComponent("redflag.yml"))
        let configured = try Self.streamed(tricky.path, cache: folder, asOf: later)
        #expect(configured.judged == first.judged)
        #expect(configured.0 == (try Self.wholeTriage(tricky.path, asOf: later)))
        #expect(configured.0 != moved.0)
    }

    @Test("a corrupt, truncated or foreign cache file is ignored and rewritten", arguments: 0..<4)
    func corruptCache(damage: Int) throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let folder = try TestPaths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: folder)
        }
        let first = try Self.streamed(tricky.path, cache: folder)
        let file = TriageCache(folder: folder.path, root: tricky.path, version: "test").file
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case 0: bytes = Array(bytes.prefix(bytes.count / 2))
        case 1: bytes = Array("not a cache at all".utf8)
        case 2:
            // One flipped byte in the last row's JSON: the checksum no longer matches.
            bytes[bytes.count - 3] ^= 0x01
        default:
            // Every byte after the header flipped.
            for index in TriageCache.magic.count..<bytes.count { bytes[index] ^= 0xFF }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let again = try Self.streamed(tricky.path, cache: folder)
        #expect(again.0 == first.0)
        #expect(!again.judged.isEmpty)
        let rewritten = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(rewritten.starts(with: TriageCache.magic))
        #expect(try Self.streamed(tricky.path, cache: folder).judged.isEmpty)
    }

    @Test("every row of the samples and tricky notes reads back equal from its cache bytes")
    func rowCodecRoundTrip() throws {
        let tricky = try StreamingLoadTests.trickyNotes()
        let samples = try StreamingLoadTests.plainSamples()
        defer {
            try? FileManager.default.removeItem(at: tricky)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
        }
        var rows: [Triage.Row] = []
        for root in [samples.path, tricky.path, TestPaths.samples.path] {
            rows += try Self.wholeTriage(root).rows
            rows += try Self.wholeTriage(root, asOf: Make.day("2024-06-30")).rows
        }
        #expect(rows.contains { !$0.assessment.closures.isEmpty })
        #expect(rows.contains { $0.assessment.reasons.contains { $0.nextThreshold != nil } })
        #expect(rows.contains { !$0.assessment.noted.isEmpty })
        for row in rows {
            var writer = ParseCacheCodec.Writer()
            TriageRowCodec.encode(row, into: &writer)
            var reader = ParseCacheCodec.Reader(writer.bytes[...])
            #expect(try TriageRowCodec.decode(&reader) == row)
            #expect(reader.isAtEnd)
            // Every cut of the bytes is an error, never a crash.
            var cut = ParseCacheCodec.Reader(writer.bytes.dropLast())
            #expect(throws: ParseCacheCodec.Corrupt.self) { try TriageRowCodec.decode(&cut) }
        }
    }
}
