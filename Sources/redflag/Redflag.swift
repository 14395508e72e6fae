import ArgumentParser

/// The `redflag` command: subcommands only; each one loads, calls RedflagKit, prints, and exits.
@main
struct Redflag: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag",
        abstract: "Keep, watch or fire: evidence-based decisions from your Markdown client notes.",
        discussion: """
            Exit codes: 0 success, 1 lint findings, 2 runtime errors (unreadable files, invalid redflag.yml, unknown \
            client), 64 command-line usage errors.
            """,
        version: "0.1.0",
        subcommands: [
            ScanCommand.self,
            TagsCommand.self,
            PolicyCommand.self,
            DossierCommand.self,
            TriageCommand.self,
            SiteCommand.self,
            LintCommand.self,
        ]
    )
}
