/// Raw HTML that starts with `<!--`, with the line cmark reports for it.
public struct MarkdownComment: Hashable, Sendable {
    public var literal: String
    public var line: Int
    public var column: Int

    public init(literal: String, line: Int, column: Int) {
        self.literal = literal
        self.line = line
        self.column = column
    }
}
