/// Runs every stage of redflag over the bytes of one notes file, as the fuzzer and the hardening
/// tests do: decoding, front matter, cmark, entries, tags, dates, the policy, lint (with `--fix`
/// planning), and the text, Markdown, HTML, JSON and SARIF renderers. The same bytes are also read
/// as a `redflag.yml`.
///
/// Pure apart from reading the bundled templates: no file is written, the clock is not read.
public enum PipelineProbe {
    /// What one run produced, for tests to look at.
    public struct Outcome: Sendable {
        public var file: ParsedFile
        public var lint: LintResult
        public var outputs: [String: String]
    }

    /// The as-of date of every run.
    public static let asOf = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    /// Runs the pipeline over `bytes` as the file `path` of client `acme`.
    @discardableResult
    public static func run(_ bytes: [UInt8], path: String = "acme.md") -> Outcome {
        let parser = JournalParser()
        let file = parser.parse(path: path, client: "acme", bytes: bytes)
        var client = Client(id: "acme", name: file.fields.client ?? "acme", files: [path])
        client.aliases = file.fields.aliases
        client.billing = file.fields.billing
        client.since = file.fields.since
        let journal = Journal(
            root: "notes", configuration: .standard, clients: [client], files: [file], diagnostics: [])
        var outputs: [String: String] = [:]

        // The same bytes as a redflag.yml: YAML guard, vocabulary, policy and lint sections.
        let configText = String(decoding: bytes, as: UTF8.self)
        if let configuration = try? Configuration.parse(configText) {
            _ = try? Policy(configuration: configuration)
            _ = LintConfiguration.parse(configuration.lint, ruleIDs: LintRules.all.map(\.description.id))
        }

        outputs["scan.text"] = ScanRenderer.render(journal.entries, format: .text)
        outputs["scan.json"] = ScanRenderer.render(journal.entries, format: .json)
        outputs["scan.csv"] = ScanRenderer.render(journal.entries, format: .csv)

        let lint = Linter().lint(journal, asOf: asOf)
        let options = ReportOptions(root: "", color: false, toolVersion: "probe")
        outputs["lint.text"] = TextReporter().render(lint, options: options)
        outputs["lint.json"] = JSONReporter().render(lint, options: options)
        outputs["lint.sarif"] = SARIFReporter().render(lint, options: options)
        let plan = FixPlanner.plan(file: file, bytes: bytes, findings: lint.findings, threshold: 0.8, parser: parser)
        outputs["fix"] = String(decoding: FixPlanner.apply(plan.insertions, to: bytes), as: UTF8.self)

        if let policy = try? Policy(configuration: .standard) {
            let digest = InputDigest.of(journal)
            let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: digest)
            for dossier in dossiers {
                outputs["dossier.md"] = DossierMarkdownRenderer.render(dossier)
                outputs["dossier.json"] = DossierJSONRenderer.render(dossier)
                if let templates = try? HTMLTemplates.load() {
                    outputs["dossier.html"] = DossierHTMLRenderer.render(dossier, templates: templates)
                }
            }
            let triage = Triage(dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: digest)
            outputs["triage.text"] = TriageRenderer.text(triage, color: false)
            outputs["triage.md"] = TriageRenderer.markdown(triage)
        }
        return Outcome(file: file, lint: lint, outputs: outputs)
    }
}
