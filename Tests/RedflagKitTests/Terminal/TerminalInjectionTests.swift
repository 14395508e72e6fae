import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Escape sequences, control bytes, a NUL and bidi controls written in notes (text, client names,
/// file names, tags) never reach a terminal raw: every terminal-bound renderer shows them escaped
/// (`\u{1B}`), keeps redflag's own colours, and keeps the lint caret under its character. JSON,
/// SARIF and HTML escape by their own rules, losslessly.
@Suite("Terminal injection")
struct TerminalInjectionTests {
    /// A file name, a client name (front matter, YAML escapes) and entries holding hostile characters.
    static let fileName = "e\u{1B}[31mvil\u{202E}.md"
    static let note = """
        ---
        client: "Acme \\u202Egnp.exe\\u202C \\e]0;pwned\\a\\u2066x\\u2069"
        billing: fixed
        ---

        ## 2026-03-02 Call \u{1B}[2J

        He lied \u{1B}[31mred\u{1B}[0m \u{0}nul \u{9B}31m \u{200F}rtl\u{200E} back\u{7F}space #lie

        - 2026-05-01: \u{1B}[1mdone\u{1B}[0m #lei \u{202A}x

        """

    static func journal() throws -> Journal { try LintHarness.journal([(fileName, note)]) }

    /// The scalars a terminal would act on, newlines (the renderers' own) allowed.
    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter { TerminalText.isEscaped($0, keepingNewlines: true) }
            .map { String($0.value, radix: 16) }
    }

    @Test("sanitized: controls, DEL, C1, NUL and bidi controls escaped; tabs, text and emoji kept")
    func sanitized() {
        #expect(TerminalText.sanitized("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(TerminalText.sanitized("\u{0}\u{7}\u{7F}\u{9B}") == "\\u{00}\\u{07}\\u{7F}\\u{9B}")
        #expect(TerminalText.sanitized("\u{202E}\u{2066}\u{200F}") == "\\u{202E}\\u{2066}\\u{200F}")
        #expect(TerminalText.sanitized("line\nnext\r") == "line\\u{0A}next\\u{0D}")
        #expect(TerminalText.sanitized("line\nnext\r", keepingNewlines: true) == "line\nnext\\u{0D}")
        #expect(TerminalText.sanitized("tab\tcafé 日本 🚩 ‏") != "tab\tcafé 日本 🚩 ‏")
        #expect(TerminalText.sanitized("tab\tcafé 日本 🚩") == "tab\tcafé 日本 🚩")
    }

    @Test("the caret stays under its character when the line holds escapes, wide characters and tabs")
    func caretAlignment() {
        for (line, target) in [
            ("- 2026-11-01: \u{1B}[1mdone\u{1B}[0m #lei", "#lei"),
            ("\t- 日本 \u{202E}x\u{202C} #lei", "#lei"),
            ("\u{0}\u{0}#lei", "#lei"),
        ] {
            let column = line.utf8.count - target.utf8.count + 1
            let (text, caret) = TerminalText.excerpt(line, column: column)
            #expect(Self.raw(text).isEmpty)
            // Terminal columns before the caret equal those before the target in the shown line.
            let before = text[..<(text.range(of: target)?.lowerBound ?? text.endIndex)]
            let width = before.reduce(0) { $0 + ($1 == "\t" ? 1 : SourceText.displayWidth($1)) }
            let caretWidth = caret.dropLast().count
            #expect(caret.hasSuffix("^"))
            #expect(caretWidth == width, "\(text) / \(caret)")
        }
    }

    @Test("printable ASCII lines take the byte path: same excerpt and caret as the character path")
    func asciiExcerpt() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("\t ab#-:.()[]{}~`\"'\\0123456789XYZ")
        for _ in 0..<300 {
            let line = String((0..<next(40)).map { _ in alphabet[next(alphabet.count)] })
            #expect(TerminalText.sanitized(line) == line)
            for column in 0...(line.utf8.count + 2) {
                // A trailing "é" sends the same line through the character-by-character path.
                let fast = TerminalText.excerpt(line, column: column)
                let slow = TerminalText.excerpt(line + "é", column: column)
                #expect(fast.text + "é" == slow.text)
                #expect(fast.caret == slow.caret, "\(line) @\(column)")
            }
        }
    }

    @Test("scan text, tags and triage text carry no raw control or bidi character")
    func scanTagsTriage() throws {
        let journal = try Self.journal()
        let scan = ScanRenderer.render(journal.entries, format: .text)
        #expect(Self.raw(scan).isEmpty, "\(Self.raw(scan))")
        // (cmark reads a NUL as U+FFFD, as CommonMark says.)
        #expect(scan.contains("\\u{1B}[31mred\\u{1B}[0m \u{FFFD}nul \\u{9B}31m \\u{200F}rtl\\u{200E} back\\u{7F}space"))
        #expect(scan.contains("e\\u{1B}[31mvil\\u{202E}.md:"))
        let tags = TagTable.render(TagStatistics(entries: journal.entries), vocabulary: .standard)
        #expect(Self.raw(tags).isEmpty)
        let policy = Policy.standard
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: LintHarness.asOf), policy: policy, inputDigest: "i")
        let triage = Triage(dossiers, asOf: LintHarness.asOf, policyDigest: "p", inputDigest: "i")
        for color in [false, true] {
            let text = TriageRenderer.text(triage, color: color)
            let withoutOwnColours = text.replacing(/\x{1B}\[[0-9;]*m/, with: "")
            #expect(Self.raw(withoutOwnColours).isEmpty, "\(Self.raw(withoutOwnColours))")
            #expect(text.contains("Acme \\u{202E}gnp.exe"))
            #expect(color == text.contains("\u{1B}[1;31mFIRE\u{1B}[0m"), "redflag's own colour stays")
        }
        let markdown = TriageRenderer.markdown(triage) + DossierMarkdownRenderer.render(try #require(dossiers.first))
        #expect(Self.raw(markdown).isEmpty, "\(Self.raw(markdown))")
    }

    @Test("lint text: path, message, excerpt and hint escaped, caret aligned, colours kept")
    func lintText() throws {
        let result = Linter().lint(try Self.journal(), asOf: LintHarness.asOf)
        #expect(result.findings.contains { $0.rule == "unknown-tag" })
        for color in [false, true] {
            let text = TextReporter().render(result, options: ReportOptions(root: "notes", color: color))
            let withoutOwnColours = text.replacing(/\x{1B}\[[0-9;]*m/, with: "")
            #expect(Self.raw(withoutOwnColours).isEmpty, "\(Self.raw(withoutOwnColours))")
            #expect(color == text.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        }
        let plain = TextReporter().render(result, options: ReportOptions(root: "notes"))
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let excerpt = try #require(lines.firstIndex { $0.contains("\\u{1B}[1mdone") && $0.contains("#lei") })
        #expect(
            lines[excerpt + 1].firstIndex(of: "^").map {
                lines[excerpt + 1].distance(from: lines[excerpt + 1].startIndex, to: $0)
            }
                == lines[excerpt].range(of: "#lei").map {
                    lines[excerpt].distance(from: lines[excerpt].startIndex, to: $0.lowerBound)
                },
            "\(lines[excerpt])\n\(lines[excerpt + 1])")
        #expect(plain.contains("notes/e\\u{1B}[31mvil\\u{202E}.md:"))
        let github = GitHubActionsReporter().render(result, options: ReportOptions(root: "notes"))
        #expect(Self.raw(github).isEmpty)
    }

    @Test("JSON (scan, lint), SARIF: controls escaped by JSON's rules and read back unchanged")
    func jsonAndSARIF() throws {
        let journal = try Self.journal()
        let scan = ScanRenderer.render(journal.entries, format: .json)
        let result = Linter().lint(journal, asOf: LintHarness.asOf)
        let lint = JSONReporter().render(result, options: ReportOptions())
        let sarif = SARIFReporter().render(result, options: ReportOptions())
        let jsonl = ScanRenderer.render(journal.entries, format: .jsonl)
        for (name, text) in [("scan", scan), ("lint", lint), ("sarif", sarif), ("jsonl", jsonl)] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): a raw C0 control")
        }
        for (name, text) in [("scan", scan), ("lint", lint), ("jsonl", jsonl)] {
            #expect(text.lowercased().contains("\\u001b"), "\(name): ESC as \\u001b")
        }
        #expect(sarif.contains("e%1B%5B31mvil%E2%80%AE.md"), "SARIF URIs percent-encode the file name")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(scan.utf8)) as? [String: Any])
        let texts = (object["entries"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(texts.contains { $0.contains("\u{1B}[31mred\u{1B}[0m \u{FFFD}nul \u{9B}31m") }, "lossless")
        let files = (object["entries"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
        #expect(files.allSatisfy { $0 == Self.fileName })
    }

    @Test("HTML: markup escaped, control characters never raw in the page")
    func html() throws {
        let journal = try Self.journal()
        let dossiers = Dossier.all(
            Timeline.all(in: journal, asOf: LintHarness.asOf), policy: .standard, inputDigest: "i")
        let dossier = try #require(dossiers.first)
        let templates = try HTMLTemplates.load()
        let page = DossierHTMLRenderer.render(dossier, templates: templates)
        let triage = TriageHTMLRenderer.render(
            Triage(dossiers, asOf: LintHarness.asOf, policyDigest: "p", inputDigest: "i"), templates: templates,
            links: nil)
        for (name, html) in [("dossier", page), ("triage", triage)] {
            let controls = html.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
            }
            #expect(controls.isEmpty, "\(name): raw controls \(controls.map { String($0.value, radix: 16) })")
            #expect(html.contains("Acme"))
            #expect(html.contains("\\u{1B}"), "\(name): the escape shows as text")
        }
    }
}
