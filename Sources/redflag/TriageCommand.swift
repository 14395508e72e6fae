import ArgumentParser
import RedflagKit

/// `redflag triage`: every client, most at risk first.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Rank every client, most at risk first: verdict, score, reasons, incidents.",
        discussion: """
            The text table fits 80 columns; colour only on a terminal (NO_COLOR turns it off).
            Every format states the as-of date, the policy digest and the input digest.
            """)

    @OptionGroup var location: NotesArgument

    @Option(help: "Output format.")
    var format: TriageFormat = .text

    @OptionGroup var asOf: AsOfOption

    @Option(
        help: "A folder of Mustache templates overriding the defaults by file name (HTML only).",
        completion: .directory)
    var template: String?

    func run() throws {
        let judgement = try Judgement.load(notes: location.notes, asOf: asOf.date)
        let templates = try Judgement.templates(template)
        Console.out(
            TriageRenderer.render(judgement.triage, format: format, color: Console.colorOnStdout, templates: templates))
        if judgement.hadErrors { throw ExitCode(2) }
    }
}

extension TriageFormat: ExpressibleByArgument {}
