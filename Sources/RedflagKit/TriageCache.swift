import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each client's triage row remembered between runs, so that `triage` on an unchanged notes
/// directory reads no note and judges no client.
///
/// One cache file per notes directory (`triage-<SHA-256 of its real path>.cache`) beside the parse
/// cache (the platform cache folder or `--cache-path`, never inside the notes; `--no-cache` uses
/// neither). For each client it holds its files (path, size, modification time in nanoseconds, and
/// what the journal keeps of them: front-matter fields, diagnostics, SHA-256) and its `Triage.Row`.
/// A client is taken from the cache when it has the same files and each is unchanged: same size and
/// modification time, or, when only the time changed, the same SHA-256 (the file is then read and
/// hashed, not parsed), as `ParseCache` does. Any other client is read and judged again; a new or
/// removed file changes its client only. The whole cache is dropped when redflag's version, the
/// configuration (`redflag.yml` or `--config`, the policy included), the note-taking tool or the
/// as-of date changes.
///
/// A cache file that cannot be read, is truncated, corrupt (its SHA-256, written after the first line,
/// does not match) or written by another version is ignored and rewritten; it is never trusted and never stops a command. Writes are atomic (a
/// temporary file renamed).
public struct TriageCache: Sendable {
    /// Where the cache lives: its folder, the notes' real path, redflag's version.
    public let location: CacheLocation

    /// The folder holding the cache files.
    public var folder: String { location.folder }
    /// redflag's version: a cache written by another version is not used.
    public var version: String { location.version }
    /// The real path of the notes directory the cache is for.
    public var root: String { location.root }

    /// The triage cache of the notes directory `root` in `folder`.
    public init(folder: String, root: String, version: String) {
        location = CacheLocation(folder: folder, root: root, version: version)
    }

    /// The triage cache beside a parse cache: same folder, notes directory and version.
    public init(beside cache: ParseCache) {
        location = cache.location
    }

    /// The cache file of this notes directory.
    public var file: String { location.file("triage") }

    /// The first bytes of every cache file.
    static let magic = Array("redflag triage cache\n".utf8)
    /// The version of the file's layout; raised whenever it, or the shape of a row, changes.
    static let format = 2

    /// The cache as last saved, for judging with `configuration` as of `asOf`.
    public func opened(configuration: Configuration, asOf: CalendarDate) -> Session {
        let key = "\(configuration.file ?? "")\u{0}\(configuration.text)\u{0}\(asOf)"
        let session = Session(location: location, key: key)
        if let bytes = location.read(file) {
            session.read(bytes)
        }
        return session
    }

    /// One client as remembered: its files' stamps and what the journal keeps of them, and its row
    /// (both encoded, decoded only when the client is reused).
    struct Record {
        var stamps: [ParseCache.Stamp]
        var files: ArraySlice<UInt8>
        var row: ArraySlice<UInt8>
    }

    /// The cache for one run: asked for each client as the notes are walked, told each judged row,
    /// saved once at the end.
    public final class Session {
        let location: CacheLocation
        let key: String
        private var root: String { location.root }
        private var version: String { location.version }
        /// The tool the cache was written for (`NotesLayout.Tool.rawValue`).
        private var tool = ""
        private var records: [ClientID: Record] = [:]
        /// What this run reuses or judged, by client.
        private var current: [ClientID: Record] = [:]
        private var reused: [ClientID: Triage.Row] = [:]
        private var changed = false
        /// When the cache was opened (nanoseconds since 1970): files modified later than two seconds
        /// before are remembered as racy (see `remembered`).
        private let openedAt: Int

        init(location: CacheLocation, key: String) {
            self.location = location
            self.key = key
            openedAt = CacheLocation.now()
        }

        /// Reads a cache file; anything but a whole cache of this format, version and key leaves none.
        func read(_ bytes: [UInt8]) {
            guard let start = CacheLocation.bodyStart(of: bytes, magic: TriageCache.magic) else { return }
            var reader = ParseCacheCodec.Reader(bytes[start...])
            var found: [ClientID: Record] = [:]
            var tool = ""
            do throws(ParseCacheCodec.Corrupt) {
                guard try reader.int() == TriageCache.format, try reader.string() == version,
                    try reader.string() == key
                else { return }
                tool = try reader.string()
                let count = try reader.count()
                for _ in 0..<count {
                    let client = ClientID(rawValue: try reader.string())
                    let fileCount = try reader.count()
                    var stamps: [ParseCache.Stamp] = []
                    for _ in 0..<fileCount {
                        stamps.append(ParseCache.Stamp(size: try reader.int(), modified: try reader.int()))
                    }
                    let files = try reader.blob()
                    let row = try reader.blob()
                    found[client] = Record(stamps: stamps, files: files, row: row)
                }
                guard reader.isAtEnd else { return }
            } catch {
                return
            }
            self.tool = tool
            records = found
        }

