import ArgumentParser
import RedflagKit

/// `redflag dossier [NOTES_DIR] CLIENT`: one client's verdict, reasons, summary and timeline.
struct DossierCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Show one client's verdict with its evidence, summary and full timeline.",
        discussion: """
            Give the client alone (the notes directory is then found as for every command) or the notes directory \
            and the client: 'redflag dossier acme', 'redflag dossier notes acme'. CLIENT is an id, a name or an \
            alias (case-insensitive). The dossier states the as-of date, the policy digest and the input digest. \
            See docs/dossier.md for the formats.
            """)

    @Argument(
        help: ArgumentHelp("[notes-dir] client: the client's id, name or alias, after the notes directory if given."),
        completion: .directory)
    var arguments: [String]

    /// The notes directory as an option, as earlier versions took it.
    @Option(name: .customLong("notes"), help: .hidden, completion: .directory)
    var notesOption: String?

    @OptionGroup var configOption: ConfigOption

    @OptionGroup var loading: LoadingOptions

    @Option(help: "Output format.")
    var format: Format = .md

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var output: OutputOption

    @OptionGroup var template: TemplateOption

    @Flag(
        inversion: .prefixedNo,
        help: "Show when each cited entry was first committed (notes in a git repository).")
    var provenance = true

    @Option(
        name: .customLong("late-commit-days"),
        help: ArgumentHelp(
            "Flag a cited entry committed more than this many days after its date (written after the fact).",
            valueName: "days"))
    var lateCommitDays = Provenance.defaultThreshold

    @OptionGroup var redaction: RedactOption

    func validate() throws {
        guard (1...2).contains(arguments.count), arguments.count == 1 || notesOption == nil else {
            throw ValidationError("give the client, or the notes directory and the client (redflag dossier notes acme)")
        }
        guard lateCommitDays >= 0 else { throw ValidationError("--late-commit-days: give a number of days, 0 or more") }
    }

    func run() throws {
        let day = try asOf.date()
        let notes = NotesOptions(
            notes: arguments.count == 2 ? arguments[0] : notesOption, configOption: configOption, loading: loading)
        let workspace = try notes.workspace()
        // Only HTML uses templates; a --template folder is checked whatever the format.
        let templates = format == .html || template.template != nil ? try template.templates() : nil
        let query = arguments[arguments.count - 1]
        let (journal, hadErrors) = try load(workspace, loading, client: query, keepsSource: false)
        let client = try workspace.client(matching: query, in: journal)
        let judgement = workspace.judge(journal, asOf: day)
        guard let index = judgement.dossiers.firstIndex(where: { $0.client.id == client.id }) else {
            throw RedflagError.unknownClient(client.id.rawValue, suggestions: [])
        }
        // Provenance is read from git for the notes as they are; the dossier is masked after.
        let unmasked = judgement.dossiers[index]
        let origin = redaction.apply(
            provenance ? workspace.provenance(of: unmasked, threshold: lateCommitDays) : nil, of: unmasked,
            workspace: workspace, journal: journal)
        // Masked after the client was found: the same position in the masked judgement.
        let dossier = redaction.apply(judgement, workspace: workspace, journal: journal).dossiers[index]
        let text: String
        switch format {
        case .md: text = DossierMarkdownRenderer.render(dossier, provenance: origin)
        case .json: text = DossierJSONRenderer.render(dossier, provenance: origin)
        case .html:
            text = DossierHTMLRenderer.render(
                dossier, templates: try templates ?? template.templates(), provenance: origin)
        }
        try output.write(text, notes: workspace.root)
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}

extension NotesOptions {
    init(notes: String?, configOption: ConfigOption, loading: LoadingOptions = LoadingOptions()) {
        self.init()
        self.notes = notes
        self.configOption = configOption
        self.loading = loading
    }
}
