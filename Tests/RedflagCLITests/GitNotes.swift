import Foundation
import RedflagTestSupport
import Testing

/// A git repository of notes with history, in a temporary folder, for `diff` and provenance tests.
struct GitNotes {
    let root: URL

    /// A new repository holding `files`, committed on `day` (the first commit).
    static func make(_ files: [String: String], day: String) throws -> GitNotes {
        let notes = GitNotes(root: try CLI.notes([:]))
        try notes.git(["init", "-q", "-b", "main"])
        try notes.commit(files, day: day, message: "notes")
        return notes
    }

    /// Writes `files` (relative path → contents, replacing) and commits them as of `day` (noon UTC).
    func commit(_ files: [String: String], day: String, message: String) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message], date: day)
    }

    /// Runs git in the repository (a failure fails the test).
    @discardableResult
    func git(_ arguments: [String], date: String? = nil) throws -> String {
        var environment = [
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        ]
        if let date {
            environment["GIT_AUTHOR_DATE"] = "\(date)T12:00:00Z"
            environment["GIT_COMMITTER_DATE"] = "\(date)T12:00:00Z"
        }
        let result = try CLI.run("/usr/bin/env", ["git"] + arguments, environment: environment, in: root)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