        /// The files of `client` as remembered, when its files are `refs` and none changed since; nil
        /// otherwise (the client is then read and judged, and `remember` is told its new row).
        public func reuse(
            _ client: ClientID, _ refs: [NotesDirectory.FileRef], _ tool: NotesLayout.Tool
        ) -> [ParsedFile]? {
            currentTool = tool.rawValue
            guard tool.rawValue == self.tool, let record = records[client], record.stamps.count == refs.count,
                let files = decodeFiles(record.files), files.count == refs.count,
                zip(files, refs).allSatisfy({ $0.path == $1.path })
            else { return nil }
            var stamps = record.stamps
            for (index, (file, ref)) in zip(files, refs).enumerated() {
                let full = (root as NSString).appendingPathComponent(ref.path)
                // The walk's `lstat` is the file's stamp: it is not `stat`ed again.
                guard let stamp = ref.stamp ?? ParseCache.Stamp.of(path: full) else { return nil }
                if stamp == record.stamps[index], stamp.modified >= 0 { continue }
                // Touched, or racy when remembered: unchanged only if its bytes are.
                guard stamp.size == record.stamps[index].size,
                    let data = FileManager.default.contents(atPath: full),
                    JournalParser.digest(of: [UInt8](data)) == file.digest
                else { return nil }
                stamps[index] = remembered(stamp)
            }
            var reader = ParseCacheCodec.Reader(record.row)
            guard let row = try? TriageRowCodec.decode(&reader), reader.isAtEnd, row.client.id == client
            else { return nil }
            if stamps != record.stamps { changed = true }
            current[client] = Record(stamps: stamps, files: record.files, row: record.row)
            reused[client] = row
            return files
        }

        /// The row of a client `reuse` answered for.
        public func row(for client: ClientID) -> Triage.Row? { reused[client] }

        /// Remembers the row of a client judged in this run, with its files (as `ClientNotes.files`).
        public func remember(_ row: Triage.Row, files: [ParsedFile]) {
            var encoded = ParseCacheCodec.Writer()
            TriageRowCodec.encode(row, into: &encoded)
            var stamps: [ParseCache.Stamp] = []
            for file in files {
                let full = (root as NSString).appendingPathComponent(file.path)
                // A file that changed while it was judged is remembered as racy: compared by bytes next time.
                stamps.append(
                    ParseCache.Stamp.of(path: full).map(remembered) ?? ParseCache.Stamp(size: -1, modified: -1))
            }
            var writer = ParseCacheCodec.Writer()
            writer.unsigned(UInt64(files.count))
            for file in files { ParseCacheCodec.encode(file, into: &writer) }
            current[row.client.id] = Record(stamps: stamps, files: writer.bytes[...], row: encoded.bytes[...])
            changed = true
        }

        /// Writes what this run reused or judged for `clients` (the clients of the notes now), unless it
        /// is what the cache holds. Failing to write is not an error: the next run judges again.
        public func save(clients: [ClientID]) {
            let kept = clients.compactMap { id in current[id].map { (id, $0) } }
            guard changed || kept.count != records.count else { return }
            var writer = ParseCacheCodec.Writer()
            writer.int(TriageCache.format)
            writer.string(version)
            writer.string(key)
            writer.string(currentTool ?? tool)
            writer.unsigned(UInt64(kept.count))
            for (id, record) in kept {
                writer.string(id.rawValue)
                writer.unsigned(UInt64(record.stamps.count))
                for stamp in record.stamps {
                    writer.int(stamp.size)
                    writer.int(stamp.modified)
                }
                writer.blob(record.files)
                writer.blob(record.row)
            }
            location.write(CacheLocation.sealed(writer.bytes, magic: TriageCache.magic), to: location.file("triage"))
        }

        /// The tool of this run's notes, once `reuse` was asked.
        private var currentTool: String?

        /// The stamp to remember for a file read with `stamp`: one modified in the last two seconds
        /// (or in the future) could change again within the file system's clock tick and keep its
        /// size and time, so it is remembered as racy (never equal to a real one).
        private func remembered(_ stamp: ParseCache.Stamp) -> ParseCache.Stamp {
            CacheLocation.remembered(stamp, start: openedAt)
        }

        private func decodeFiles(_ bytes: ArraySlice<UInt8>) -> [ParsedFile]? {
            var reader = ParseCacheCodec.Reader(bytes)
            do throws(ParseCacheCodec.Corrupt) {
                let count = try reader.count()
                var files: [ParsedFile] = []
                for _ in 0..<count { files.append(try ParseCacheCodec.decode(&reader)) }
                return reader.isAtEnd ? files : nil
            } catch {
                return nil
            }
        }
    }
}
