import RedflagCore
import RedflagJournal

/// The `policy:` section of `redflag.yml` could not be used: every problem found, each with file,
/// line, column and a hint. The policy never falls back to defaults silently.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic as `file:line:column: error: message`, with its hint, one per line.
    public var description: String {
        diagnostics.map { diagnostic in
            diagnostic.description + (diagnostic.hint.map { "\n  hint: \($0)" } ?? "")
        }.joined(separator: "\n")
    }
}
