import RedflagCore
import RedflagJournal

/// Replaces a file's bytes atomically, and only if nobody changed it since it was read.
///
/// The I/O half of `--fix` (the plan is `FixPlanner`, pure). Steps, each through `FileSystem` so
/// tests can make any of them fail:
///
/// 1. Resolve symbolic links: a link's target is replaced, the link stays a link.
/// 2. Refuse what must not be written: anything but a regular file, a read-only file, a file in a
///    read-only folder (nothing is created, nothing changes).
/// 3. Compare the file with the bytes the plan was made from (`changedOnDisk` when they differ) and
///    with the new bytes (`unchanged`: an unchanged file is never rewritten).
/// 4. Remove temporary files that an earlier run, killed between writing and renaming, left next
///    to this file (their process no longer exists).
/// 5. Write a temporary file in the same folder (so `rename` stays on one file system), give it the
///    original's permissions (and owner, when allowed), `fsync` and close it.
/// 6. Compare the original once more, `rename` the temporary file over it, `fsync` the folder.
///
/// Whatever fails, and wherever the process is killed, the file holds either its old bytes or its
/// new bytes, whole; the temporary file is removed on every failure (and by the next run after a
/// kill).
///
/// **Read-only, also for root.** `access(2)` says yes to root for any file, so a file (or folder)
/// with no write bit at all counts as read-only for root too: someone marked it so on purpose
/// (`chmod a-w`). Other users get the kernel's answer (`access(2)`), which covers ACLs and
/// read-only mounts.
public enum AtomicFileWriter {
    public enum Outcome: Hashable, Sendable {
        case written
        /// The new bytes are the old ones: nothing was written.
        case unchanged
        /// The file's bytes are no longer the ones the fix was planned on; it was left untouched.
        case changedOnDisk
        /// The file must not be written (read-only, in a read-only folder, not a regular file); it
        /// was left untouched. The text says why and what to do.
        case refused(String)
        /// A step failed; the file was left untouched. The text names the step and the system's
        /// reason.
        case failed(String)
    }

    /// The name of the temporary file for `name`, written by process `processID`.
    static func temporaryName(for name: String, processID: Int32, nonce: UInt32) -> String {
        ".\(name).redflag-\(processID)-\(nonce).tmp"
    }

    /// Replaces `path` with `bytes` if it still holds `expected`. `beforeRename` runs just before
    /// the last comparison (tests use it to change the file at the worst moment).
    public static func replace(
        path: String, expected: [UInt8], with bytes: [UInt8], fileSystem: any FileSystem = POSIXFileSystem(),
        beforeRename: (() -> Void)? = nil
    ) -> Outcome {
        let fs = fileSystem
        let target: String
        do {
            target = try fs.resolve(path)
        } catch {
            return .failed("cannot find the file (\(error)); a symbolic link may point to a missing file")
        }
        let folder = parent(of: target)
        let name = String(target.split(separator: "/").last ?? Substring(target))
        let status: FileStatus
        do {
            status = try fs.status(target)
        } catch {
            return .failed("cannot read the file's permissions (\(error))")
        }
        guard status.isRegularFile else { return .refused("not a regular file: only notes files are fixed") }
        let current: [UInt8]
        do {
            current = try fs.read(target)
        } catch {
            return .failed("cannot read the file (\(error))")
        }
        guard current == expected else { return .changedOnDisk }
        if bytes == expected { return .unchanged }
        if !isWritable(target, permissions: status.permissions, fileSystem: fs) {
            return .refused(
                "the file is read-only for this user (mode \(octal(status.permissions))): make it writable to fix it")
        }
        let folderPermissions = (try? fs.status(folder))?.permissions ?? 0
        if !isWritable(folder, permissions: folderPermissions, fileSystem: fs) {
            return .refused(
                "its folder \(folder) is read-only for this user (mode \(octal(folderPermissions))): the fix "
                    + "writes a temporary file there")
        }
        removeStaleTemporaryFiles(for: name, in: folder, fileSystem: fs)

        let temporary: String
        switch writeTemporary(
            bytes, for: name, in: folder, mode: status.permissions, owner: (status.owner, status.group),
            modeFailure: "cannot give the temporary file the file's permissions", fileSystem: fs)
        {
        case .success(let path): temporary = path
        case .failure(let failure): return .failed(failure.message)
        }

        beforeRename?()
        guard let again = try? fs.read(target), again == expected else {
            let leftover = cleanUp(temporary, fileSystem: fs)
            return leftover.isEmpty ? .changedOnDisk : .failed("the file changed meanwhile" + leftover)
        }
        do {
            try fs.rename(temporary, to: target)
        } catch {
            return .failed("cannot replace the file (\(error))" + cleanUp(temporary, fileSystem: fs))
        }
        try? fs.syncDirectory(folder)
        return .written
    }

