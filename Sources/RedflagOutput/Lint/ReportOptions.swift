import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// How findings are shown, whatever the format.
public struct ReportOptions: Hashable, Sendable {
    /// Prefix for finding paths (the notes root as the user gave it); "" or "." for none.
    public var root: String
    /// ANSI colour (text format only).
    public var color: Bool
    /// redflag's version, for SARIF.
    public var toolVersion: String

    public init(root: String = "", color: Bool = false, toolVersion: String = "0.1.0") {
        self.root = root
        self.color = color
        self.toolVersion = toolVersion
    }

    /// `root/path` as the user would type it (the path alone when root is "" or ".").
    public func display(_ path: String) -> String {
        DisplayPath.join(root: root, path)
    }
}
