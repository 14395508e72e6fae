import RedflagCore

/// What stops a command: nothing useful can be produced until the user fixes it.
///
/// Problems with single notes files are not errors of this kind: they stay `Diagnostic`s in the
/// journal, and every other file is still read. The command line maps each case to exit code 2 in
/// one place; a program embedding redflag shows `diagnostics` its own way.
public enum RedflagError: Error, Hashable, Sendable {
    /// The notes directory does not exist.
    case notesDirectoryNotFound(String)
    /// The notes path is a file, not a directory.
    case notADirectory(String)
    /// `--config FILE` names a file that does not exist or cannot be read.
    case configurationUnreadable(String)
    /// `redflag.yml` is invalid: every problem found in it, each with its line.
    case configurationInvalid([Diagnostic])
    /// No client has this id, name or alias; the closest ones, for "did you mean".
    case unknownClient(String, suggestions: [String])
    /// `--template DIR` is unusable.
    case templatesInvalid(String)
    /// An output file or folder cannot be written, or would be written inside the notes.
    case outputRefused(path: String, reason: String, hint: String?)
    /// The notes as they were cannot be read (`redflag diff --since REV`): no repository, no such revision.
    case historyUnavailable(String, reason: String, hint: String)
    /// `redflag verify DOSSIER.json`: the file is not a JSON dossier with an evidence manifest.
    case evidenceUnreadable(path: String, reason: String)

    /// The problem as diagnostics (file, line where known, message, what to do).
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .notesDirectoryNotFound(path):
            return [
                Diagnostic(
                    .error, file: path, message: "no such directory",
                    hint: "give the folder that holds your client notes (NAME.md files and NAME/ folders), "
                        + "or run redflag inside it")
            ]
        case let .notADirectory(path):
            return [
                Diagnostic(
                    .error, file: path, message: "not a directory",
                    hint: "give the notes folder, not a file (to lint single files, use 'redflag lint FILE')")
            ]
        case let .configurationUnreadable(path):
            return [
                Diagnostic(
                    .error, file: path, message: "cannot read the configuration",
                    hint: "check that the file exists and is readable")
            ]
        case let .configurationInvalid(diagnostics):
            return diagnostics
        case let .unknownClient(query, suggestions):
            let hint =
                suggestions.isEmpty
                ? "run 'redflag triage' to list the clients"
                : "did you mean \(suggestions.joined(separator: ", "))?"
            return [Diagnostic(.error, file: "", message: "unknown client '\(query)'", hint: hint)]
        case let .templatesInvalid(message):
            return [Diagnostic(.error, file: "", message: message)]
        case let .outputRefused(path, reason, hint):
            return [Diagnostic(.error, file: path, message: reason, hint: hint)]
        case let .historyUnavailable(path, reason, hint):
            return [Diagnostic(.error, file: path, message: reason, hint: hint)]
        case let .evidenceUnreadable(path, reason):
            return [
                Diagnostic(
                    .error, file: path, message: reason,
                    hint: "give a dossier written with 'redflag dossier CLIENT --format json --output FILE'")
            ]
        }
    }

    /// One sentence after the diagnostics, saying what did not happen; nil when they say it all.
    public var consequence: String? {
        switch self {
        case .configurationInvalid: "no verdict: fix \(Configuration.fileName) first"
        default: nil
        }
    }
}