    /// The file's bytes, nil when it cannot be read.
    public static func read(_ path: String, fileSystem: any FileSystem = POSIXFileSystem()) -> [UInt8]? {
        try? fileSystem.read(path)
    }

    /// True when `path` may be changed: `access(2)` agrees and, for root, some write bit is set.
    static func isWritable(_ path: String, permissions: UInt32, fileSystem: any FileSystem) -> Bool {
        guard fileSystem.isWritable(path) else { return false }
        return fileSystem.userID != 0 || permissions & 0o222 != 0
    }

    /// Removes `.NAME.redflag-PID-N.tmp` files next to `name` whose process is gone: what a run
    /// killed between writing and renaming left behind. Files of a running process (this one
    /// included) are kept; nothing else is ever removed.
    static func removeStaleTemporaryFiles(for name: String, in folder: String, fileSystem: any FileSystem) {
        let prefix = ".\(name).redflag-"
        guard let names = try? fileSystem.contents(ofDirectory: folder) else { return }
        for candidate in names where candidate.hasPrefix(prefix) && candidate.hasSuffix(".tmp") {
            let middle = candidate.dropFirst(prefix.count).dropLast(4).split(separator: "-")
            guard middle.count == 2, let process = Int32(middle[0]), UInt32(middle[1]) != nil,
                process != fileSystem.processID, !fileSystem.processExists(process)
            else { continue }
            try? fileSystem.remove(join(folder, candidate))
        }
    }

    /// Removes the temporary file; "" when done, else the sentence to add to the failure.
    /// Why a temporary file could not be written (the temporary file already removed, or why not).
    struct TemporaryFailure: Error {
        var message: String
    }

    /// Writes `bytes` to a new temporary file beside `name` in `folder`: created private, given
    /// `mode` (and `owner`, where allowed), synced and closed. Returns its path; on the first
    /// failure it is closed and removed, and the failure says why (`modeFailure` for `mode`).
    /// The one sequence behind `replace` and `create`.
    static func writeTemporary(
        _ bytes: [UInt8], for name: String, in folder: String, mode: UInt32, owner: (user: UInt32, group: UInt32)?,
        modeFailure: String, fileSystem fs: any FileSystem
    ) -> Result<String, TemporaryFailure> {
        let temporary = join(
            folder, temporaryName(for: name, processID: fs.processID, nonce: UInt32.random(in: 0...UInt32.max)))
        let descriptor: Int32
        do {
            descriptor = try fs.create(temporary, mode: 0o600)
        } catch {
            return .failure(TemporaryFailure(message: "cannot create a temporary file in \(folder) (\(error))"))
        }
        // Write, set permissions, sync, close: on the first failure, close and remove the temporary file.
        var failure: String?
        do {
            try fs.write(descriptor, bytes)
        } catch {
            failure = "cannot write the temporary file (\(error))"
        }
        if failure == nil {
            do {
                try fs.setMode(descriptor, mode)
            } catch {
                failure = "\(modeFailure) (\(error))"
            }
        }
        if failure == nil {
            if let owner { try? fs.setOwner(descriptor, user: owner.user, group: owner.group) }
            do {
                try fs.sync(descriptor)
            } catch {
                failure = "cannot flush the temporary file to disk (\(error))"
            }
        }
        do {
            try fs.close(descriptor)
        } catch {
            failure = failure ?? "cannot close the temporary file (\(error))"
        }
        if let failure { return .failure(TemporaryFailure(message: failure + cleanUp(temporary, fileSystem: fs))) }
        return .success(temporary)
    }

    static func cleanUp(_ temporary: String, fileSystem: any FileSystem) -> String {
        do {
            try fileSystem.remove(temporary)
            return ""
        } catch {
            return "; the temporary file \(temporary) could not be removed (\(error)): delete it"
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func octal(_ permissions: UInt32) -> String {
        "0" + String(permissions, radix: 8)
    }
}
