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

    func run() throws {
        let day = try asOf.date()
        let workspace = try notes.workspace()
        let templates = try template.templates()
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
