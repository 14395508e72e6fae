import ArgumentParser
import RedflagKit

/// `redflag site NOTES_DIR --output DIR`: the triage as index.html and one HTML dossier per client.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static site: the triage as index.html and one HTML dossier per client.",
        discussion: """
            Pages are self-contained (inline CSS and SVG, no script) and linked relatively, so the
            folder opens from disk or can be published as is. Nothing is written outside --output,
            which must not be the notes directory or inside it.
            """)

    @Argument(help: "The notes directory.", completion: .directory)
    var notes: String

    @Option(
        help: "The folder to write the site to (created if missing; its parent must exist).",
        completion: .directory)
    var output: String

    @OptionGroup var asOf: AsOfOption

    @Option(help: "A folder of Mustache templates overriding the defaults by file name.", completion: .directory)
    var template: String?

    func run() throws {
        let judgement = try Judgement.load(notes: notes, asOf: asOf.date)
        let templates = try Judgement.templates(template)
        let site = Site(dossiers: judgement.dossiers, triage: judgement.triage, templates: templates)
        do {
            let written = try SiteWriter.write(site, to: output, notes: notes)
            Console.error("wrote \(written.count) pages to \(output) (open \(output)/\(Site.indexName))")
        } catch {
            Console.error("error: \(error.message)")
            throw ExitCode(2)
        }
        if judgement.hadErrors { throw ExitCode(2) }
    }
}
