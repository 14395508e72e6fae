import Foundation
import RedflagOutput

/// Writes a command's output file: its folder must exist, and it is never inside the notes
/// directory (after resolving symbolic links, also when the file itself is a link).
public enum OutputFile {
    public static func write(_ text: String, to path: String, notes: String) throws(RedflagError) {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .outputRefused(
                path: path, reason: "the folder \(parent.path) does not exist", hint: "create it first")
        }
        var target = parent.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
            target = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        }
        if SitePaths.isInside(target, URL(fileURLWithPath: notes).resolvingSymlinksInPath().path) {
            throw .outputRefused(
                path: path, reason: "refusing to write inside the notes directory", hint: "write it elsewhere")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .outputRefused(path: path, reason: "cannot write the file (\(error.localizedDescription))", hint: nil)
        }
    }
}
