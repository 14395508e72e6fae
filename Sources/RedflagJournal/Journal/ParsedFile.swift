import RedflagCore

/// Everything redflag read from one notes file.
public struct ParsedFile: Hashable, Sendable {
    /// Path relative to the notes directory, `/`-separated.
    public var path: String
    /// Client id the file belongs to; empty for a shared note (its entries each have their own).
    public var client: ClientID
    /// The file's text; empty when the loader was asked not to keep it (`LoadOptions.keepsSource`)
    /// and for a file the parse cache answered for without reading it.
    public var source = SourceText("")
    public var frontMatter: FrontMatter?
    /// The known keys of the front matter.
    public var fields: FrontMatterFields
    public var entries: [Entry]
    public var headings: [Heading]
    public var comments: [HTMLComment]
    public var diagnostics: [Diagnostic]
    /// True when the file uses CRLF line endings.
    public var usesCRLF: Bool
    /// True when the file starts with a UTF-8 byte order mark.
    public var hasBOM: Bool
    /// SHA-256 (lowercase hex) of the file's bytes as read: what the input digest and the cache use.
    public var digest = ""
}
