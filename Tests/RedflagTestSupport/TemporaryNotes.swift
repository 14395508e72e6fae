import Foundation

/// Temporary notes directories for tests.
public enum TemporaryNotes {
    /// A new folder under the temporary directory holding `files` (relative path → contents).
    public static func make(_ files: [String: String], prefix: String = "redflag-test") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }
}
