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

    /// Writes `bytes` to standard output as they are (a report replayed from `ReportCache`).
    static func out(bytes: Data) {
        _ = fileSizeSignalIgnored
        try? FileHandle.standardOutput.write(contentsOf: bytes)
    }

    /// Writes `bytes` to standard error as they are (a report's diagnostics replayed from `ReportCache`).
    static func error(bytes: Data) {
        _ = fileSizeSignalIgnored
        guard !bytes.isEmpty else { return }
        try? FileHandle.standardError.write(contentsOf: bytes)
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
        raw(TerminalText.sanitized(text, keepingNewlines: true) + "\n")
    }

    /// Writes `text` to standard error as is: for text a renderer already made safe.
    private static func raw(_ text: String) {
        _ = fileSizeSignalIgnored
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// The style for standard output: colour when it is a terminal and `NO_COLOR` is not set.
    static var stdoutStyle: TerminalStyle { TerminalStyle(color: useColor(fileDescriptor: 1)) }
    /// The style for standard error.
    static var stderrStyle: TerminalStyle { TerminalStyle(color: useColor(fileDescriptor: 2)) }

    private static func useColor(fileDescriptor: Int32) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Prints diagnostics to stderr in the compiler format, paths joined to `root` so editors find them;
    /// returns the text printed (a replayable report remembers it).
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], root: String) -> String {
        let text = DiagnosticRenderer.render(diagnostics, root: root, style: stderrStyle)
        raw(text)
        return text
    }

    /// Prints what stopped a command.
    static func report(_ error: RedflagError) {
        report(error.diagnostics, root: "")
        if let consequence = error.consequence { Console.error("error: " + consequence) }
    }
}
