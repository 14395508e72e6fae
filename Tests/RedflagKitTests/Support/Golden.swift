import Foundation
import Testing

/// Golden files: rendered output compared byte for byte with `Tests/RedflagKitTests/Snapshots/NAME`.
///
/// Set `REDFLAG_RECORD=1` to write the current output as the new golden; the test then fails, so a
/// recording run can never pass by accident.
enum Golden {
    static let snapshots = TestPaths.testsRoot.appendingPathComponent("Snapshots")

    static func assertMatches(
        _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REDFLAG_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record(
                "recorded golden file \(name); run again without REDFLAG_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); record it with REDFLAG_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ =
                firstDifference.map {
                    "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)"
                } ?? "lengths differ (\(expectedLines.count) vs \(actualLines.count) lines)"
            Issue.record("output differs from golden \(name) at \(where_)", sourceLocation: sourceLocation)
        }
    }
}

/// Paths of the source tree, found from this file's location (tests read fixtures in place).
enum TestPaths {
    /// `Tests/RedflagKitTests`.
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The repository root.
    static let repositoryRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsRoot.appendingPathComponent("Fixtures")
    static let samples = repositoryRoot.appendingPathComponent("journal-samples")

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
