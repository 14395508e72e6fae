import RedflagJournal

/// A tag in every JSON schema: `{"column", "line", "name", "raw", "subtype"}`.
struct TagJSON: Encodable, Sendable {
    var name: String
    @Nullable var subtype: String?
    var raw: String
    var line: Int
    var column: Int

    init(_ tag: Tag) {
        name = tag.name
        subtype = tag.subtype
        raw = tag.raw
        line = tag.line
        column = tag.column
    }
}
