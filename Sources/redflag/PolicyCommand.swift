import ArgumentParser
import Foundation
import RedflagKit

/// `redflag policy`: prints the decision policy in force, as YAML, with where each value came from.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Print the keep/watch/fire policy in force, with where each value came from.",
        discussion: """
            The defaults come from the ten signs (see docs/policy.md); the 'policy:' section of
            NOTES_DIR/redflag.yml overrides thresholds, windows and weights, and switches rules off.
            The output is itself a valid redflag.yml. An invalid policy is an error (exit code 2).
            """)

    @OptionGroup var location: NotesArgument

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.notes, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            Console.report(
                [
                    Diagnostic(
                        .error, file: location.notes, message: "no such directory",
                        hint: "give the folder that holds your client notes and redflag.yml")
                ], root: ".")
            throw ExitCode(2)
        }
        let path = Console.display(path: Configuration.fileName, root: location.notes)
        var configuration = Configuration.standard
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.report([Diagnostic(.error, file: path, message: "cannot read the file")], root: ".")
                throw ExitCode(2)
            }
            do {
                configuration = try Configuration.parse(String(decoding: data, as: UTF8.self))
            } catch {
                Console.report(error.diagnostics, root: location.notes)
                throw ExitCode(2)
            }
        }
        do {
            Console.out(try Policy(configuration: configuration).yaml())
        } catch {
            Console.report(error.diagnostics, root: location.notes)
            throw ExitCode(2)
        }
    }
}
