import Foundation
import Testing

@testable import RedflagLint

#if canImport(Glibc)
    import Glibc
#endif

/// `AtomicFileWriter`: every failure branch through `FailingFileSystem`, the refusals, an unchanged
/// file, and what a run killed between the temporary write and the rename leaves (and the next run
/// cleans). After every failure the file holds its old bytes, whole, and no temporary file is left.
@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    static let old = Array("- 2026-10-30: Invoice 2211 still not paid, 45 days overdue.\n".utf8)
    static let new = Array("- 2026-10-30: Invoice 2211 still not paid, 45 days overdue. #late\n".utf8)

    /// A folder holding `acme.md` with `old` and `mode`.
    static func file(mode: Int = 0o640) throws -> (folder: URL, path: String) {
        let folder = try TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("acme.md").path
        try Data(old).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (folder, path)
    }

    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static func bytes(_ path: String) -> [UInt8]? { AtomicFileWriter.read(path) }

    @Test(
        "each failing step leaves the old file whole, no temporary file, and says which step failed",
        arguments: [
            (FailingFileSystem.Step.resolve, "cannot find the file"),
            (.status, "cannot read the file's permissions"),
            (.read, "cannot read the file"),
            (.create, "cannot create a temporary file"),
            (.write, "cannot write the temporary file (No space left on device)"),
            (.setMode, "cannot give the temporary file the file's permissions"),
            (.sync, "cannot flush the temporary file to disk"),
            (.close, "cannot close the temporary file"),
            (.rename, "cannot replace the file"),
        ])
    func failingStep(step: FailingFileSystem.Step, message: String) throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Self.old, with: Self.new, fileSystem: FailingFileSystem(failing: [step]))
        guard case let .failed(reason) = outcome else {
            Issue.record("\(step): \(outcome)")
            return
        }
        #expect(reason.hasPrefix(message), "\(step): \(reason)")
        #expect(Self.bytes(path) == Self.old, "\(step)")
        #expect(try Self.listing(folder) == ["acme.md"], "\(step): a temporary file was left")
    }

    @Test("a temporary file that cannot be removed after a failure is named, so the user can delete it")
    func cleanUpFails() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Self.old, with: Self.new,
            fileSystem: FailingFileSystem(failing: [.sync, .remove], code: EIO))
        guard case let .failed(reason) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        let leftovers = try Self.listing(folder).filter { $0 != "acme.md" }
        #expect(leftovers.count == 1)
        #expect(reason.contains("could not be removed"))
        #expect(reason.contains(leftovers.first ?? "?"), "\(reason)")
        #expect(Self.bytes(path) == Self.old)
    }

    @Test("a failed fsync of the folder after the rename does not undo a written file")
    func folderSyncFails() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = AtomicFileWriter.replace(
            path: path, expected: Self.old, with: Self.new, fileSystem: FailingFileSystem(failing: [.syncDirectory]))
        #expect(outcome == .written)
        #expect(Self.bytes(path) == Self.new)
    }

    @Test("changedOnDisk: a file edited before or during the write is left with the editor's bytes")
    func changedOnDisk() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = Array("saved by the editor\n".utf8)
        #expect(AtomicFileWriter.replace(path: path, expected: edited, with: Self.new) == .changedOnDisk)
        #expect(Self.bytes(path) == Self.old)
        let during = AtomicFileWriter.replace(
            path: path, expected: Self.old, with: Self.new,
            beforeRename: { try? Data(edited).write(to: URL(fileURLWithPath: path)) })
        #expect(during == .changedOnDisk)
        #expect(Self.bytes(path) == edited)
        #expect(try Self.listing(folder) == ["acme.md"])
    }

    @Test("an unchanged file is never rewritten: same inode, same time stamp")
    func unchanged() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        let before = try FileManager.default.attributesOfItem(atPath: path)
        #expect(AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.old) == .unchanged)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == past)
    }

    @Test("a read-only file is refused, also for root (no write bit), and nothing is created")
    func readOnlyFile() throws {
        let (folder, path) = try Self.file(mode: 0o444)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.new)
        guard case let .refused(reason) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(reason.contains("read-only for this user (mode 0444)"))
        #expect(Self.bytes(path) == Self.old)
        #expect(try Self.listing(folder) == ["acme.md"])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o444)
    }

    @Test("a file in a read-only folder is refused before any temporary file is tried")
    func readOnlyFolder() throws {
        let (folder, path) = try Self.file()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let outcome = AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.new)
        guard case let .refused(reason) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(reason.contains("folder"))
        #expect(Self.bytes(path) == Self.old)
        #expect(try Self.listing(folder) == ["acme.md"])
    }

    @Test("the read-only rule: access(2) decides for users; for root a file without any write bit is read-only")
    func writableRule() throws {
        let (folder, path) = try Self.file(mode: 0o444)
        defer { try? FileManager.default.removeItem(at: folder) }
        var root = FailingFileSystem(failing: [])
        root.userID = 0
        #expect(!AtomicFileWriter.isWritable(path, permissions: 0o444, fileSystem: root))
        #expect(AtomicFileWriter.isWritable(path, permissions: 0o644, fileSystem: root))
        // A user other than root: access(2) is the kernel's answer (as root here it says yes, so
        // the mode bits are not what refuses; the CLI test runs a real non-root user).
        var user = FailingFileSystem(failing: [])
        user.userID = 1000
        #expect(
            AtomicFileWriter.isWritable(path, permissions: 0o444, fileSystem: user)
                == (access(path, W_OK) == 0))
    }

    @Test("a directory or other non-regular file is refused")
    func notRegular() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = AtomicFileWriter.replace(path: folder.path, expected: [], with: Self.new)
        guard case .refused = outcome else {
            Issue.record("\(outcome)")
            return
        }
    }

    @Test("a symbolic link stays a link and its target is written; a dangling link fails cleanly")
    func symlinks() throws {
        let (folder, path) = try Self.file(mode: 0o600)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(AtomicFileWriter.replace(path: link, expected: Self.old, with: Self.new) == .written)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(Self.bytes(path) == Self.new)
        let dangling = folder.appendingPathComponent("dangling.md").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.path + "/gone.md")
        guard case .failed = AtomicFileWriter.replace(path: dangling, expected: Self.old, with: Self.new) else {
            Issue.record("a dangling link must fail")
            return
        }
        #expect(try Self.listing(folder) == ["acme.md", "dangling.md", "link.md"])
    }

    /// A process id that no process has (above Linux's largest `pid_max`).
    static let deadProcess: Int32 = 2_147_483_000

    @Test("killed between the temporary write and the rename: the old file is whole; the next run removes the leftover")
    func killedBeforeRename() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The "killed" run: at the rename step the process dies. Nothing after runs, so the
        // temporary file stays (remove fails too: a dead process removes nothing).
        let seen = Snapshot()
        var killed = FailingFileSystem(failing: [.rename, .remove], code: EINTR)
        killed.processID = Self.deadProcess
        killed.atRename = {
            seen.listing = (try? Self.listing(folder)) ?? []
            seen.original = Self.bytes(path) ?? []
        }
        _ = AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.new, fileSystem: killed)
        #expect(seen.original == Self.old, "at the kill, the file holds its old bytes")
        let leftovers = try Self.listing(folder).filter { $0 != "acme.md" }
        #expect(leftovers.count == 1)
        #expect(leftovers.first?.hasPrefix(".acme.md.redflag-\(Self.deadProcess)-") == true)
        #expect(seen.listing.sorted() == (["acme.md"] + leftovers).sorted())
        #expect(
            AtomicFileWriter.read(folder.appendingPathComponent(leftovers.first ?? "").path) == Self.new,
            "the leftover is the complete new file")

        // The next run: the leftover of a dead process goes; the fix is written.
        #expect(AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.new) == .written)
        #expect(Self.bytes(path) == Self.new)
        #expect(try Self.listing(folder) == ["acme.md"])
    }

    @Test("temporary files of live processes and files that only look alike are never removed")
    func keepsOtherFiles() throws {
        let (folder, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = ".acme.md.redflag-\(getpid())-7.tmp"
        let others = [live, ".acme.md.redflag-x-7.tmp", ".other.md.redflag-\(Self.deadProcess)-1.tmp", "notes.tmp"]
        for name in others { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        #expect(AtomicFileWriter.replace(path: path, expected: Self.old, with: Self.new) == .written)
        #expect(try Self.listing(folder) == (["acme.md"] + others).sorted())
    }

    /// What the disk looked like at the rename step of a killed run.
    final class Snapshot: @unchecked Sendable {
        var listing: [String] = []
        var original: [UInt8] = []
    }
}
