import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// A template could not be read or parsed.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
