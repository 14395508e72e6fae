import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The site could not be written where asked.
public struct SiteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
