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
