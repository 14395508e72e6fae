import RedflagCore

/// An HTML comment (`<!-- ... -->`) of a notes file, where suppressions live.
public struct HTMLComment: Hashable, Sendable {
    /// Text between `<!--` and `-->`, trimmed.
    public var text: String
    public var line: Int
    public var column: Int
    public var endLine: Int
}
