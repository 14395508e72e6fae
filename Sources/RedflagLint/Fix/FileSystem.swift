#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system calls `AtomicFileWriter` makes, one method per step, so that tests can make any
/// step fail (`POSIXFileSystem` is the real one).
///
/// Paths are absolute or relative to the working directory; descriptors are POSIX file
/// descriptors. Each failing call throws the `errno` it met.
public protocol FileSystem: Sendable {
    /// `realpath(3)`: the path with every symbolic link resolved; fails for a dangling link.
    func resolve(_ path: String) throws(FileSystemError) -> String
    /// `stat(2)` (follows links).
    func status(_ path: String) throws(FileSystemError) -> FileStatus
    /// The whole file's bytes.
    func read(_ path: String) throws(FileSystemError) -> [UInt8]
    /// True when the current user may write `path` (`access(2)` with `W_OK`).
    func isWritable(_ path: String) -> Bool
    /// The names in a folder (not `.` and `..`).
    func contents(ofDirectory path: String) throws(FileSystemError) -> [String]
    /// Creates a new file (`O_CREAT | O_EXCL`, never through a link) and opens it for writing.
    func create(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32
    /// Writes all of `bytes` to `descriptor`.
    func write(_ descriptor: Int32, _ bytes: [UInt8]) throws(FileSystemError)
    /// `fchmod(2)`.
    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileSystemError)
    /// `fchown(2)`: only root may give a file away; callers ignore a failure.
    func setOwner(_ descriptor: Int32, user: UInt32, group: UInt32) throws(FileSystemError)
    /// `fsync(2)`.
    func sync(_ descriptor: Int32) throws(FileSystemError)
    /// `close(2)`: may report a write error that was deferred (NFS, some FUSE file systems).
    func close(_ descriptor: Int32) throws(FileSystemError)
    /// `rename(2)`: atomic within one file system.
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    /// `unlink(2)`.
    func remove(_ path: String) throws(FileSystemError)
    /// `fsync(2)` on a folder, so a rename in it survives a power cut.
    func syncDirectory(_ path: String) throws(FileSystemError)
    /// True when a process with this id exists (`kill(pid, 0)`).
    func processExists(_ id: Int32) -> Bool
    /// This process's id.
    var processID: Int32 { get }
    /// The effective user id (`0` for root).
    var userID: UInt32 { get }
}

/// What `FileSystem.status` tells about a file.
public struct FileStatus: Hashable, Sendable {
    public var isRegularFile: Bool
    public var isDirectory: Bool
    /// The permission bits (`0o7777` of `st_mode`).
    public var permissions: UInt32
    public var owner: UInt32
    public var group: UInt32
    public var size: Int

    public init(
        isRegularFile: Bool, isDirectory: Bool, permissions: UInt32, owner: UInt32, group: UInt32, size: Int
    ) {
        self.isRegularFile = isRegularFile
        self.isDirectory = isDirectory
        self.permissions = permissions
        self.owner = owner
        self.group = group
        self.size = size
    }
}

/// A failed file-system call: its `errno`.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// `strerror(3)`: "No space left on device", "File too large"...
    public var description: String { String(cString: strerror(code)) }
}
