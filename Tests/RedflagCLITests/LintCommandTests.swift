import Foundation
import Testing

@Suite("redflag lint")
struct LintCommandTests {
    static let overdue = "- 2026-10-30: Invoice 2211 still not paid, 45 days overdue.\n"

    @Test("exit 0 without findings at the failing level; warnings fail only with --strict")
    func exitCodes() throws {
        let clean = try CLI.notes(["acme.md": "- 2026-10-30: Paid on time. #paid\n"])
        defer { try? FileManager.default.removeItem(at: clean) }
        let ok = try CLI.run(["lint", clean.path, "--as-of", "2026-11-29"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "no problems in 1 file\n")

        let warned = try CLI.notes(["acme.md": Self.overdue])
        defer { try? FileManager.default.removeItem(at: warned) }
        #expect(try CLI.run(["lint", warned.path, "--as-of", "2026-11-29"]).status == 0)
        let strict = try CLI.run(["lint", warned.path, "--as-of", "2026-11-29", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("acme.md:1:1: warning: untagged incident"))
        #expect(
            try CLI.run(["lint", warned.path, "--as-of", "2026-11-29", "--strict", "--min-severity", "error"]).status
                == 0)

        let broken = try CLI.notes(["acme.md": "## 2024-02-30\n\nPaid late. #late\n"])
        defer { try? FileManager.default.removeItem(at: broken) }
        let error = try CLI.run(["lint", broken.path, "--as-of", "2026-11-29"])
        #expect(error.status == 1)
        #expect(error.stdout.contains("error: '2024-02-30' is not a valid date"))
    }

    @Test("exit 2 for an invalid lint section, naming redflag.yml and the line")
    func badConfiguration() throws {
        let notes = try CLI.notes([
            "acme.md": Self.overdue, "redflag.yml": "lint:\n  rules:\n    untagged-incidents: off\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["lint", notes.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("redflag.yml:3:5: error: unknown rule 'untagged-incidents'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("exit 64 for usage errors")
    func usage() throws {
        #expect(try CLI.run(["lint", "--format", "xml"]).status == 64)
        #expect(try CLI.run(["lint", "--fix-threshold", "2", "--fix"]).status == 64)
        #expect(try CLI.run(["lint", "--dry-run"]).status == 64)
        #expect(try CLI.run(["lint", "--as-of", "2026-02-30"]).status == 64)
    }

    @Test("--list-rules prints every rule with its rationale; md and json too")
    func listRules() throws {
        let text = try CLI.run(["lint", "--list-rules"])
        #expect(text.status == 0)
        for id in [
            "untagged-incident", "unknown-tag", "undated-entry", "invalid-date", "future-date", "date-order",
            "front-matter", "duplicate-client", "missing-reason", "unused-suppression", "ineffective-closing",
        ] {
            #expect(text.stdout.contains("\(id) ("), "\(id)")
        }
        let markdown = try CLI.run(["lint", "--list-rules", "--format", "md"])
        #expect(markdown.stdout.contains("### untagged-incident"))
        let json = try CLI.run(["lint", "--list-rules", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["rules"] as? [[String: Any]])?.count == 13)
    }

    @Test("files given one by one find their notes root by redflag.yml and are the only ones reported")
    func filesForPreCommit() throws {
        let notes = try CLI.notes([
            "redflag.yml": "vocabulary:\n  tags: [wordpress]\n",
            "acme/2026.md": Self.overdue + "- 2026-11-01: Theme update. #wordpress\n",
            "beta.md": "- 2026-11-01: #lei\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["lint", "acme/2026.md", "--format", "json", "--as-of", "2026-11-29"], in: notes)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["file"] as? String } == ["acme/2026.md"])
        #expect(findings.first?["rule"] as? String == "untagged-incident")
        let inside = try CLI.run(
            ["lint", "2026.md", "--as-of", "2026-11-29"], in: notes.appendingPathComponent("acme"))
        #expect(
            inside.stdout.contains("../acme/2026.md:1:1") || inside.stdout.contains("acme/2026.md:1:1"),
            "\(inside.stdout)")
    }

    @Test("--fix adds the tag, keeps the mode, and a second run changes nothing; --dry-run writes nothing")
    func fix() throws {
        let notes = try CLI.notes([
            "acme.md": "# Acme\r\n\r\n" + Self.overdue.replacingOccurrences(of: "\n", with: "\r\n")
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let file = notes.appendingPathComponent("acme.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let preview = try CLI.run(["lint", notes.path, "--fix", "--dry-run", "--as-of", "2026-11-29"])
        #expect(preview.status == 0)
        #expect(preview.stdout.contains("+- 2026-10-30: Invoice 2211 still not paid, 45 days overdue. #late"))
        #expect(preview.stderr.contains("would add 1 tag in 1 file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)

        let fixed = try CLI.run(["lint", notes.path, "--fix", "--as-of", "2026-11-29"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stderr.contains("added 1 tag in 1 file"))
        #expect(fixed.stdout == "no problems in 1 file\n")
        let after = try String(contentsOfFile: file, encoding: .utf8)
        #expect(after == "# Acme\r\n\r\n- 2026-10-30: Invoice 2211 still not paid, 45 days overdue. #late\r\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.posixPermissions] as? Int == 0o600)

        let again = try CLI.run(["lint", notes.path, "--fix", "--as-of", "2026-11-29"])
        #expect(again.stderr.contains("added 0 tags in 0 files"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == after)
    }

    @Test("github and sarif formats on journal-samples")
    func formats() throws {
        let github = try CLI.run(["lint", "journal-samples", "--format", "github", "--as-of", "2026-11-29"])
        #expect(github.status == 0)
        #expect(
            github.stdout.split(separator: "\n").allSatisfy {
                $0.hasPrefix("::warning ") || $0.hasPrefix("::error ") || $0.hasPrefix("::notice ")
            })
        #expect(
            github.stdout.contains(
                "::warning file=journal-samples/duarte-imoveis.md,line=70,col=1,title=untagged-incident::"))
        let sarif = try CLI.run(["lint", "journal-samples", "--format", "sarif", "--as-of", "2026-11-29"])
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
    }
}
