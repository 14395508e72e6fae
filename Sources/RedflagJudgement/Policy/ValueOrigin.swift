import RedflagCore
import RedflagJournal

/// Where a value of the policy in force came from: the built-in default or a line of `redflag.yml`.
public struct ValueOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The configuration file as named in messages; nil for the built-in default.
    public var file: String?
    /// The 1-based line of the value in `file`.
    public var line: Int?

    public init(file: String?, line: Int?) {
        self.file = file
        self.line = line
    }

    /// The built-in default.
    public static let `default` = ValueOrigin(file: nil, line: nil)

    /// `default` or `redflag.yml:12`.
    public var description: String {
        guard let file else { return "default" }
        return line.map { "\(file):\($0)" } ?? file
    }
}
