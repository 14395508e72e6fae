import ArgumentParser
import Foundation

/// `$VISUAL` or `$EDITOR` on a temporary file, for an entry written at length (`redflag log`
/// without text). The editor inherits the terminal.
enum Editor {
    /// The text written, nil when it was left empty; throws when no editor is set or it failed.
    static func compose() throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            throw ValidationError("give the entry's text, or set $VISUAL or $EDITOR to write it in an editor")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("entry.md")
        try Data().write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments (`code --wait`): the shell splits it.
        process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "the editor (\(editor)) exited with status \(process.terminationStatus); nothing logged")
        }
        let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }
}
