import ArgumentParser
import Foundation
import RedflagKit

/// The `redflag` command: subcommands only; each one loads, calls RedflagKit, prints, and exits.
///
/// Exit codes are decided here and nowhere else: a `RedflagError` is printed and exits 2; a
/// command that finished with file problems throws `CommandOutcome.hadErrors` (2) or, for lint
/// findings, `CommandOutcome.findings` (1); usage errors exit 64.
@main
struct Redflag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag",
        abstract: "Keep, watch or fire: evidence-based decisions from your Markdown client notes.",
        discussion: """
            NOTES_DIR defaults to the nearest folder upward that holds redflag.yml, else the current one.

            Exit codes: 0 success, 1 lint findings, 2 runtime errors (unreadable files, invalid redflag.yml, \
            unknown client), 64 command-line usage errors.
            """,
        version: Version.current,
        subcommands: [
            TriageCommand.self,
            DossierCommand.self,
            SiteCommand.self,
            ScanCommand.self,
            TagsCommand.self,
            LintCommand.self,
            PolicyCommand.self,
            LogCommand.self,
            DiffCommand.self,
            VerifyCommand.self,
            LSPCommand.self,
        ]
    )

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty {
            Console.error(helpMessage())
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as RedflagError {
            Console.report(error)
            Foundation.exit(2)
        } catch let outcome as CommandOutcome {
            Foundation.exit(outcome.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// How a command that ran to the end still failed: the exit code, decided by `Redflag.main`.
enum CommandOutcome: Error {
    /// Some notes could not be read (their diagnostics are printed); the rest was processed.
    case hadErrors
    /// Lint found problems at or above the failing severity.
    case findings

    var exitCode: Int32 {
        switch self {
        case .hadErrors: 2
        case .findings: 1
        }
    }
}
