import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's bytes atomically, and only if nobody changed it since it was read.
///
/// The I/O half of `--fix` (the plan is `FixPlanner`, pure). Steps: write a temporary file in the
/// same folder (so `rename` stays on one file system), give it the original's permissions (and
/// owner, when allowed), `fsync` it, compare the original with the bytes the plan was made from
/// once more, `rename` over it, `fsync` the folder. A symbolic link is followed: its target is
/// replaced, the link stays.
public enum AtomicFileWriter {
    public enum Outcome: Hashable, Sendable {
        case written
        /// The file's bytes are no longer the ones the fix was planned on; it was left untouched.
        case changedOnDisk
        case failed(String)
    }

    /// Replaces `path` with `bytes` if it still holds `expected`. `beforeRename` runs just before
    /// the last comparison (tests use it to change the file at the worst moment).
    public static func replace(
        path: String, expected: [UInt8], with bytes: [UInt8], beforeRename: (() -> Void)? = nil
    ) -> Outcome {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        guard stat(target, &info) == 0 else { return .failed("cannot read the file's permissions") }
        guard read(target) == expected else { return .changedOnDisk }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(name).redflag-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return .failed("cannot create a temporary file in \(folder)") }
        var ok = bytes.withUnsafeBytes { buffer -> Bool in
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        ok = ok && fchmod(descriptor, info.st_mode & 0o7777) == 0
        _ = fchown(descriptor, info.st_uid, info.st_gid)  // only root may give a file away; fine if not
        ok = ok && fsync(descriptor) == 0
        close(descriptor)
        guard ok else {
            unlink(temporary)
            return .failed("cannot write the temporary file \(temporary)")
        }
        beforeRename?()
        guard read(target) == expected else {
            unlink(temporary)
            return .changedOnDisk
        }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return .failed("cannot replace the file")
        }
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
        return .written
    }

    /// The file's bytes, nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
