import Foundation
import RedflagKit

/// What one lint run covers: a notes root, and either all of it or some of its files.
struct LintTarget {
    /// The notes directory as it will be shown (relative to the working directory when possible).
    var root: String
    /// Files relative to `root`; nil for the whole directory.
    var files: [String]?

    /// Groups the command-line paths by notes root (in order of first appearance).
    static func resolve(_ paths: [String]) throws -> [LintTarget] {
        var targets: [LintTarget] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RedflagError.notesDirectoryNotFound(path)
            }
            if isDirectory.boolValue {
                targets.append(LintTarget(root: path, files: nil))
                continue
            }
            let (root, relative) = notesRoot(of: path)
            if let index = targets.firstIndex(where: { $0.root == root && $0.files != nil }) {
                if targets[index].files?.contains(relative) == false { targets[index].files?.append(relative) }
            } else {
                targets.append(LintTarget(root: root, files: [relative]))
            }
        }
        return targets
    }

    /// The notes root of a file: the nearest folder above it with redflag.yml; else the working
    /// directory when the file is inside it; else the file's folder. Also the file's path relative
    /// to the root.
    static func notesRoot(of file: String) -> (root: String, relative: String) {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        var folder = (absolute as NSString).deletingLastPathComponent
        var found: String?
        while true {
            if FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(Configuration.fileName))
            {
                found = folder
                break
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || folder.isEmpty { break }
            folder = parent
        }
        let root = found ?? (absolute.hasPrefix(cwd + "/") ? cwd : (absolute as NSString).deletingLastPathComponent)
        let relative = String(absolute.dropFirst(root.count + (root.hasSuffix("/") ? 0 : 1)))
        // Show the root relative to the working directory, as the user typed paths.
        let shown: String
        if root == cwd {
            shown = "."
        } else if root.hasPrefix(cwd + "/") {
            shown = String(root.dropFirst(cwd.count + 1))
        } else {
            shown = root
        }
        return (shown, relative)
    }
}
