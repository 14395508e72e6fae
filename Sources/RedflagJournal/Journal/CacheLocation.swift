import Foundation
import RedflagCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one notes directory's caches live and how they are named, read and written: the scaffolding
/// the parse, walk, triage and lint caches share.
///
/// Every cache of a notes directory is one file in `folder` (the platform cache folder or
/// `--cache-path`, never inside the notes) named `KIND-<SHA-256 of the notes' real path>.cache`, so two
/// notes directories never share a file and a symbolic link to the notes finds the same caches. Each
/// cache is written for one `version` (redflag's version and build, `Version.cacheKey`) and ignored by any
/// other. Writes are atomic (a temporary file in the same folder, renamed over the cache), so a run
/// interrupted while saving leaves the previous file; a cache that cannot be written is not an error.
public struct CacheLocation: Hashable, Sendable {
    /// The folder holding the cache files.
    public let folder: String
    /// redflag's version and build: a cache written by another is not used.
    public let version: String
    /// The real path of the notes directory the caches are for (links resolved).
    public let root: String
    /// The SHA-256 (hex) of `root`, which names its cache files.
    private let rootDigest: String

    /// The caches of the notes directory `root` in `folder`; `root` is resolved to its real path.
    public init(folder: String, root: String, version: String) {
        self.folder = folder
        self.version = version
        self.root = NotesDirectory.realPath(root) ?? root
        rootDigest = JournalParser.digest(of: Array(self.root.utf8))
    }

    /// The platform's cache folder for redflag: `$XDG_CACHE_HOME/redflag`, else `$HOME/.cache/redflag`;
    /// nil when neither variable is set to an absolute path.
    public static func defaultFolder(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("redflag")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home as NSString).appendingPathComponent(".cache/redflag")
        }
        return nil
    }

    /// The cache file of kind `kind` (`notes`, `walk`, `triage`, `lint`, …) for this notes directory.
    public func file(_ kind: String) -> String {
        (folder as NSString).appendingPathComponent("\(kind)-\(rootDigest).cache")
    }

    /// Now, in nanoseconds since 1970 (the caches compare it with files' modification times only).
    public static func now() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }

    /// The stamp to remember for a file seen with `stamp` by a run that started at `start`
    /// (nanoseconds). A file modified in the last two seconds (or in the future) could change again
    /// within the file system's clock tick and keep its size and time: it is remembered as racy
    /// (modified -1, never equal to a real stamp), so the next run compares its bytes instead, as git
    /// does for its index.
    package static func remembered(_ stamp: ParseCache.Stamp, start: Int) -> ParseCache.Stamp {
        stamp.modified > start - 2_000_000_000 ? ParseCache.Stamp(size: stamp.size, modified: -1) : stamp
    }

    /// `body` as a cache file holds it: the kind's `magic` line, the SHA-256 (64 hex digits) of the body,
    /// the body.
    package static func sealed(_ body: [UInt8], magic: [UInt8]) -> [UInt8] {
        magic + Array(JournalParser.digest(of: body).utf8) + body
    }

    /// Where the body of a cache file's `bytes` (`sealed`) starts; nil unless they begin with `magic`
    /// and the body's SHA-256 is the one written: a truncated, corrupt or foreign file is not read.
    package static func bodyStart<Bytes: DataProtocol & RandomAccessCollection>(
        of bytes: Bytes, magic: [UInt8]
    ) -> Bytes.Index? where Bytes.Index == Int {
        let start = bytes.startIndex + magic.count + 64
        guard bytes.count >= magic.count + 64, bytes.starts(with: magic),
            JournalParser.digest(of: bytes[start...])
                == String(decoding: bytes[(start - 64)..<start], as: UTF8.self)
        else { return nil }
        return start
    }

    /// The bytes of the cache file `file`; nil when it is missing or unreadable.
    package func read(_ file: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file).map { [UInt8]($0) }
    }

    /// Writes `bytes` as the cache file `file`, atomically. Failing is not an error: the next run
    /// rebuilds what it needs.
    package func write(_ bytes: [UInt8], to file: String) {
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = file + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }
}
