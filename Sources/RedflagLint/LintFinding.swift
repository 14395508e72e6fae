import RedflagCore
import RedflagDetector
import RedflagJournal

/// One problem a lint rule found, at a position of a notes file.
///
/// `range.file` is relative to the notes root (`/`-separated); lines are 1-based and columns 1-based
/// UTF-8 byte offsets (0 positions never occur: whole-file findings use line 1, column 1). The range
/// starts where the finding points; for `untagged-incident` it runs through the entry's last line.
public struct LintFinding: Hashable, Sendable {
    /// The rule id (`untagged-incident`).
    public var rule: String
    public var severity: Severity
    public var range: SourceRange
    public var message: String
    /// One line on what to do about it.
    public var hint: String?
    /// For `untagged-incident`: the tag to add and how sure the detector is.
    public var suggestion: IncidentSuggestion?
    /// For `untagged-incident`: true when the range spans the entry, where `--fix` puts the tag.
    public var spansEntry: Bool

    public init(
        rule: String, severity: Severity, file: String, line: Int, column: Int, message: String, hint: String? = nil,
        suggestion: IncidentSuggestion? = nil, entryLines: ClosedRange<Int>? = nil
    ) {
        self.rule = rule
        self.severity = severity
        let start = SourceLocation(file: file, line: line, column: max(1, column))
        self.range = SourceRange(
            start: start, endLine: entryLines?.upperBound ?? line, endColumn: entryLines == nil ? start.column : 0)
        self.message = message
        self.hint = hint
        self.suggestion = suggestion
        self.spansEntry = entryLines != nil
    }

    public var location: SourceLocation { range.start }

    /// The file, relative to the notes root.
    public var file: String {
        get { range.start.file }
        set { range.start.file = newValue }
    }

    /// The line the finding points at (1-based).
    public var line: Int { range.start.line }

    /// The column the finding points at (1-based UTF-8 bytes).
    public var column: Int { range.start.column }

    /// For `untagged-incident`: the entry's first and last line, where `--fix` puts the tag.
    public var entryLines: ClosedRange<Int>? { spansEntry ? range.lines : nil }

    /// Output order: file, line, column, rule.
    public static func outputOrder(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.rule) < (rhs.file, rhs.line, rhs.column, rhs.rule)
    }
}
