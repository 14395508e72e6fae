import ArgumentParser
import RedflagKit

/// `redflag verify DOSSIER.json [NOTES_DIR]`: which cited entries changed or vanished since the
/// dossier was made.
struct VerifyCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a JSON dossier's evidence against the notes: which cited entries changed or vanished.",
        discussion: """
            Every JSON dossier carries the SHA-256 of each cited file and entry when it was made. verify reads the \
            notes now and compares. Exit status: 0 every cited entry intact (an entry only moved to another line \
            counts as intact), 1 some changed or vanished, 2 errors (unreadable dossier or notes).
            """)

    @Argument(help: ArgumentHelp("The dossier, as written by 'redflag dossier CLIENT --format json'."))
    var dossier: String

    @OptionGroup var notes: NotesOptions

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let manifest = try EvidenceVerification.manifest(at: dossier)
        let workspace = try notes.workspace()
        let (journal, hadErrors) = try load(workspace, notes.loading)
        let verification = EvidenceVerification(manifest: manifest, journal: journal)
        switch format {
        case .text: Console.out(VerificationRenderer.text(verification.checks, changedFiles: verification.changedFiles))
        case .json: Console.out(VerificationRenderer.json(verification.checks, changedFiles: verification.changedFiles))
        }
        if hadErrors { throw CommandOutcome.hadErrors }
        if !verification.intact { throw CommandOutcome.findings }
    }
}
