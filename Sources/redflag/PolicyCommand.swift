import ArgumentParser
import RedflagKit

/// `redflag policy`: prints the decision policy in force, as YAML, with where each value came from.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Print the keep/watch/fire policy in force, with where each value came from.",
        discussion: """
            The defaults come from the ten signs (see docs/policy.md); the 'policy:' section of redflag.yml \
            overrides thresholds, windows and weights, and switches rules off. The output is itself a valid \
            redflag.yml. An invalid policy is an error (exit code 2).
            """)

    @OptionGroup var notes: NotesOptions

    @OptionGroup var output: OutputOption

    func run() throws {
        let workspace = try notes.workspace()
        try output.write(workspace.policy.yaml(), notes: workspace.root)
    }
}
