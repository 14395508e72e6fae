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
        // One client at a time, keeping only the counts; notes with shared files are read whole.
        var counter = TagStatistics.Counter()
        let options = try notes.loading.options(for: workspace, keepsSource: false)
        let journal: Journal
        let hadErrors: Bool
        if let streamed = workspace.stream(options: options, { _, entries in entries.forEach { counter.add($0) } }) {
            journal = streamed
            let diagnostics = journal.allDiagnostics
            Console.report(diagnostics, root: workspace.root)
            hadErrors = diagnostics.contains { $0.severity == .error }
        } else {
            (journal, hadErrors) = try load(workspace, notes.loading, keepsSource: false)
            journal.entries.forEach { counter.add($0) }
        }
        let statistics = counter.statistics
        let text =
            switch format {
            case .json: JSON.encode(statistics, pretty: true) + "\n"
            case .text: TagTable.render(statistics, vocabulary: journal.configuration.vocabulary)
            }
        try output.write(text, notes: workspace.root)
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}
