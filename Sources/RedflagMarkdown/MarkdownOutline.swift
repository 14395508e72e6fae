/// The block structure of one Markdown document, as redflag's journal grammar needs it.
///
/// A pure Swift value: no cmark pointer survives the call that builds it. Lines are 1-based;
/// columns are 1-based UTF-8 byte offsets, as cmark reports block positions.
public struct MarkdownOutline: Hashable, Sendable {
    /// The children of the document, in source order.
    public var blocks: [MarkdownBlock]

    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }
}

/// A span of source from (`startLine`, `startColumn`) to (`endLine`, `endColumn`), inclusive.
public struct SourceSpan: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// A top-level block, or an item of a top-level list.
public struct MarkdownBlock: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case paragraph
        case heading(level: Int)
        /// A list; its items are in `children`.
        case list
        case item
        case blockQuote
        case codeBlock
        case htmlBlock
        case thematicBreak
    }

    public var kind: Kind
    public var span: SourceSpan
    /// Plain text: inline markup removed, soft and hard breaks as spaces, leaf blocks joined by "\n".
    /// Empty for code blocks, HTML blocks and thematic breaks.
    public var text: String
    /// Every paragraph and heading inside the block (itself included), where tags can occur.
    public var leaves: [SourceSpan]
    /// The items of a list (empty for other kinds).
    public var children: [MarkdownBlock]
    /// The literal content of an HTML block or a code block.
    public var literal: String?
    /// HTML comments in the block: inline HTML and HTML blocks whose text starts with `<!--`.
    public var comments: [MarkdownComment]

    public init(
        kind: Kind, span: SourceSpan, text: String = "", leaves: [SourceSpan] = [], children: [MarkdownBlock] = [],
        literal: String? = nil, comments: [MarkdownComment] = []
    ) {
        self.kind = kind
        self.span = span
        self.text = text
        self.leaves = leaves
        self.children = children
        self.literal = literal
        self.comments = comments
    }
}

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
