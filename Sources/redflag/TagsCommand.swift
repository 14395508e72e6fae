import ArgumentParser
import RedflagKit

/// `redflag tags`: every tag with its count of entries and clients.
struct TagsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Count entries and clients per tag; unknown tags are marked.")

    @OptionGroup var notes: NotesOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var output: OutputOption

    func run() throws {
        let workspace = try notes.workspace()
        let (journal, hadErrors) = try load(workspace, notes.loading, keepsSource: false)
        let statistics = TagStatistics(entries: journal.entries)
        let text =
            switch format {
            case .json: JSON.encode(statistics, pretty: true) + "\n"
            case .text: TagTable.render(statistics, vocabulary: journal.configuration.vocabulary)
            }
        try output.write(text, notes: workspace.root)
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}
