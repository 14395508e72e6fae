import RedflagCore

/// One `#tag` as written in a journal, resolved against the vocabulary.
///
/// `name` is canonical (`#liar` → `lie`, `#insult` → `abuse` with subtype `verbal`); `raw` is the
/// text as written, without the `#`. `line` is 1-based, `column` is the 1-based UTF-8 byte offset
/// of the `#` in the original source line.
public struct Tag: Hashable, Sendable, Codable {
    public var name: String
    public var subtype: String?
    public var raw: String
    /// Where the tag is written: from its `#` through its last byte, on one line.
    public var range: SourceRange
    /// False when neither the built-in vocabulary nor `redflag.yml` knows the tag.
    public var isKnown: Bool

    /// The longest tag, in Unicode scalars after the `#`: a longer run (`#aaaa…`, a pasted hash)
    /// is not a tag, so that no message or suggestion has to carry it.
    public static let maximumLength = Vocabulary.maximumTagLength

    public init(
        name: String, subtype: String?, raw: String, file: String = "", line: Int, column: Int, isKnown: Bool
    ) {
        self.name = name
        self.subtype = subtype
        self.raw = raw
        self.range = SourceRange(
            start: SourceLocation(file: file, line: line, column: column), endLine: line,
            endColumn: column + raw.utf8.count)
        self.isKnown = isKnown
    }

    /// The line of the `#` (1-based).
    public var line: Int { range.start.line }

    /// The column of the `#` (1-based UTF-8 bytes).
    public var column: Int { range.start.column }

    /// `name` or `name/subtype`.
    public var qualifiedName: String {
        subtype.map { "\(name)/\($0)" } ?? name
    }
}
