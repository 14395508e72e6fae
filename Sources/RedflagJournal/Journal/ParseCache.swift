import Foundation
import RedflagCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsed files remembered between runs, as SwiftLint and ESLint remember theirs, so that an
/// unchanged notes directory is not parsed again.
///
/// One cache file per notes directory (`notes-<SHA-256 of its real path>.cache`) in `folder`, never
/// inside the notes. For each file it holds the file's size, modification time (nanoseconds) and
/// SHA-256, and the parsed file (entries, headings, comments, front matter, diagnostics; not the
/// text). A file whose size and modification time are unchanged is taken from the cache unread; one
/// whose bytes are unchanged (touched, copied back) is read and hashed but not parsed. The whole
/// cache is dropped when redflag's version, the configuration (`redflag.yml` or `--config`, policy
/// included) or the detected notes layout changes.
///
/// A cache file that cannot be read, is truncated, corrupt, or written by another version is
/// ignored and rewritten; it is never trusted and never stops a command. Writes are atomic (a
/// temporary file renamed), so a run interrupted while saving leaves the previous cache.
public struct ParseCache: Sendable {
    /// Where the cache lives: its folder, the notes' real path, redflag's version.
    public let location: CacheLocation

    /// The folder holding the cache files.
    public var folder: String { location.folder }
    /// redflag's version: a cache written by another version is not used.
    public var version: String { location.version }
    /// The real path of the notes directory the cache is for.
    public var root: String { location.root }

    /// The cache of the notes directory `root` in `folder`.
    public init(folder: String, root: String, version: String) {
        location = CacheLocation(folder: folder, root: root, version: version)
    }

    /// The parse cache at `location`.
    public init(location: CacheLocation) {
        self.location = location
    }

    /// The platform's cache folder for redflag (`CacheLocation.defaultFolder`).
    public static func defaultFolder(environment: [String: String]) -> String? {
        CacheLocation.defaultFolder(environment: environment)
    }

    /// The cache file of this notes directory.
    public var file: String { location.file("notes") }

    /// What a parse depends on besides the file's bytes: the configuration's text (vocabulary, dates,
    /// conventions, and the policy too: any change of it drops the cache) and the tool the notes
    /// belong to (a Logseq graph reads `[[late]]` as a tag).
    static func settings(configuration: Configuration, layout: NotesLayout) -> String {
        "\(configuration.file ?? "")\u{0}\(configuration.text)\u{0}\(layout.tool.rawValue)"
    }

    /// The cache as last saved, for parsing with `settings`: empty when it is missing, unreadable,
    /// truncated, corrupt, or for another format, version or settings.
    func opened(settings: String) -> Opened {
        let opened = Opened(location: location, settings: settings)
        guard let bytes = location.read(file) else { return opened }
        opened.read(bytes)
        return opened
    }

    /// The version of the cache file's layout (`ParseCacheCodec`); raised whenever it changes.
    static let format = 1
    /// The first bytes of every cache file.
    static let magic = Array("redflag parse cache\n".utf8)

