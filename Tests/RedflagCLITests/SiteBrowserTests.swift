import Foundation
import RedflagTestSupport
import Testing

/// Real-browser checks: headless Chromium renders the generated pages (`--dump-dom`) and the tests
/// read the resulting DOM. Chromium is required: `make test` installs it (scripts/install-deps.sh --test).
@Suite("Site and dossier in headless Chromium", .serialized)
struct SiteBrowserTests {
    /// The chromium executable, or nil.
    static var chromium: String? { Subprocess.find(["chromium", "chromium-browser"]) }

    /// The DOM of `file` after Chromium loaded it (scripts, if any could run, have run). Chromium
    /// runs with a deadline: a hung browser fails the test (`Subprocess.Timeout`).
    static func dumpDOM(_ file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let chromium else {
            Issue.record(
                "chromium is not installed: run `make test` (it installs it via scripts/install-deps.sh --test)",
                sourceLocation: sourceLocation)
            return ""
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redflag-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try Subprocess.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                "--virtual-time-budget=2000", "--dump-dom", file.absoluteString,
            ], timeout: 90)
        #expect(result.status == 0, "chromium failed on \(file.path)", sourceLocation: sourceLocation)
        return result.stdoutText
    }

    static func site(_ notes: String) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redflag-browser-\(UUID().uuidString)")
        let result = try CLI.run(["site", notes, "--output", output.path, "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func samplesDossierAndIndexRender() throws {
        let output = try Self.site("journal-samples")
        defer { try? FileManager.default.removeItem(at: output) }
        let json = try CLI.run([
            "dossier", "kessler-bau", "--notes", "journal-samples", "--format", "json", "--as-of", "2026-11-29",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let expectedEntries =
            ((object?["timeline"] as? [Any])?.count ?? -1) + ((object?["undated"] as? [Any])?.count ?? 0)
        #expect(expectedEntries > 10)

        let dossier = try Self.dumpDOM(output.appendingPathComponent("kessler-bau.html"))
        let verdict = dossier.firstMatch(of: /id="verdict"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\s*([A-Za-z ]+)<\/span>/)
        #expect(verdict.map { String($0.output.1) } == "Fire this client")
        #expect(Self.count("<li class=\"entry", in: dossier) == expectedEntries)
        #expect(dossier.contains("<svg class=\"chart\""))
        #expect(Self.count("<rect class=\"bar\"", in: dossier) > 0)
        #expect(dossier.contains("<title>Kessler Bau GmbH: Fire this client</title>"))

        let index = try Self.dumpDOM(output.appendingPathComponent("index.html"))
        #expect(Self.count("<tr class=\"client\"", in: index) == 10)
        #expect(index.contains("<a href=\"kessler-bau.html\">Kessler Bau GmbH</a>"))
        #expect(Self.count("</span> FIRE</span>", in: index) == 5)
    }

    @Test func injectionJournalRunsNoScriptAndShowsTheTextEscaped() throws {
        let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/RedflagKitTests/Fixtures/injection").path
        let output = try Self.site(fixture)
        defer { try? FileManager.default.removeItem(at: output) }
        for page in ["index.html", "evil.html"] {
            let dom = try Self.dumpDOM(output.appendingPathComponent(page))
            #expect(dom.contains("</html>"), "\(page): no DOM")
            // Injected scripts would set document.title to PWNED-...: the title must be the page's own.
            let title = dom.firstMatch(of: /<title>([^<]*)<\/title>/).map { String($0.output.1) } ?? ""
            #expect(title.hasPrefix("&lt;script&gt;") || title.hasPrefix("Triage as of"), "\(page): title \(title)")
            // In a serialised DOM a raw "<" only opens real elements: none of the injected ones may exist.
            for element in ["<script", "<img", "<iframe", "<b id", "<p id=\"pwned", "<a href=\"javascript"] {
                #expect(!dom.lowercased().contains(element), "\(page): found \(element)")
            }
            #expect(dom.firstMatch(of: /<[a-zA-Z][^>]*\son[a-z]+=/) == nil, "\(page): an element has an event handler")
            #expect(!dom.contains("id=\"pwned"), "\(page): an injected element exists")
            // The text shows escaped.
            #expect(dom.contains("&lt;script&gt;document.title='PWNED-NAME'&lt;/script&gt;&lt;b id=pwned-name&gt;Evil"))
        }
        let dossier = try String(contentsOf: output.appendingPathComponent("evil.html"), encoding: .utf8)
        #expect(dossier.contains("{{title}} {{{chart}}} #dispute"), "template syntax in notes shows as text")
    }
}
