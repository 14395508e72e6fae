import Foundation
import RedflagCore

/// The one door to git: the repository a notes directory is in, and the few questions redflag
/// asks it, each answered by running `git` as a subprocess (never a library, never a write).
///
/// Nothing here changes the repository or the work tree: old notes are read with `git archive`
/// into a temporary folder, first commits with `git blame`. Without a `git` program, or outside a
/// repository, `containing` is nil and callers say so.
public struct GitRepository: Sendable {
    /// A failed git command: what was asked and what git said.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var command: String
        public var message: String
        public var description: String { "\(command): \(message)" }
    }

    /// The work tree's top folder (absolute).
    public let top: String
    /// The notes directory's path inside the repository, `/`-separated, with a trailing `/`; "" at the top.
    public let prefix: String

    /// The repository holding `directory`, nil when there is none (or no `git`).
    public static func containing(_ directory: String) -> GitRepository? {
        guard let output = try? run(["rev-parse", "--show-toplevel", "--show-prefix"], in: directory) else {
            return nil
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let top = lines.first, !top.isEmpty else { return nil }
        return GitRepository(top: String(top), prefix: lines.count > 1 ? String(lines[1]) : "")
    }

    /// The full id of the commit `revision` names and the day it was committed (committer's date).
    public func commit(_ revision: String) throws(Failure) -> (id: String, day: CalendarDate) {
        guard !revision.hasPrefix("-") else {
            throw Failure(command: "git rev-parse", message: "'\(revision)' is not a revision")
        }
        let id = try text(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
        let day = try text(["show", "-s", "--format=%cs", id])
        guard let date = CalendarDate(iso: day) else {
            throw Failure(command: "git show", message: "no commit date for \(revision)")
        }
        return (id, date)
    }

    /// Writes the notes directory as it was at `commit` into `folder` (which must exist).
    public func extractNotes(at commit: String, into folder: String) throws(Failure) {
        let archive = (folder as NSString).appendingPathComponent(".redflag-notes.tar")
        let tree = prefix.isEmpty ? commit : commit + ":" + String(prefix.dropLast())
        _ = try Self.run(["archive", "--format=tar", "-o", archive, tree], in: top)
        defer { try? FileManager.default.removeItem(atPath: archive) }
        _ = try Self.run(["-xf", archive, "-C", folder], in: top, program: "tar")
    }

    /// The commits without parents reachable from HEAD: where the notes were first put in git.
    public func rootCommits() -> [String] {
        guard let output = try? text(["rev-list", "--max-parents=0", "HEAD"]) else { return [] }
        return output.split(separator: "\n").map(String.init)
    }

    /// The files under the notes directory that git tracks, relative to it (`git ls-files`): one
    /// call instead of a failing `git blame` per file that was never committed.
    public func trackedFiles() throws(Failure) -> Set<String> {
        let pathspec = prefix.isEmpty ? [] : ["--", prefix]
        let output = try Self.run(["ls-files", "-z"] + pathspec, in: top)
        var files = Set<String>()
        for raw in output.split(separator: 0) {
            let path = String(decoding: raw, as: UTF8.self)
            if path.hasPrefix(prefix) { files.insert(String(path.dropFirst(prefix.count))) }
        }
        return files
    }

    /// For each line of `file` (relative to the notes directory) as it is in the work tree: the
    /// commit that last changed it and when (`git blame --line-porcelain`). Lines not committed
    /// yet are left out.
    public func blame(_ file: String) throws(Failure) -> [Int: BlamedLine] {
        let output = try Self.run(["blame", "--line-porcelain", "--", prefix + file], in: top)
        var lines: [Int: BlamedLine] = [:]
        var current: (commit: String, line: Int)?
        var time: Int?
        for raw in output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = String(decoding: raw, as: UTF8.self)
            if line.hasPrefix("\t") {
                if let current, let time, current.commit.contains(where: { $0 != "0" }) {
                    lines[current.line] = BlamedLine(commit: current.commit, committed: time)
                }
                current = nil
                time = nil
            } else if current == nil {
                let fields = line.split(separator: " ")
                if fields.count >= 3, fields[0].count >= 40, let number = Int(fields[2]) {
                    current = (String(fields[0]), number)
                }
            } else if line.hasPrefix("committer-time ") {
                time = Int(line.dropFirst("committer-time ".count))
            }
        }
        return lines
    }

    /// One line's blame: its commit and the commit's time (seconds since 1970, UTC).
    public struct BlamedLine: Hashable, Sendable {
        public var commit: String
        public var committed: Int

        /// The day of the commit (UTC).
        public var day: CalendarDate { CalendarDate(daysSinceEpoch: committed >= 0 ? committed / 86_400 : -1) }
    }

    private func text(_ arguments: [String]) throws(Failure) -> String {
        String(decoding: try Self.run(arguments, in: top), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// Runs `git arguments` (or `program`) in `directory`: its standard output, or a `Failure` with
    /// its standard error. git never prompts and never pages.
    static func run(_ arguments: [String], in directory: String, program: String = "git") throws(Failure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let name = "\(program) \(arguments.first ?? "")"
        do {
            try process.run()
        } catch {
            throw Failure(command: name, message: "cannot run \(program) (\(error.localizedDescription))")
        }
        // Standard error is read on its own thread so that neither pipe can fill up and block git.
        let errorData = ErrorBuffer()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData.data, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw Failure(
                command: name, message: message.isEmpty ? "exit status \(process.terminationStatus)" : message)
        }
        return [UInt8](data)
    }

    /// The standard error of a subprocess, filled by its reader thread.
    private final class ErrorBuffer: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Data?

        func set(_ data: Data) { lock.withLock { value = data } }
        var isSet: Bool { lock.withLock { value != nil } }
        var data: Data { lock.withLock { value ?? Data() } }
    }
}
