import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal
import RedflagLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The findings of the last lint run over a notes directory, remembered so that linting an
/// unchanged tree again (a pre-commit hook, an editor) replays them instead of reading the notes.
///
/// The detector is trained on the whole tree, so one changed file can change every file's
/// `untagged-incident` findings: the findings cannot be kept file by file, only for the whole run.
/// The run is keyed (`Key`) by everything its output depends on: redflag's version and build (`build`), the
/// configuration's file name and text (rules, severities, thresholds, lexicon, policy), `--as-of`,
/// the files asked for, the notes directory as given, the tool folders and settings found at its
/// root, the walk's own problems, which client folders hold a `redflag.yml`, and every notes
/// file's path, size and modification time (nanoseconds). A file whose size and time changed but
/// whose SHA-256 is the one linted (touched, copied back) keeps the findings, as in `ParseCache`;
/// any other change is a miss, and the run lints from the notes and replaces the record.
///
/// One cache file per notes directory (`lint-<SHA-256 of its real path>.cache`) beside the parse
/// cache, never inside the notes. A file that cannot be read, is truncated, corrupt or foreign is
/// ignored and rewritten, never trusted. Writes are atomic (a temporary file renamed). `--fix`
/// never uses it: fixes are decided from the files as they are.
public struct LintCache: Sendable {
    /// Where the cache lives: its folder, the notes' real path, redflag's version.
    public let location: CacheLocation

    /// The folder holding the cache files.
    public var folder: String { location.folder }
    /// redflag's version: a cache written by another version is not used.
    public var version: String { location.version }
    /// The real path of the notes directory the cache is for.
    public var root: String { location.root }

    /// The lint cache of the notes directory `root` in `folder`.
    public init(folder: String, root: String, version: String) {
        location = CacheLocation(folder: folder, root: root, version: version)
    }

    /// The lint cache at `location`.
    public init(location: CacheLocation) {
        self.location = location
    }

    /// The cache file of this notes directory.
    public var file: String { location.file("lint") }

    /// The first bytes of every lint cache file.
    static let magic = Array("redflag lint cache\n".utf8)
    /// The version of the file's layout (`LintCache+Codec`); raised whenever it changes.
    static let format = 1

    /// What one run's output depends on: the state of the notes and of the settings (`NotesState`).
    public typealias Key = NotesState

    /// The key of linting `files` (nil: the whole directory) of `workspace` as of `asOf`: walks
    /// the directory (through the walk cache beside this cache) and `stat`s every notes file, reads none.
    public func key(workspace: Workspace, files asked: [String]?, asOf: CalendarDate) -> Key {
        NotesState(workspace: workspace, files: asked, asOf: asOf, cache: location)
    }

    /// The run remembered for `key`, with the rules in force set to `rules`; nil when there is none,
    /// when any file changed, or when the cache file is damaged or foreign. Files that were only
    /// touched are read and hashed; their new stamps are then saved.
    func replay(_ key: Key, rules: [RuleDescription], reasons: Bool = true) -> LintRun? {
        guard let bytes = location.read(file) else { return nil }
        guard let stored = Stored(bytes, version: version, settings: key.settings),
            stored.files.count == key.files.count
        else { return nil }
        var touched = false
        var records = stored.files
        for index in records.indices {
            let record = records[index]
            let state = key.files[index]
            guard record.path == state.path, let stamp = state.stamp else { return nil }
            if record.stamp == stamp { continue }
            // Touched or copied back: the same bytes lint the same.
            guard record.stamp.size == stamp.size, !record.digest.isEmpty,
                let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(state.path)),
                JournalParser.digest(of: [UInt8](data)) == record.digest
            else { return nil }
            records[index].stamp = remembered(stamp)
            touched = true
        }
        var reader = ParseCacheCodec.Reader(stored.payload)
        guard var run = try? LintCache.decodeRun(&reader, reasons: reasons), reader.isAtEnd else { return nil }
        run.result.rules = rules
        if touched { write(settings: key.settings, records: records, payload: stored.payload) }
        return run
    }

    /// Remembers `run` (linted from `journal`) for `key`. Each file's SHA-256 is the one it was
    /// parsed with. Failing to write is not an error: the next run lints again.
    func save(_ run: LintRun, journal: Journal, key: Key) {
        var digests: [String: String] = [:]
        for file in journal.files { digests[file.path] = file.digest }
        save(run, digests: digests, key: key)
    }

    /// Remembers `run` for `key`, with each linted file's SHA-256 by path (a streamed lint keeps
    /// no journal: `Workspace.streamedLint`).
    func save(_ run: LintRun, digests: [String: String], key: Key) {
        var records: [Record] = []
        records.reserveCapacity(key.files.count)
        for state in key.files {
            // A file that could not be stat-ed cannot be recognised again: nothing is remembered.
            guard let stamp = state.stamp else { return }
            records.append(Record(path: state.path, stamp: remembered(stamp), digest: digests[state.path] ?? ""))
        }
        var writer = ParseCacheCodec.Writer()
        LintCache.encode(run, into: &writer)
        write(settings: key.settings, records: records, payload: writer.bytes[...])
    }

    /// What the cache remembers of one notes file.
    struct Record: Sendable {
        var path: String
        var stamp: ParseCache.Stamp
        /// SHA-256 of the bytes linted; empty when the file was not parsed (a template, unreadable).
        var digest: String
    }

    /// A cache file read back: its records and the encoded run; nil for anything but a whole file of
    /// this format, version and settings.
    struct Stored {
        var files: [Record]
        var payload: ArraySlice<UInt8>

        init?(_ bytes: [UInt8], version: String, settings: String) {
            guard bytes.starts(with: LintCache.magic) else { return nil }
            var reader = ParseCacheCodec.Reader(bytes[LintCache.magic.count...])
            do throws(ParseCacheCodec.Corrupt) {
                guard try reader.int() == LintCache.format, try reader.string() == version,
                    try reader.string() == settings
                else { return nil }
                files = try reader.array { reader throws(ParseCacheCodec.Corrupt) in
                    Record(
                        path: try reader.string(),
                        stamp: ParseCache.Stamp(size: try reader.int(), modified: try reader.int()),
                        digest: try reader.string())
                }
                let length = try reader.count()
                payload = reader.bytes[reader.index..<(reader.index + length)]
                reader.index += length
                guard reader.isAtEnd else { return nil }
            } catch {
                return nil
            }
        }
    }

    /// The stamp to remember for a file seen with `stamp`: one modified in the last two seconds
    /// (or in the future) could change again within the file system's clock tick and keep its size
    /// and time, so it is remembered as racy (never equal to a real stamp) and hashed next time.
    private func remembered(_ stamp: ParseCache.Stamp) -> ParseCache.Stamp {
        CacheLocation.remembered(stamp, start: CacheLocation.now())
    }

    /// Writes the cache file atomically (a temporary file in the same folder, renamed over it).
    private func write(settings: String, records: [Record], payload: ArraySlice<UInt8>) {
        var writer = ParseCacheCodec.Writer()
        writer.bytes = LintCache.magic
        writer.int(LintCache.format)
        writer.string(version)
        writer.string(settings)
        writer.array(records) { writer, record in
            writer.string(record.path)
            writer.int(record.stamp.size)
            writer.int(record.stamp.modified)
            writer.string(record.digest)
        }
        writer.unsigned(UInt64(payload.count))
        writer.bytes.append(contentsOf: payload)
        location.write(writer.bytes, to: file)
    }
}
