/// A stretch of a notes file: from `start` through line `endLine`, column `endColumn`.
///
/// Lines are 1-based; columns are 1-based UTF-8 byte offsets, as in `SourceLocation`. The end is
/// inclusive; `endColumn` is 0 when the range runs to the end of `endLine` (an entry's block).
public struct SourceRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var endLine: Int
    public var endColumn: Int

    public init(start: SourceLocation, endLine: Int, endColumn: Int = 0) {
        self.start = start
        self.endLine = max(start.line, endLine)
        self.endColumn = endColumn
    }

    /// A range that starts and ends at one position (a finding that points at a place).
    public init(at location: SourceLocation) {
        self.init(start: location, endLine: location.line, endColumn: location.column)
    }

    /// The path of the file, relative to the notes directory.
    public var file: String {
        get { start.file }
        set { start.file = newValue }
    }

    /// The lines the range covers.
    public var lines: ClosedRange<Int> { start.line...endLine }

    /// `file:line:column`, where the range starts.
    public var description: String { start.description }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.endLine, lhs.endColumn) < (rhs.start, rhs.endLine, rhs.endColumn)
    }
}
