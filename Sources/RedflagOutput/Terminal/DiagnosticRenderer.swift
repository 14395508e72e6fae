import RedflagCore

/// Diagnostics as compilers print them, for standard error: `path:line:col: severity: message`,
/// then `  hint: ...` (`severity: message` alone for a problem with no file). Paths are shown under the notes root as the user typed it; note-derived text
/// goes through `TerminalText`.
public enum DiagnosticRenderer {
    /// Every diagnostic, each line ending in a newline.
    public static func render(_ diagnostics: [Diagnostic], root: String, style: TerminalStyle) -> String {
        var out = ""
        for diagnostic in diagnostics {
            var position = DisplayPath.join(root: root, diagnostic.file)
            if let line = diagnostic.line {
                position += ":\(line)"
                if let column = diagnostic.column { position += ":\(column)" }
            }
            // A problem with no file (an unknown client) starts with its severity.
            out +=
                (diagnostic.file.isEmpty ? "" : TerminalText.sanitized(position) + ": ")
                + style.severityLabel(diagnostic.severity) + " "
                + TerminalText.sanitized(diagnostic.message) + "\n"
            if let hint = diagnostic.hint { out += "  hint: " + TerminalText.sanitized(hint) + "\n" }
        }
        return out
    }
}
