import ArgumentParser
import RedflagKit

/// `redflag diff --since DATE|REV [NOTES_DIR]`: the clients whose verdict changed since then.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the clients whose verdict changed since a date or a git revision, and why.",
        discussion: """
            With a date (YYYY-MM-DD, -30d), "then" is the notes without the entries dated after it, judged as \
            of that day. With a git revision (HEAD~3, a tag, a commit), "then" is the notes as committed there, \
            judged as of the commit's day; they are read with git archive, the work tree is never touched. \
            "Now" is the notes as they are, as of --as-of. A client is listed when its verdict changed or its \
            score moved by more than --threshold, with the entries that are new since. The configuration in \
            force now judges both sides.
            """)

    @OptionGroup var notes: NotesOptions

    @Option(
        help: ArgumentHelp(
            "A date (YYYY-MM-DD, today, or an offset written --since=-30d) or a git revision (HEAD~3, v1, a commit id).",
            valueName: "date|rev"))
    var since: String

    @Option(
        help: ArgumentHelp(
            "Also list a client whose verdict stayed when its score moved by more than this (0-100).",
            valueName: "points"))
    var threshold: Int = 10

    @Option(help: "Output format.")
    var format: ChangeReportRenderer.Format = .text

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var output: OutputOption

    func validate() throws {
        guard threshold >= 0 else { throw ValidationError("--threshold: give a number of points, 0 or more") }
    }

    func run() throws {
        let day = try asOf.date()
        let workspace = try notes.workspace()
        let then: Workspace.Then
        if let date = try? DateExpression.parse(since, today: Today.date) {
            then = .date(date)
        } else {
            then = .revision(since)
        }
        let (journal, hadErrors) = try load(workspace, notes.loading)
        let report = try workspace.changes(since: then, label: since, journal: journal, asOf: day, threshold: threshold)
        try output.write(ChangeReportRenderer.render(report, format: format), notes: workspace.root)
        if hadErrors { throw CommandOutcome.hadErrors }
    }
}

extension ChangeReportRenderer.Format: ExpressibleByArgument {}
