import RedflagCore
import RedflagDetector
import RedflagJournal

/// One problem a lint rule found, at a position of a notes file.
///
/// `file` is relative to the notes root (`/`-separated); `line` is 1-based and `column` the 1-based
/// UTF-8 byte offset in the line (0 positions never occur: whole-file findings use line 1, column 1).
public struct LintFinding: Hashable, Sendable {
    /// The rule id (`untagged-incident`).
    public var rule: String
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// One line on what to do about it.
    public var hint: String?
    /// For `untagged-incident`: the tag to add and how sure the detector is.
    public var suggestion: IncidentSuggestion?
    /// For `untagged-incident`: the entry's first and last line, where `--fix` puts the tag.
    public var entryLines: ClosedRange<Int>?

    public init(
        rule: String, severity: Severity, file: String, line: Int, column: Int, message: String, hint: String? = nil,
        suggestion: IncidentSuggestion? = nil, entryLines: ClosedRange<Int>? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = max(1, column)
        self.message = message
        self.hint = hint
        self.suggestion = suggestion
        self.entryLines = entryLines
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Output order: file, line, column, rule.
    public static func outputOrder(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.rule) < (rhs.file, rhs.line, rhs.column, rhs.rule)
    }
}
