import RedflagCore

/// YAML front matter of a notes file: the lines between a first-line `---` and the next `---`.
public struct FrontMatter: Hashable, Sendable {
    /// Line of the opening `---` (always 1) and of the closing `---`.
    public var startLine: Int
    public var endLine: Int
    /// The parsed YAML (nil when empty or invalid; the problem is then in the file's diagnostics).
    public var value: YAMLValue?
}
