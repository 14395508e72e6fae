import ArgumentParser
import RedflagKit

extension ScanFormat: ExpressibleByArgument {}

/// `redflag scan`: the entries of a notes directory, filtered, in text, JSON, JSON lines or CSV.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the dated, tagged entries of a notes directory.",
        discussion: """
            Entries are sorted by client, date (undated last), file and line. The JSON schema is documented in \
            docs/scan-json.md. Tags may be given with or without '#', as aliases (--tag liar) or with a subtype \
            (--tag abuse/physical).
            """)

    @OptionGroup var notes: NotesOptions

    @Option(help: "Output format.")
    var format: ScanFormat = .text

    @Option(name: .customLong("client"), help: "Only this client (id, name or alias); repeatable.")
    var clients: [String] = []

    @Option(name: .customLong("tag"), help: "Only entries with this tag; repeatable (any of them, or all with --all).")
    var tags: [String] = []

    @Flag(help: "With several --tag: entries must carry all of them.")
    var all = false

    @Option(name: .customLong("not-tag"), help: "Leave out entries with this tag; repeatable.")
    var notTags: [String] = []

    @Option(help: ArgumentHelp("Only entries on or after this day (YYYY-MM-DD, today, -30d, ...).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries on or before this day (YYYY-MM-DD, today, -30d, ...).", valueName: "date"))
    var until: String?

    @Flag(help: "Only entries without any tag.")
    var untagged = false

    @OptionGroup var output: OutputOption

    func run() throws {
        let workspace = try notes.workspace()
        var filter = EntryFilter()
        filter.since = try since.map { try Today.day($0, option: "--since") }
        filter.until = try until.map { try Today.day($0, option: "--until") }
        let vocabulary = workspace.configuration.vocabulary
        func canonical(_ tag: String) -> String {
            let resolution = vocabulary.resolve(tag.hasPrefix("#") ? String(tag.dropFirst()) : tag)
            return resolution.subtype.map { "\(resolution.name)/\($0)" } ?? resolution.name
        }
        filter.tags = tags.map(canonical)
        filter.requireAll = all
        filter.excludedTags = notTags.map(canonical)
        filter.untaggedOnly = untagged
        // One client at a time, each written as soon as it is read (`--client` needs every client's
        // names first, and notes with shared files need every file: those load the whole journal).
        if clients.isEmpty, try stream(workspace, filter: filter) { return }
        let (journal, hadErrors) = try load(workspace, notes.loading, keepsSource: false)
        for query in clients {
            filter.clients.insert(try workspace.client(matching: query, in: journal).id)
        }
        try output.write(
            ScanRenderer.render(journal.entries.filter(filter.accepts), format: format), notes: workspace.root)
        if hadErrors { throw CommandOutcome.hadErrors }
    }

    /// Reads and writes the entries one client at a time (to the output file too, through a new file
    /// renamed over it at the end); false, with nothing read nor written, when the notes cannot be read
    /// that way (`Workspace.stream`).
    private func stream(_ workspace: Workspace, filter: EntryFilter) throws -> Bool {
        let options = try notes.loading.options(for: workspace, keepsSource: false)
        var streamed: Journal?
        do {
            try output.stream(notes: workspace.root) { write in
                var renderer = ScanStream(format: format)
                var failure: (any Error)?
                func emit(_ text: String) {
                    guard !text.isEmpty, failure == nil else { return }
                    do { try write(text) } catch { failure = error }
                }
                var started = false
                func start() {
                    guard !started else { return }
                    started = true
                    emit(renderer.header)
                }
                guard
                    let journal = workspace.stream(
                        options: options,
                        { _, entries in
                            start()
                            emit(renderer.render(entries.filter(filter.accepts)))
                        })
                else { throw NotStreamed() }
                start()
                emit(renderer.footer)
                if let failure { throw failure }
                streamed = journal
            }
        } catch is NotStreamed {
            return false
        }
        guard let journal = streamed else { return false }
        let diagnostics = journal.allDiagnostics
        Console.report(diagnostics, root: workspace.root)
        if diagnostics.contains(where: { $0.severity == .error }) { throw CommandOutcome.hadErrors }
        return true
    }

    /// The notes cannot be streamed: nothing was read nor written (an output file is left as it was).
    private struct NotStreamed: Error {}
}
