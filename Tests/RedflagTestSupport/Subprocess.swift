import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program for a test and waits for it with a deadline: the one way tests start processes
/// (the `redflag` binary, Chromium, Python), so that a hung child fails its test within seconds
/// instead of stalling the suite until CI's limit.
///
/// Standard output and error are read while the child runs (a full pipe cannot block it). Past the
/// deadline the child gets SIGTERM, then SIGKILL two seconds later, and `run` throws `Timeout`,
/// whose description names the command and shows what it printed so far.
public enum Subprocess {
    /// What a finished child left.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The child did not finish (or did not close its output) before the deadline.
    public struct Timeout: Error, CustomStringConvertible {
        public var command: String
        public var seconds: Double
        public var stdout: String
        public var stderr: String

        public var description: String {
            "timed out: `\(command)` did not finish within \(seconds) s and was killed\n"
                + "stdout so far: \(stdout.suffix(2000))\nstderr so far: \(stderr.suffix(2000))"
        }
    }

    /// Seconds a test waits for a child unless it says otherwise: far above any healthy run here
    /// (the slowest, Chromium under a parallel test run, takes a few seconds), far below CI's limit.
    public static let defaultTimeout: Double = 120

    /// Runs `executable` with `arguments` and returns when it has exited and closed its output.
    /// `environment` replaces the test process's environment when given.
    /// `input`, when given, is written to the child's standard input, which is then closed.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: URL? = nil, input: Data? = nil, timeout: Double = defaultTimeout
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe } else { process.standardInput = FileHandle.nullDevice }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        let outBuffer = Buffer()
        let errBuffer = Buffer()
        let readers = DispatchGroup()
        try process.run()
        if let inputPipe, let input {
            Thread {
                try? inputPipe.fileHandleForWriting.write(contentsOf: input)
                try? inputPipe.fileHandleForWriting.close()
            }.start()
        }
        for (pipe, buffer) in [(out, outBuffer), (err, errBuffer)] {
            readers.enter()
            Thread {
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                }
                readers.leave()
            }.start()
        }
        let command = ([executable] + arguments).joined(separator: " ")
        let deadline = DispatchTime.now() + timeout
        if exited.wait(timeout: deadline) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = exited.wait(timeout: .now() + 2)
            }
            _ = readers.wait(timeout: .now() + 2)
            throw Timeout(command: command, seconds: timeout, stdout: outBuffer.text, stderr: errBuffer.text)
        }
        // A grandchild may hold the pipes open after the child exited: wait for them with a deadline too.
        if readers.wait(timeout: max(deadline, .now() + 5)) == .timedOut {
            throw Timeout(command: command, seconds: timeout, stdout: outBuffer.text, stderr: errBuffer.text)
        }
        return Result(status: process.terminationStatus, stdout: outBuffer.data, stderr: errBuffer.data)
    }

    /// The full path of `name` on `PATH` (and the usual folders), or nil.
    public static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"] {
            for name in names {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Bytes appended by a reader thread, read after it finished (or at a timeout).
    private final class Buffer: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()

        func append(_ chunk: Data) {
            lock.lock()
            bytes.append(chunk)
            lock.unlock()
        }

        var data: Data {
            lock.lock()
            defer { lock.unlock() }
            return bytes
        }

        var text: String { String(decoding: data, as: UTF8.self) }
    }
}
