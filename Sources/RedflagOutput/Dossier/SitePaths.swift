import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Path checks for everything redflag writes.
public enum SitePaths {
    /// True when `path` is `directory` or inside it (both absolute, resolved, `/`-separated).
    public static func isInside(_ path: String, _ directory: String) -> Bool {
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        return path == base || path.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// True for `[a-z0-9-]+.html`: a page name that cannot leave its folder.
    public static func isSafeFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".html") else { return false }
        let stem = name.dropLast(5)
        return !stem.isEmpty && stem.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
