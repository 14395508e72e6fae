import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal

/// The parse cache's file format: what goes in comes out, and bad bytes are refused, never a crash.
@Suite("Parse cache")
struct ParseCacheTests {
    /// Every file of the samples and of the vault fixtures, parsed, without its text.
    static let files: [ParsedFile] = {
        let vaults = TestPaths.testsRoot.appendingPathComponent("Fixtures/vaults")
        let roots =
            [TestPaths.samples.path]
            + ((try? FileManager.default.contentsOfDirectory(atPath: vaults.path)) ?? []).sorted().map {
                vaults.appendingPathComponent($0).path
            }
        return roots.flatMap { NotesDirectory.load(root: $0, options: .init(keepsSource: false)).files }
    }()

    static func encoded(_ file: ParsedFile) -> [UInt8] {
        var writer = ParseCacheCodec.Writer()
        ParseCacheCodec.encode(file, into: &writer)
        return writer.bytes
    }

    @Test("every parsed file of the samples and vaults reads back equal")
    func roundTrip() throws {
        #expect(Self.files.count > 40)
        #expect(Self.files.contains { $0.frontMatter?.value != nil })
        #expect(Self.files.contains { !$0.diagnostics.isEmpty })
        for file in Self.files {
            var reader = ParseCacheCodec.Reader(Self.encoded(file)[...])
            let decoded = try ParseCacheCodec.decode(&reader)
            #expect(reader.isAtEnd)
            #expect(decoded == file, "\(file.path)")
        }
    }

    @Test("every truncation and many corruptions of a record are refused or read, never a crash")
    func corruption() {
        let file = Self.files.max { Self.encoded($0).count < Self.encoded($1).count }
        guard let file else { return }
        let bytes = Self.encoded(file)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var reader = ParseCacheCodec.Reader(bytes[..<length])
            #expect((try? ParseCacheCodec.decode(&reader)) == nil, "truncated at \(length)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<3 { damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255) }
            var reader = ParseCacheCodec.Reader(damaged[...])
            _ = try? ParseCacheCodec.decode(&reader)
        }
    }

    @Test("the default folder: $XDG_CACHE_HOME/redflag, else ~/.cache/redflag, never a relative path")
    func defaultFolder() {
        #expect(ParseCache.defaultFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/redflag")
        #expect(ParseCache.defaultFolder(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/redflag")
        #expect(ParseCache.defaultFolder(environment: [:]) == nil)
    }
}
