import Foundation
import Testing

/// `lint --fix` reaches its fixed point in one run, on real notes (journal-samples/, the vault
/// fixtures): a second run changes nothing, and the fixes a new user found wrong (issue 11) never
/// happen.
@Suite("Lint --fix: one run reaches the fixed point")
struct LintFixPointTests {
    static let asOf = ["--as-of", "2026-11-29"]

    /// A copy of `folder` (relative to the repository) in a new temporary directory.
    static func copy(_ folder: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redflag-fixpoint-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent(folder), to: target)
        return target
    }

    /// Every regular file under `root`, relative path → bytes.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test(
        "a second --fix run changes nothing",
        arguments: [
            "journal-samples", "Tests/RedflagKitTests/Fixtures/vaults/obsidian",
            "Tests/RedflagKitTests/Fixtures/vaults/foam", "Tests/RedflagKitTests/Fixtures/vaults/logseq",
        ])
    func secondRunChangesNothing(folder: String) throws {
        let root = try Self.copy(folder)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CLI.run(["lint", root.path, "--fix"] + Self.asOf)
        #expect(first.status != 2, "\(first.stderr)")
        let afterFirst = try Self.snapshot(root)
        let second = try CLI.run(["lint", root.path, "--fix"] + Self.asOf)
        #expect(second.stderr.contains("added 0 tags in 0 files"), "\(folder): \(second.stderr)")
        #expect(try Self.snapshot(root) == afterFirst, "\(folder): the second run changed files")
    }

    @Test("no tag after an Obsidian comment, none that the entry already mentions")
    func obsidianComments() throws {
        let root = try Self.copy("Tests/RedflagKitTests/Fixtures/vaults/obsidian")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try CLI.run(["lint", root.path, "--fix", "--fix-threshold", "0.3"] + Self.asOf)
        for (path, data) in try Self.snapshot(root) where path.hasSuffix(".md") {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") {
                #expect(!line.contains("%% #"), "\(path): a tag right after a comment: \(line)")
                #expect(!line.contains("--> #"), "\(path): a tag right after a comment: \(line)")
            }
        }
        let acme = String(
            decoding: try Data(contentsOf: root.appendingPathComponent("Clients/Acme Corp.md")), as: UTF8.self)
        #expect(acme.components(separatedBy: "#legal").count == 2, "#legal added again:\n\(acme)")
    }

    @Test("the false fixes a new user saw: abuse is not #ignored-advice, a fixed price is not #competitor")
    func newUserFalseFixes() throws {
        let notes = try CLI.notes([
            "acme.md": """
            - 2026-03-02: You people never listen, this is amateur garbage.
            - 2026-03-04: First meeting at the shop. Fixed price for the whole catalogue, deadline in May.

            """
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["lint", notes.path, "--fix", "--dry-run"] + Self.asOf)
        #expect(
            !result.stdout.contains("+- 2026-03-02: You people never listen, this is amateur garbage. #ignored-advice"))
        #expect(!result.stdout.contains("#competitor"), "\(result.stdout)")
        #expect(!result.stdout.contains("#ignored-advice"), "\(result.stdout)")
    }
}
