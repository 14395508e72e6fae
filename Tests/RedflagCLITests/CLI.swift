import Foundation
import RedflagTestSupport
import Testing

/// Runs the built `redflag` binary, as a user would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `redflag` executable next to the test bundle (the same build folder).
    static var executable: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0 }
        for directory in candidates {
            let url = directory.appendingPathComponent("redflag")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/redflag")
    }

    /// Runs `redflag arguments` (NO_COLOR set) with a deadline: a hung command fails the test with
    /// `Subprocess.Timeout` instead of stalling the suite.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
        timeout: Double = Subprocess.defaultTimeout
    ) throws -> Result {
        try run(executable.path, arguments, environment: environment, in: directory, timeout: timeout)
    }

    /// Runs any program (`env`, `setpriv`, `bash` wrapping redflag) the way `run` runs redflag.
    static func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
        timeout: Double = Subprocess.defaultTimeout
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The parse cache of every test run lands in a temporary folder, never in the real ~/.cache.
        env["XDG_CACHE_HOME"] = cacheHome.path
        for (key, value) in environment { env[key] = value }
        let result = try Subprocess.run(
            program, arguments, environment: env, directory: directory ?? repositoryRoot, timeout: timeout)
        return Result(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// The `XDG_CACHE_HOME` of every command the tests run: one temporary folder per test process,
    /// removed when the process exits.
    static let cacheHome: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redflag-cli-cache-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: CLI.cacheHome) }
        return folder
    }()

    /// A new temporary notes directory holding `files` (relative path → contents).
    static func notes(_ files: [String: String]) throws -> URL {
        try TemporaryNotes.make(files, prefix: "redflag-cli")
    }
}
