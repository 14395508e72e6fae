import ArgumentParser
import Foundation
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
        let color = output.output == nil && Console.stdoutStyle.color
        // An unchanged tree, triaged with the same options: the remembered report (`ReportCache`). A
        // --template folder is not part of the key: with one, the triage is always rendered.
        var report: (cache: ReportCache, digest: String)?
        if template.template == nil, let location = try notes.loading.cacheLocation(for: workspace) {
            let start = CacheLocation.now()
            let state = NotesState(workspace: workspace, files: nil, asOf: day, cache: location)
            let options = [
                "format=\(format.rawValue)", "color=\(color)", "stderr-color=\(Console.stderrStyle.color)",
                "redact=\(redaction.redact)", "version=\(Version.current)",
            ].joined(separator: "\u{0}")
            if let digest = state.digest(options: options, start: start) {
                let reports = ReportCache(location: location, command: "triage", options: options)
                if let remembered = reports.replay(digest) {
                    Console.error(bytes: remembered.errors)
                    try output.write(String(decoding: remembered.output, as: UTF8.self), notes: workspace.root)
                    if remembered.status == CommandOutcome.hadErrors.exitCode { throw CommandOutcome.hadErrors }
                    return
                }
                report = (reports, digest)
            }
        }
        let triage: Triage
        let hadErrors: Bool
        let errors: String
        if !redaction.redact, let streamed = try streamTriage(workspace, notes.loading, asOf: day) {
            (triage, hadErrors, errors) = streamed
        } else {
            let (journal, loadErrors, printed) = try loadReporting(workspace, notes.loading, keepsSource: false)
            triage = redaction.apply(workspace.judge(journal, asOf: day), workspace: workspace, journal: journal).triage
            hadErrors = loadErrors
            errors = printed
        }
        // The bytes printed, kept only when the report cache will remember them.
        var printed = Data()
        if format == .json {
            // A client at a time: the whole document is never held (unless the report cache keeps a copy).
            try output.stream(notes: workspace.root) { write in
                try TriageRenderer.writeJSON(triage) { text in
                    if report != nil { printed.append(contentsOf: text.utf8) }
                    try write(text)
                }
            }
        } else {
            let text = TriageRenderer.render(triage, format: format, color: color, templates: templates)
            try output.write(text, notes: workspace.root)
            if report != nil { printed = Data(text.utf8) }
        }
        if let report {
            let status = hadErrors ? CommandOutcome.hadErrors.exitCode : 0
            report.cache.save(
                ReportCache.Report(output: printed, errors: Data(errors.utf8), status: status), digest: report.digest)
        }
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}
