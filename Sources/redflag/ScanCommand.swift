import ArgumentParser
import RedflagKit

extension ScanFormat: ExpressibleByArgument {}

/// `redflag scan`: the entries of a notes directory, filtered, in text, JSON, JSON lines or CSV.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the dated, tagged entries of a notes directory.",
        discussion: """
            Entries are sorted by client, date (undated last), file and line. The JSON schema is
            documented in docs/scan-json.md. Tags may be given with or without '#', as aliases
            (--tag liar) or with a subtype (--tag abuse/physical).
            """)

    @OptionGroup var location: NotesArgument

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

    @Option(help: "Only entries on or after this date (YYYY-MM-DD).")
    var since: CalendarDate?

    @Option(help: "Only entries on or before this date (YYYY-MM-DD).")
    var until: CalendarDate?

    @Flag(help: "Only entries without any tag.")
    var untagged = false

    func run() throws {
        let (journal, hadErrors) = loadJournal(location.notes)
        var filter = EntryFilter()
        var unknownClient = false
        for query in clients {
            if let client = journal.client(matching: query) {
                filter.clients.insert(client.id)
            } else {
                unknownClient = true
                let close = journal.closestClients(to: query)
                let hint =
                    close.isEmpty
                    ? "run 'redflag triage' to list the clients" : "did you mean \(close.joined(separator: ", "))?"
                Console.error("error: unknown client '\(query)'\n  hint: \(hint)")
            }
        }
        let vocabulary = journal.configuration.vocabulary
        func canonical(_ tag: String) -> String {
            let resolution = vocabulary.resolve(tag.hasPrefix("#") ? String(tag.dropFirst()) : tag)
            return resolution.subtype.map { "\(resolution.name)/\($0)" } ?? resolution.name
        }
        filter.tags = tags.map(canonical)
        filter.requireAll = all
        filter.excludedTags = notTags.map(canonical)
        filter.since = since
        filter.until = until
        filter.untaggedOnly = untagged
        if !unknownClient {
            Console.out(ScanRenderer.render(journal.entries.filter(filter.accepts), format: format))
        }
        if hadErrors || unknownClient { throw ExitCode(2) }
    }
}
