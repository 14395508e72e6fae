import ArgumentParser
import RedflagKit

extension TriageFormat: ExpressibleByArgument {}

/// `redflag triage`: every client, most at risk first.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Rank every client, most at risk first: verdict, score, reasons, incidents.",
        discussion: """
            The text table fits 80 columns; colour only on a terminal (NO_COLOR turns it off). Every format states \
            the as-of date, the policy digest and the input digest.
            """)

    @OptionGroup var notes: NotesOptions

    @Option(help: "Output format.")
    var format: TriageFormat = .text

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var output: OutputOption

    @OptionGroup var template: TemplateOption

    @OptionGroup var redaction: RedactOption

    func run() throws {
        let day = try asOf.date()
        let workspace = try notes.workspace()
        let templates = try template.templates()
        let triage: Triage
        let hadErrors: Bool
        if !redaction.redact, let streamed = try streamTriage(workspace, notes.loading, asOf: day) {
            (triage, hadErrors) = streamed
        } else {
            let (journal, loadErrors) = try load(workspace, notes.loading, keepsSource: false)
            triage = redaction.apply(workspace.judge(journal, asOf: day), workspace: workspace, journal: journal).triage
            hadErrors = loadErrors
        }
        let color = output.output == nil && Console.stdoutStyle.color
        if format == .json {
            // A client at a time: the whole document is never held.
            try output.stream(notes: workspace.root) { write in try TriageRenderer.writeJSON(triage, to: write) }
        } else {
            try output.write(
                TriageRenderer.render(triage, format: format, color: color, templates: templates),
                notes: workspace.root)
        }
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}
