import Foundation
import RedflagTestSupport
import Testing

/// Sharing evidence from the command line: `--redact`, `verify`, and the site's own cleanup.
@Suite("redflag --redact, verify, site cleanup")
struct SharingCommandTests {
    static let asOf = ["--as-of", "2026-11-29"]
    static let acme = """
        ---
        contact: Hans Weber <hans@acme.example>, +49 170 555 0142
        ---
        ## 2026-03-05
        Hans said the €4,800 invoice never arrived; it was sent to hans@acme.example. #lie

        ## 2026-04-01
        Paid 30 days late. #late
        """

    @Test("verify: 0 on an untouched tree, 1 after a cited entry is edited or deleted, 2 on an unreadable dossier")
    func verify() throws {
        let notes = try CLI.notes(["acme.md": Self.acme, "redflag.yml": "redact: [Weber]\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let dossier = notes.deletingLastPathComponent().appendingPathComponent("\(notes.lastPathComponent).json")
        defer { try? FileManager.default.removeItem(at: dossier) }
        let made = try CLI.run(
            ["dossier", notes.path, "acme", "--format", "json", "--output", dossier.path] + Self.asOf)
        #expect(made.status == 0, "\(made.stderr)")
        var result = try CLI.run(["verify", dossier.path, notes.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 cited entries: 2 intact, 0 changed, 0 vanished"))

        let file = notes.appendingPathComponent("acme.md")
        try Data(Self.acme.replacingOccurrences(of: "30 days", with: "3 days").utf8).write(to: file)
        result = try CLI.run(["verify", dossier.path, notes.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("changed: acme.md:8 (2026-04-01)"), "\(result.stdout)")

        try Data(Self.acme.replacingOccurrences(of: "## 2026-04-01\nPaid 30 days late. #late", with: "").utf8)
            .write(to: file)
        result = try CLI.run(["verify", dossier.path, notes.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"vanished\""))

        result = try CLI.run(["verify", notes.appendingPathComponent("acme.md").path, notes.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a JSON dossier"))
    }

    @Test("--redact masks the contact, e-mails, phones and amounts in dossier, triage and site; tags and dates stay")
    func redact() throws {
        let notes = try CLI.notes(["acme.md": Self.acme, "redflag.yml": "redact: [Weber]\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let site = notes.deletingLastPathComponent().appendingPathComponent("\(notes.lastPathComponent)-site")
        defer { try? FileManager.default.removeItem(at: site) }
        var outputs: [String] = []
        for format in ["md", "json", "html"] {
            outputs.append(
                try CLI.run(["dossier", notes.path, "acme", "--format", format, "--redact"] + Self.asOf).stdout)
        }
        for format in ["text", "md", "json", "csv", "html"] {
            outputs.append(try CLI.run(["triage", notes.path, "--format", format, "--redact"] + Self.asOf).stdout)
        }
        let written = try CLI.run(["site", notes.path, "--output", site.path, "--redact"] + Self.asOf)
        #expect(written.status == 0, "\(written.stderr)")
        for page in try FileManager.default.contentsOfDirectory(atPath: site.path) where page.hasSuffix(".html") {
            outputs.append(String(decoding: try Data(contentsOf: site.appendingPathComponent(page)), as: UTF8.self))
        }
        #expect(outputs.count >= 10)
        for output in outputs {
            for secret in ["Hans", "Weber", "hans@acme.example", "0142", "4,800"] {
                #expect(!output.contains(secret), "\(secret) in \(output.prefix(300))")
            }
        }
        #expect(outputs[1].contains("#lie") && outputs[1].contains("2026-03-05") && outputs[1].contains("[email]"))
    }

    @Test("--redact in a git repository: the provenance section is masked too")
    func redactWithProvenance() throws {
        let notes = try GitNotes.make(["acme.md": Self.acme, "redflag.yml": "redact: [Weber]\n"], day: "2026-04-02")
        defer { notes.remove() }
        for format in ["md", "json", "html"] {
            let result = try CLI.run(
                ["dossier", notes.root.path, "acme", "--format", format, "--redact"] + Self.asOf)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("first committed") || result.stdout.contains("committed"), "\(format)")
            for secret in ["Hans", "Weber", "hans@acme.example", "0142", "4,800"] {
                #expect(!result.stdout.contains(secret), "\(format): \(secret)")
            }
        }
    }

    @Test("site removes the page of a client that is gone, and no file it did not write")
    func siteCleanup() throws {
        let notes = try CLI.notes(["acme.md": Self.acme, "beta.md": "## 2026-01-01\nFine. #paid\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let site = notes.deletingLastPathComponent().appendingPathComponent("\(notes.lastPathComponent)-site")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try CLI.run(["site", notes.path, "--output", site.path] + Self.asOf).status == 0)
        try Data("mine".utf8).write(to: site.appendingPathComponent("notes.html"))
        try FileManager.default.removeItem(at: notes.appendingPathComponent("beta.md"))
        #expect(try CLI.run(["site", notes.path, "--output", site.path] + Self.asOf).status == 0)
        let listing = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(listing == [".redflag-site.json", "acme.html", "index.html", "notes.html"])
    }
}
