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
