import Foundation
import RedflagCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The walk of a notes directory remembered between runs, as git's untracked cache remembers
/// directory listings: each folder's names, kept while the folder's `stat` identity and times are
/// unchanged, and each notes file's client id, derived from its path.
///
/// A folder's listing changes only with its modification time (a name added, removed or renamed
/// inside it updates it), so a folder whose device, inode, modification and change times
/// (nanoseconds) are the remembered ones is not read again (`readdir`): its remembered names are
/// visited. Its entries are still `lstat`ed one by one, as in a cold walk: a file edited in place does
/// not touch its folder, so files are always stamped from the disk (one `lstat` each, the stamp the
/// caches compare), and a subfolder is visited by its own identity. A folder modified in the two
/// seconds before the walk started is remembered as racy (never matching), since it could change
/// again within the file system's clock tick. Symbolic links are never taken from the cache: each is
/// resolved as in a cold walk.
///
/// One file per notes directory (`walk-<SHA-256 of its real path>.cache`, `CacheLocation`): the magic
/// line, the SHA-256 of the rest, then the format, redflag's version, the folders and the client ids.
/// A file that is missing, truncated, corrupt (its SHA-256 does not match) or of another format or
/// version is ignored and rewritten; it is never trusted and never stops a command.
struct WalkCache {
    /// One folder as listed: its `stat` identity and times, and its names (sorted, hidden ones left out).
    struct Folder: Equatable {
        var device: UInt64
        var inode: UInt64
        /// Modification time, nanoseconds since 1970; -1 when racy (never matches).
        var modified: Int
        /// Change time (mode, owner, links), nanoseconds since 1970.
        var changed: Int
        var names: [String]

        /// The record of a folder with `status` listed as `names` by a walk that started at `start`.
        init(_ status: stat, names: [String], start: Int) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            let times = WalkCache.times(status)
            modified = times.modified > start - 2_000_000_000 ? -1 : times.modified
            changed = times.changed
            self.names = names
        }

        init(device: UInt64, inode: UInt64, modified: Int, changed: Int, names: [String]) {
            self.device = device
            self.inode = inode
            self.modified = modified
            self.changed = changed
            self.names = names
        }

        /// True when the folder `status` describes is this one, unchanged since it was listed.
        func matches(_ status: stat) -> Bool {
            let times = WalkCache.times(status)
            return modified >= 0 && device == UInt64(status.st_dev) && inode == UInt64(status.st_ino)
                && modified == times.modified && changed == times.changed
        }
    }

    /// The first bytes of every walk cache file.
    static let magic = Array("redflag walk cache\n".utf8)
    /// The version of the file's layout; raised whenever it changes.
    static let format = 1

    let location: CacheLocation
    /// Folders by path relative to the notes root (`""` for the root).
    private(set) var folders: [String: Folder] = [:]
    /// Each notes file's client id by its relative path (`NotesDirectory.clientID(forRelativePath:)`).
    private(set) var clients: [String: ClientID] = [:]

    /// The walk cache at `location` as last saved; empty when there is none to trust.
    init(location: CacheLocation) {
        self.location = location
        guard let bytes = location.read(location.file("walk")) else { return }
        read(bytes)
    }

    /// Reads a cache file; anything but a whole cache of this format and version leaves it empty.
    private mutating func read(_ bytes: [UInt8]) {
        guard let start = CacheLocation.bodyStart(of: bytes, magic: WalkCache.magic) else { return }
        var reader = ParseCacheCodec.Reader(bytes[start...])
        var folders: [String: Folder] = [:]
        var clients: [String: ClientID] = [:]
        do throws(ParseCacheCodec.Corrupt) {
            guard try reader.int() == WalkCache.format, try reader.string() == location.version else { return }
            let folderCount = try reader.count()
            folders.reserveCapacity(folderCount)
            for _ in 0..<folderCount {
                let path = try reader.string()
                folders[path] = Folder(
                    device: try reader.unsigned(), inode: try reader.unsigned(), modified: try reader.int(),
                    changed: try reader.int(), names: try reader.strings())
            }
            let fileCount = try reader.count()
            clients.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                let path = try reader.string()
                clients[path] = ClientID(rawValue: try reader.string())
            }
            guard reader.isAtEnd else { return }
        } catch {
            return
        }
        self.folders = folders
        self.clients = clients
    }

    /// Saves the folders and client ids of this walk, unless they are what the cache holds.
    func save(folders: [String: Folder], files: [NotesDirectory.FileRef]) {
        let sameFiles = files.count == clients.count && files.allSatisfy { clients[$0.path] == $0.client }
        guard folders != self.folders || !sameFiles else { return }
        var writer = ParseCacheCodec.Writer()
        writer.int(WalkCache.format)
        writer.string(location.version)
        writer.unsigned(UInt64(folders.count))
        for (path, folder) in folders.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.unsigned(folder.device)
            writer.unsigned(folder.inode)
            writer.int(folder.modified)
            writer.int(folder.changed)
            writer.strings(folder.names)
        }
        writer.unsigned(UInt64(files.count))
        for file in files {
            writer.string(file.path)
            writer.string(file.client.rawValue)
        }
        location.write(CacheLocation.sealed(writer.bytes, magic: WalkCache.magic), to: location.file("walk"))
    }

    /// A `stat`'s modification and change times in nanoseconds since 1970.
    static func times(_ status: stat) -> (modified: Int, changed: Int) {
        #if canImport(Darwin)
            (
                Int(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int(status.st_mtimespec.tv_nsec),
                Int(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int(status.st_ctimespec.tv_nsec)
            )
        #else
            (
                Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec)
            )
        #endif
    }
}
