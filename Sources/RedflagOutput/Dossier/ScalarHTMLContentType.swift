internal import Mustache

/// The content type of every HTML template: `{{...}}` escaped by `HTML.escape`, which replaces each
/// `& < > " '` whatever follows it. swift-mustache's built-in `HTML` type escapes `Character`s, and a
/// `"` followed by a combining mark (`"\u{301}`) is one `Character` that is not `"`: it would reach
/// the page raw and could end an attribute.
struct ScalarHTMLContentType: MustacheContentType {
    /// The name templates select it by.
    static let name = "REDFLAG_HTML"

    /// The pragma that selects it, on a line of its own (a standalone tag: it renders as nothing).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the type with swift-mustache once per process, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(ScalarHTMLContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
