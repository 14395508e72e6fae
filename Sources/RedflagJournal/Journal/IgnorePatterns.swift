import Foundation

/// `ignore:` of `redflag.yml`: gitignore patterns of paths the walk leaves out.
///
/// Supported as in `.gitignore`: `*` (any run within one name), `?`, `[abc]` / `[a-z]`, `**`
/// (any number of folders), a trailing `/` (folders only), a `/` at the start or in the middle
/// (anchored at the notes root; otherwise the pattern matches a name at any depth), and `!` to
/// bring back what an earlier pattern left out. The last matching pattern wins.
public struct IgnorePatterns: Hashable, Sendable {
    private struct Pattern: Hashable, Sendable {
        var glob: [Character]
        var negated: Bool
        var directoryOnly: Bool
        var anchored: Bool
    }

    private var patterns: [Pattern] = []

    public init(_ lines: [String]) {
        for line in lines {
            var text = Substring(line.trimmingCharacters(in: [" ", "\t"]))
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            var negated = false
            if text.hasPrefix("!") {
                negated = true
                text = text.dropFirst()
            }
            var directoryOnly = false
            if text.hasSuffix("/") {
                directoryOnly = true
                text = text.dropLast()
            }
            let anchored = text.contains("/")
            if text.hasPrefix("/") { text = text.dropFirst() }
            guard !text.isEmpty else { continue }
            patterns.append(
                Pattern(glob: Array(text), negated: negated, directoryOnly: directoryOnly, anchored: anchored))
        }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// True when `path` (relative to the notes root, `/`-separated) is left out. A path inside a
    /// left-out folder is left out too; pass `isDirectory` for folders.
    public func excludes(_ path: String, isDirectory: Bool) -> Bool {
        guard !patterns.isEmpty else { return false }
        let parts = path.split(separator: "/").map(String.init)
        // A folder on the way that is left out leaves out everything below it.
        for depth in 1..<max(1, parts.count) where matches(parts[0..<depth].joined(separator: "/"), isDirectory: true) {
            return true
        }
        return matches(path, isDirectory: isDirectory)
    }

    private func matches(_ path: String, isDirectory: Bool) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var excluded = false
        for pattern in patterns {
            if pattern.directoryOnly, !isDirectory { continue }
            let subject = pattern.anchored ? Array(path) : Array(name)
            if Self.glob(pattern.glob[...], subject[...]) { excluded = !pattern.negated }
        }
        return excluded
    }

    /// Glob matching with `*`, `**`, `?` and `[...]`; iterative over `*` to stay linear-ish.
    private static func glob(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var rest = pattern.dropFirst()
            let crossesFolders = rest.first == "*"
            if crossesFolders {
                rest = rest.dropFirst()
                if rest.first == "/" {
                    // `**/x` also matches `x` at this level.
                    if glob(rest.dropFirst(), text) { return true }
                }
            }
            var index = text.startIndex
            while true {
                if glob(rest, text[index...]) { return true }
                guard index < text.endIndex, crossesFolders || text[index] != "/" else { return false }
                index += 1
            }
        case "?":
            guard let character = text.first, character != "/" else { return false }
            return glob(pattern.dropFirst(), text.dropFirst())
        case "[":
            guard let close = pattern.dropFirst().firstIndex(of: "]"), let character = text.first else {
                return text.first == "[" && glob(pattern.dropFirst(), text.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negate = set.first == "!" || set.first == "^"
            if negate { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if set[index] <= character && character <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == character { found = true }
                    index += 1
                }
            }
            guard found != negate else { return false }
            return glob(pattern[(close + 1)...], text.dropFirst())
        default:
            guard let character = text.first, character == first else { return false }
            return glob(pattern.dropFirst(), text.dropFirst())
        }
    }
}
