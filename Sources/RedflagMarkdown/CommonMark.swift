import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one door to libcmark: every cmark call of redflag is in this file.
///
/// Each function parses, walks the tree iteratively (`cmark_iter`: journals can nest tens of
/// thousands of levels deep), copies what it needs into Swift values, and frees the iterator and the
/// document before it returns.
public enum CommonMark {
    /// The block outline of `markdown`: top-level blocks and the items of top-level lists.
    ///
    /// Throws, without calling cmark, when `markdown` has one of the shapes on which libcmark
    /// 0.30.2 takes quadratic time (`MarkdownComplexity`).
    public static func outline(of markdown: String) throws(MarkdownComplexity) -> MarkdownOutline {
        if let problem = MarkdownComplexity.assess(markdown) { throw problem }
        return withDocument(markdown, options: CMARK_OPT_SOURCEPOS) { root in
            var builder = OutlineBuilder()
            return builder.build(root)
        } ?? MarkdownOutline(blocks: [])
    }

    /// HTML for `markdown` from cmark's safe renderer: raw HTML is omitted and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` links are removed. Straight quotes become curly.
    /// Markdown too complex for cmark to parse in linear time (`MarkdownComplexity`) is shown as
    /// escaped text in a `<pre>` instead.
    public static func safeHTML(_ markdown: String) -> String {
        if MarkdownComplexity.assess(markdown) != nil { return "<pre>" + escapeHTML(markdown) + "</pre>\n" }
        return markdown.withCString { bytes -> String in
            guard let html = cmark_markdown_to_html(bytes, markdown.utf8.count, CMARK_OPT_SMART) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// `&`, `<`, `>` and `"` as entities.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var libraryVersion: String {
        String(cString: cmark_version_string())
    }

    private static func withDocument<Result>(
        _ markdown: String, options: Int32, _ body: (OpaquePointer) -> Result
    ) -> Result? {
        markdown.withCString { bytes -> Result? in
            guard let root = cmark_parse_document(bytes, markdown.utf8.count, options) else { return nil }
            defer { cmark_node_free(root) }
            return body(root)
        }
    }
}

/// Walks a cmark document with `cmark_iter` and builds the outline. Lives only inside one call.
private struct OutlineBuilder {
    /// A block being collected: a top-level block, or an item of a top-level list.
    private struct Pending {
        var block: MarkdownBlock
        var separatorNeeded = false
    }

    private var top: Pending?
    private var item: Pending?
    private var blocks: [MarkdownBlock] = []
    /// Images entered and not yet exited: their alt text is not text of the block.
    private var imageDepth = 0

    mutating func build(_ root: OpaquePointer) -> MarkdownOutline {
        guard let iterator = cmark_iter_new(root) else { return MarkdownOutline(blocks: []) }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                if type == CMARK_NODE_IMAGE { imageDepth -= 1 }
                // A node entered at depth d is exited when the counter is back to d.
                if depth == 2, type == CMARK_NODE_ITEM, let finished = item {
                    top?.block.children.append(finished.block)
                    item = nil
                } else if depth == 1, let finished = top {
                    blocks.append(finished.block)
                    top = nil
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_IMAGE { imageDepth += 1 }
            let isLeaf = Self.leafTypes.contains(type.rawValue)
            if depth == 1 {
                top = Pending(block: MarkdownBlock(kind: Self.kind(of: node, type), span: Self.span(of: node)))
            } else if depth == 2, type == CMARK_NODE_ITEM, top?.block.kind == .list {
                item = Pending(block: MarkdownBlock(kind: .item, span: Self.span(of: node)))
            }
            visit(node, type)
            if isLeaf {
                if depth == 1, let finished = top {  // a top-level leaf has no EXIT event
                    blocks.append(finished.block)
                    top = nil
                }
            } else {
                depth += 1
            }
        }
        return MarkdownOutline(blocks: blocks)
    }

    private static let leafTypes: Set<UInt32> = [
        CMARK_NODE_TEXT.rawValue, CMARK_NODE_CODE.rawValue, CMARK_NODE_HTML_INLINE.rawValue,
        CMARK_NODE_SOFTBREAK.rawValue, CMARK_NODE_LINEBREAK.rawValue, CMARK_NODE_THEMATIC_BREAK.rawValue,
        CMARK_NODE_CODE_BLOCK.rawValue, CMARK_NODE_HTML_BLOCK.rawValue, CMARK_NODE_CUSTOM_INLINE.rawValue,
        CMARK_NODE_CUSTOM_BLOCK.rawValue,
    ].reduce(into: Set<UInt32>()) { $0.insert($1) }

    /// Adds what `node` contributes to the innermost pending block.
    private mutating func visit(_ node: OpaquePointer, _ type: cmark_node_type) {
        func update(_ change: (inout Pending) -> Void) {
            if var pending = item {
                change(&pending)
                item = pending
            } else if var pending = top {
                change(&pending)
                top = pending
            }
        }
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            let span = Self.span(of: node)
            update {
                $0.block.leaves.append(span)
                if $0.separatorNeeded { $0.block.text += "\n" }
                $0.separatorNeeded = true
            }
        case CMARK_NODE_TEXT where imageDepth > 0, CMARK_NODE_CODE where imageDepth > 0:
            break
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            let literal = Self.literal(of: node)
            update { $0.block.text += literal }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            update { $0.block.text += " " }
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            let literal = Self.literal(of: node)
            if type == CMARK_NODE_HTML_BLOCK { update { $0.block.literal = literal } }
            if literal.hasPrefix("<!--") {
                let comment = MarkdownComment(
                    literal: literal, line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node)))
                update { $0.block.comments.append(comment) }
            }
        case CMARK_NODE_CODE_BLOCK:
            let literal = Self.literal(of: node)
            update { $0.block.literal = literal }
        default:
            break
        }
    }

    private static func kind(of node: OpaquePointer, _ type: cmark_node_type) -> MarkdownBlock.Kind {
        switch type {
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        default: .thematicBreak
        }
    }

    /// cmark positions; values <= 0 mean unknown and become 1.
    private static func span(of node: OpaquePointer) -> SourceSpan {
        SourceSpan(
            startLine: max(1, Int(cmark_node_get_start_line(node))),
            startColumn: max(1, Int(cmark_node_get_start_column(node))),
            endLine: max(1, Int(cmark_node_get_end_line(node))),
            endColumn: max(0, Int(cmark_node_get_end_column(node))))
    }

    private static func literal(of node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }
}
