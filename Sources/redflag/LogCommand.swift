import ArgumentParser
import Foundation
import RedflagKit

/// `redflag log CLIENT "text"`: appends one dated entry to a client's notes.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Append a dated entry to a client's notes (quick capture).",
        discussion: """
            The entry goes to the client's notes in the layout they already use: its file, or in its folder \
            the day's, month's or year's file as the folder's newest dated file is named. It goes under the \
            day's '## YYYY-MM-DD' heading, made when missing, in the file's date order. Existing bytes never \
            change; the file keeps its line endings; the write is atomic. Without TEXT, $VISUAL or $EDITOR \
            opens on an empty entry. Unknown tags stop the command before anything is written (--force writes \
            them as they are). Examples: redflag log acme "Paid 34 days late #late"; \
            redflag log --new "Acme Corp" --billing fixed "Kickoff call".
            """)

    @Argument(
        help: ArgumentHelp("The client's id, name or alias (with --new: the new client's name).", valueName: "client"))
    var client: String

    @Argument(
        help: ArgumentHelp(
            "The entry's text, tags included. Default: write it in $VISUAL or $EDITOR.", valueName: "text"))
    var text: [String] = []

    @Option(
        name: .customLong("notes"),
        help: ArgumentHelp("The notes directory (default: found as for every command).", valueName: "notes-dir"),
        completion: .directory)
    var notes: String?

    @OptionGroup var configOption: ConfigOption

    @Option(
        help: ArgumentHelp(
            "The entry's day: YYYY-MM-DD, today, yesterday, or an offset written --date=-3d. Default: today.",
            valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The entry's time of day, HH:MM: it gets a heading of its own.", valueName: "time"))
    var time: String?

    @Flag(help: "Create the client: a new NAME.md with front matter.")
    var new = false

    @Option(help: ArgumentHelp("With --new: the client's display name (front matter client:).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("With --new: hourly, fixed or retainer.", valueName: "billing"))
    var billing: String?

    @Option(help: ArgumentHelp("With --new: the contact (front matter contact:).", valueName: "contact"))
    var contact: String?

    @Flag(help: "Write the entry even when it has tags the vocabulary does not know.")
    var force = false

    func validate() throws {
        if let time, !Capture.isTime(time) { throw ValidationError("--time: '\(time)' is not a time of day (HH:MM)") }
        if !new, name != nil || billing != nil || contact != nil {
            throw ValidationError("--name, --billing and --contact go with --new")
        }
        if let billing, Billing(written: billing) == nil {
            throw ValidationError("--billing: '\(billing)' is not hourly, fixed or retainer")
        }
    }

    func run() throws {
        let day = try date.map { try Today.day($0, option: "--date") } ?? Today.date
        let workspace = try NotesOptions(notes: notes, configOption: configOption).workspace()
        let journal = workspace.load()
        // The client is checked before an editor opens: no long entry written for a misspelt name.
        if !new {
            _ = try unknownClientStops { () throws(RedflagError) in try workspace.client(matching: client, in: journal)
            }
        }
        var entry = text.joined(separator: " ")
        if text.isEmpty {
            guard let written = try Editor.compose() else {
                Console.error("nothing logged: the entry was left empty")
                throw CommandOutcome.hadErrors
            }
            entry = written
        }
        let capture = Capture(
            client: client, text: entry, date: day, time: time,
            newClient: new
                ? Capture.NewClient(name: name, billing: billing.flatMap { Billing(written: $0) }, contact: contact)
                : nil,
            force: force)
        let result = try unknownClientStops { () throws(RedflagError) in
            try capture.run(in: workspace, journal: journal)
        }
        switch result {
        case let .written(path, line, created):
            let shown = DisplayPath.join(root: workspace.root, path)
            Console.out("\(shown):\(line): logged \(day)\(created ? " (new file)" : "")\n")
        case let .refused(problems):
            Console.report(problems, root: "")
            throw CommandOutcome.hadErrors
        }
    }

    /// Runs `body`; an unknown client is reported with the `--new` command that would create it.
    private func unknownClientStops<T>(_ body: () throws(RedflagError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if case .unknownClient = error {
                Console.report(error)
                Console.error("nothing logged; to create the client: redflag log --new '\(client)' TEXT")
                throw CommandOutcome.hadErrors
            }
            throw error
        }
    }
}
