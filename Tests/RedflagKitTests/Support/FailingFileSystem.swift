import Foundation

@testable import RedflagLint

#if canImport(Glibc)
    import Glibc
#endif

/// A `FileSystem` that is the real one except for one step, which fails with `errno` `code`; for
/// the writer's failure branches. `.write` fails part-way: half the bytes reach the temporary file
/// first, as on a full disk.
struct FailingFileSystem: FileSystem {
    enum Step: String, CaseIterable, Sendable {
        case resolve, status, read, create, write, setMode, sync, close, rename, remove, syncDirectory
    }

    var failing: Set<Step>
    var code: Int32 = ENOSPC
    /// The user id the writer sees (0: root; tests use 1000 to check the non-root rules).
    var userID: UInt32 = POSIXFileSystem().userID
    /// The process id the writer sees (tests of a killed run use one that does not exist).
    var processID: Int32 = POSIXFileSystem().processID
    /// Runs at the rename step, before it happens or fails (tests look at the disk there).
    var atRename: (@Sendable () -> Void)?

    private let real = POSIXFileSystem()

    init(failing: Set<Step>, code: Int32 = ENOSPC) {
        self.failing = failing
        self.code = code
    }

    private func check(_ step: Step) throws(FileSystemError) {
        if failing.contains(step) { throw FileSystemError(code: code) }
    }

    func resolve(_ path: String) throws(FileSystemError) -> String {
        try check(.resolve)
        return try real.resolve(path)
    }

    func status(_ path: String) throws(FileSystemError) -> FileStatus {
        try check(.status)
        return try real.status(path)
    }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        try check(.read)
        return try real.read(path)
    }

    func isWritable(_ path: String) -> Bool { real.isWritable(path) }

    func contents(ofDirectory path: String) throws(FileSystemError) -> [String] {
        try real.contents(ofDirectory: path)
    }

    func create(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        try check(.create)
        return try real.create(path, mode: mode)
    }

    func write(_ descriptor: Int32, _ bytes: [UInt8]) throws(FileSystemError) {
        if failing.contains(.write) {
            try real.write(descriptor, Array(bytes.prefix(bytes.count / 2)))
            throw FileSystemError(code: code)
        }
        try real.write(descriptor, bytes)
    }

    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileSystemError) {
        try check(.setMode)
        try real.setMode(descriptor, mode)
    }

    func setOwner(_ descriptor: Int32, user: UInt32, group: UInt32) throws(FileSystemError) {
        try real.setOwner(descriptor, user: user, group: group)
    }

    func sync(_ descriptor: Int32) throws(FileSystemError) {
        try check(.sync)
        try real.sync(descriptor)
    }

    func close(_ descriptor: Int32) throws(FileSystemError) {
        if failing.contains(.close) {
            try? real.close(descriptor)
            throw FileSystemError(code: code)
        }
        try real.close(descriptor)
    }

    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        atRename?()
        try check(.rename)
        try real.rename(source, to: destination)
    }

    func remove(_ path: String) throws(FileSystemError) {
        try check(.remove)
        try real.remove(path)
    }

    func syncDirectory(_ path: String) throws(FileSystemError) {
        try check(.syncDirectory)
        try real.syncDirectory(path)
    }

    func processExists(_ id: Int32) -> Bool { real.processExists(id) }
}
