/// A problem met while reading notes or configuration: never fatal for the other files.
///
/// Printed as `path:line:col: severity: message` (the compiler format editors jump to), with the
/// hint on the next line. `line`/`column` are 1-based (UTF-8 bytes); nil when the problem concerns
/// a whole file or folder.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What the user can do about it.
    public var hint: String?
    /// What the problem is about, for code that acts on diagnostics (lint maps these to its rules).
    public var topic: Topic?

    /// The kinds of problem other layers act on. Messages are for people; match on this instead.
    public enum Topic: String, Hashable, Sendable, Codable {
        /// A date-shaped word that is not a day of the calendar (`2024-02-30`).
        case invalidDate = "invalid-date"
        /// A slashed date (`03/05/2025`) whose order of day and month `redflag.yml` does not give.
        case ambiguousDate = "ambiguous-date"
        /// Front matter: YAML syntax, an unknown `billing:` or `status:`, a bad `since:`.
        case frontMatter = "front-matter"
    }

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String,
        hint: String? = nil, topic: Topic? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.topic = topic
    }

    /// `file:line:column: severity: message` (line and column left out when unknown).
    public var description: String {
        var position = file
        if let line {
            position += ":\(line)"
            if let column { position += ":\(column)" }
        }
        return "\(position): \(severity.rawValue): \(message)"
    }
}
