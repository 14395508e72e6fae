import ArgumentParser
import Foundation
import RedflagKit

/// Printing for commands: stdout for results, stderr for diagnostics, colour only on a terminal.
enum Console {
    /// Writes `text` to standard output as is (renderers made it safe). A failed write (a full
    /// disk, a closed pipe) is not a crash.
    static func out(_ text: String) {
        _ = fileSizeSignalIgnored
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Output redirected to a file past the file-size limit (`ulimit -f`) fails with `EFBIG`
    /// instead of killing the process with `SIGXFSZ`.
    private static let fileSizeSignalIgnored: Bool = {
        signal(SIGXFSZ, SIG_IGN)
        return true
    }()

    /// Writes `text` and a newline to standard error, control and bidi characters (from notes, file
    /// names) escaped by `TerminalText`.
    static func error(_ text: String) {
        raw(TerminalText.sanitized(text, keepingNewlines: true))
    }

    /// Writes `text` and a newline to standard error as is: for lines redflag coloured itself.
    private static func raw(_ text: String) {
        _ = fileSizeSignalIgnored
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    /// True when standard output is a terminal and `NO_COLOR` is not set.
    static var colorOnStdout: Bool { useColor(fileDescriptor: 1) }
    /// True when standard error is a terminal and `NO_COLOR` is not set.
    static var colorOnStderr: Bool { useColor(fileDescriptor: 2) }

    private static func useColor(fileDescriptor: Int32) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Prints diagnostics to stderr in the compiler format, paths joined to `root` so editors find them.
    static func report(_ diagnostics: [Diagnostic], root: String) {
        let color = colorOnStderr
        for diagnostic in diagnostics {
            var shown = diagnostic
            shown.file = display(path: diagnostic.file, root: root)
            var line = TerminalText.sanitized(shown.description)
            if color {
                let label = diagnostic.severity.rawValue + ":"
                let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36"
                line = line.replacingOccurrences(of: " " + label, with: " \u{1B}[1;\(code)m\(label)\u{1B}[0m")
            }
            raw(line)
            if let hint = diagnostic.hint { error("  hint: \(hint)") }
        }
    }

    /// `root/path`, or `path` when root is ".", or the path itself when it already includes the root.
    static func display(path: String, root: String) -> String {
        if root == "." || root.isEmpty || path.hasPrefix("/") || path == root { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }
}

/// Where the notes are: shared by every command that reads a notes directory.
struct NotesArgument: ParsableArguments {
    @Argument(help: "The notes directory: NAME.md files and NAME/ folders, one per client.", completion: .directory)
    var notes: String = "."
}

/// Loads the notes, prints every diagnostic, and tells whether a runtime error happened.
func loadJournal(_ root: String) -> (Journal, hadErrors: Bool) {
    let journal = NotesDirectory.load(root: root)
    var diagnostics = journal.allDiagnostics
    if journal.files.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
        diagnostics.append(
            Diagnostic(
                .warning, file: root, message: "no client notes found",
                hint: "a notes directory holds one NAME.md file or NAME/ folder of .md files per client"))
    }
    Console.report(diagnostics, root: root)
    return (journal, diagnostics.contains { $0.severity == .error })
}

/// Parses `YYYY-MM-DD` for options.
func parseDateOption(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(iso: text) else {
        throw ValidationError("\(option) '\(text)' is not a date: use YYYY-MM-DD, e.g. 2024-03-05")
    }
    return date
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}