    /// A file's size and modification time (nanoseconds since 1970), as `stat` gives them.
    package struct Stamp: Hashable, Sendable {
        package var size: Int
        package var modified: Int

        package init(size: Int, modified: Int) {
            self.size = size
            self.modified = modified
        }

        /// The stamp of the regular file at `path`; nil when it cannot be stat'ed or is not a regular file.
        package static func of(path: String) -> Stamp? {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            return Stamp(status)
        }

        package init(_ status: stat) {
            size = Int(status.st_size)
            #if canImport(Darwin)
                modified = Int(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int(status.st_mtimespec.tv_nsec)
            #else
                modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
            #endif
        }
    }

    /// What the cache remembers of one file: its stamp and its parse, encoded (`ParseCacheCodec`).
    struct Record: Sendable {
        var stamp: Stamp
        var payload: ArraySlice<UInt8>
    }

    /// A cache read for one run: looked up by the parsing threads, saved once at the end.
    final class Opened: @unchecked Sendable {
        let location: CacheLocation
        let settings: String
        /// Set once, before the parsing threads start; only read afterwards.
        private(set) var records: [String: Record] = [:]

        /// When the cache was opened (nanoseconds since 1970).
        let openedAt: Int

        fileprivate init(location: CacheLocation, settings: String) {
            self.location = location
            self.settings = settings
            openedAt = CacheLocation.now()
        }

        /// The stamp to remember for a file read with `stamp`. A file modified in the last two
        /// seconds (or in the future) could change again within the file system's clock tick and
        /// keep its size and time: its stamp is remembered as racy (never equal to a real one), so
        /// the next run compares its bytes instead (as git does for its index).
        func remembered(_ stamp: Stamp) -> Stamp { CacheLocation.remembered(stamp, start: openedAt) }

        /// Reads the records of a cache file; anything but a whole cache of this format, version and
        /// settings leaves none.
        fileprivate func read(_ bytes: [UInt8]) {
            guard bytes.starts(with: ParseCache.magic) else { return }
            var reader = ParseCacheCodec.Reader(bytes[ParseCache.magic.count...])
            var found: [String: Record] = [:]
            do throws(ParseCacheCodec.Corrupt) {
                guard try reader.int() == ParseCache.format, try reader.string() == location.version,
                    try reader.string() == settings
                else { return }
                let count = try reader.count()
                for _ in 0..<count {
                    let path = try reader.string()
                    let stamp = Stamp(size: try reader.int(), modified: try reader.int())
                    let length = try reader.count()
                    found[path] = Record(stamp: stamp, payload: reader.bytes[reader.index..<(reader.index + length)])
                    reader.index += length
                }
                guard reader.isAtEnd else { return }
            } catch {
                return
            }
            records = found
        }

        /// The cached parse of `path` (and its record) when its size and modification time are `stamp`.
        func file(_ path: String, stamp: Stamp) -> (ParsedFile, Record)? {
            guard let record = records[path], record.stamp == stamp, let file = decode(record, path: path) else {
                return nil
            }
            return (file, record)
        }

        /// The cached parse of `path` when its bytes are `bytes` (whatever its modification time).
        func file(_ path: String, stamp: Stamp, bytes: [UInt8]) -> (ParsedFile, Record)? {
            guard let record = records[path], record.stamp.size == stamp.size,
                let file = decode(record, path: path), file.digest == JournalParser.digest(of: bytes)
            else { return nil }
            return (file, Record(stamp: remembered(stamp), payload: record.payload))
        }

        private func decode(_ record: Record, path: String) -> ParsedFile? {
            var reader = ParseCacheCodec.Reader(record.payload)
            guard let file = try? ParseCacheCodec.decode(&reader), reader.isAtEnd, file.path == path else {
                lock.withLock { hasCorruptRecords = true }
                return nil
            }
            return file
        }

        private let lock = NSLock()
        /// Set when a record could not be read: the cache is then rewritten even if no file changed.
        private var hasCorruptRecords = false

        /// What to remember of a freshly parsed `file`.
        func record(for file: ParsedFile, stamp: Stamp) -> Record {
            var writer = ParseCacheCodec.Writer()
            ParseCacheCodec.encode(file, into: &writer)
            return Record(stamp: remembered(stamp), payload: writer.bytes[...])
        }

        /// Writes `records` (the files of this run) as the new cache, unless they are what it holds;
        /// with `keepingOthers`, the records of files this run did not read stay too. Failing to
        /// write is not an error: the next run parses again.
        func save(_ records: [String: Record], keepingOthers: Bool = false) {
            var records = records
            if keepingOthers { records.merge(self.records) { new, _ in new } }
            let unchanged =
                !lock.withLock({ hasCorruptRecords }) && records.count == self.records.count
                && records.allSatisfy { path, record in self.records[path]?.stamp == record.stamp }
            guard !unchanged else { return }
            var writer = ParseCacheCodec.Writer()
            writer.bytes = ParseCache.magic
            writer.int(ParseCache.format)
            writer.string(location.version)
            writer.string(settings)
            writer.unsigned(UInt64(records.count))
            for (path, record) in records.sorted(by: { $0.key < $1.key }) {
                writer.string(path)
                writer.int(record.stamp.size)
                writer.int(record.stamp.modified)
                writer.unsigned(UInt64(record.payload.count))
                writer.bytes.append(contentsOf: record.payload)
            }
            location.write(writer.bytes, to: location.file("notes"))
        }
    }
}
