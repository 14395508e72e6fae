import ArgumentParser
import RedflagKit

/// `redflag site [NOTES_DIR] --output DIR`: the triage as index.html and one HTML dossier per client.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static site: the triage as index.html and one HTML dossier per client.",
        discussion: """
            Pages are self-contained (inline CSS and SVG, no script) and linked relatively, so the folder opens \
            from disk or can be published as is. Nothing is written outside --output, which must not be the notes \
            directory or inside it; a page already there is replaced only if redflag wrote it.
            """)

    @OptionGroup var notes: NotesOptions

    @Option(
        help: ArgumentHelp(
            "The folder to write the site to (created if missing; its parent must exist).", valueName: "dir"),
        completion: .directory)
    var output: String

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var template: TemplateOption

    @OptionGroup var redaction: RedactOption

    /// Plain notes without `--redact` are judged and written one client at a time
    /// (`Workspace.streamSite`); other notes are loaded and judged whole.
    func run() throws {
        let day = try asOf.date()
        let workspace = try notes.workspace()
        let templates = try template.templates()
        if !redaction.redact {
            let options = try notes.loading.options(for: workspace, keepsSource: false)
            let streamed: StreamedSite?
            do {
                streamed = try workspace.streamSite(asOf: day, options: options, output: output, templates: templates)
            } catch {
                throw RedflagError.outputRefused(path: output, reason: error.message, hint: nil)
            }
            // A file changed while the notes were read: the site is written again from a whole load below.
            if let streamed, !streamed.changed {
                let diagnostics = streamed.journal.allDiagnostics
                Console.report(diagnostics, root: workspace.root)
                Console.error(
                    "wrote \(streamed.written.count) pages to \(output) (open \(output)/\(Site.indexName))")
                if diagnostics.contains(where: { $0.severity == .error }) { throw CommandOutcome.hadErrors }
                return
            }
        }
        let (journal, hadErrors) = try load(workspace, notes.loading, keepsSource: false)
        let judgement = redaction.apply(workspace.judge(journal, asOf: day), workspace: workspace, journal: journal)
        let site = Site(dossiers: judgement.dossiers, triage: judgement.triage, templates: templates)
        let written: [String]
        do {
            written = try SiteWriter.write(site, to: output, notes: workspace.root)
        } catch {
            throw RedflagError.outputRefused(path: output, reason: error.message, hint: nil)
        }
        Console.error("wrote \(written.count) pages to \(output) (open \(output)/\(Site.indexName))")
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}
