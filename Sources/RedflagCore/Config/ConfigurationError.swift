/// `redflag.yml` could not be used: every problem found, each with file, line and column.
public struct ConfigurationError: Error, Hashable, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
