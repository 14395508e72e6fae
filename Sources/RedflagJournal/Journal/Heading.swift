import RedflagCore

/// A Markdown heading of a notes file.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var line: Int
    /// Plain text of the heading.
    public var text: String
    /// The date the heading opens a section for, when its text starts with a valid `YYYY-MM-DD`.
    public var date: CalendarDate?
    /// The first word when it has the shape of a date but is not one (`2024-02-30`).
    public var invalidDate: String?
}
