import Foundation
import RedflagTestSupport
import Testing

/// `redflag --version`: a plain `swift build` (what the tests run) says the base version of
/// `Sources/redflag/Version.swift`; `make release` stamps it from `git describe` (checked by
/// `make install-check` in CI).
@Suite("redflag --version")
struct VersionTests {
    @Test("an unstamped build prints the base version written in Version.swift")
    func unstamped() throws {
        let source = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("Sources/redflag/Version.swift"), encoding: .utf8)
        let line = try #require(source.split(separator: "\n").first { $0.contains("static let base = \"") })
        let base = try #require(line.split(separator: "\"").dropFirst().first)
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == base + "\n")
    }
}
