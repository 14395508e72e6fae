import Foundation
import RedflagCore
import RedflagJournal

/// A command's rendered output remembered for an unchanged notes directory, so that `lint` in a
/// pre-commit hook and `triage` on the same tree replay bytes instead of decoding findings or rows
/// and rendering them again.
///
/// A report is keyed by the digest of the notes' state (`NotesState.digest`: every file's path, size
/// and modification time, the configuration, `--as-of`, the version and build) and of every option
/// that changes a byte of the output (format, colour, severity, `--explain`, …), which the command
/// spells out as one string (`options`). One file per command and set of options (`KIND-<SHA-256 of
/// the options>-<SHA-256 of the notes' real path>.cache`), so the editor's JSON and the hook's text
/// stay warm side by side and one format never replays another's bytes. It holds the standard output,
/// the standard error and the exit status of the run that rendered it.
///
/// A cache file that is missing, truncated, corrupt (its SHA-256 does not match), of another format,
/// version or key is ignored (the command runs as without it, then rewrites it); it is never trusted
/// and never stops a command. Writes are atomic.
public struct ReportCache: Sendable {
    /// A remembered run's output.
    public struct Report: Equatable, Sendable {
        /// What the run wrote to standard output (or to `--output`).
        public var output: Data
        /// What it wrote to standard error.
        public var errors: Data
        /// Its exit status.
        public var status: Int32

        public init(output: Data, errors: Data, status: Int32) {
            self.output = output
            self.errors = errors
            self.status = status
        }
    }

    /// Where the cache lives: its folder, the notes' real path, redflag's version.
    public let location: CacheLocation
    /// The command (`lint`, `triage`).
    public let command: String
    /// Every option that changes a byte of the output, as one string.
    public let options: String

    /// The report cache of `command` run with `options` (see the type's documentation).
    public init(location: CacheLocation, command: String, options: String) {
        self.location = location
        self.command = command
        self.options = options
    }

    /// The cache file of this command and options.
    public var file: String {
        let optionsDigest = JournalParser.digest(of: Array("\(command)\u{0}\(options)".utf8)).prefix(16)
        return location.file("report-\(command)-\(optionsDigest)")
    }

    /// The first bytes of every report cache file.
    static let magic = Array("redflag report cache\n".utf8)
    /// The version of the file's layout; raised whenever it changes.
    static let format = 1

    /// The report remembered for the notes' state `digest` (`NotesState.digest(options:)` of the same
    /// options); nil when there is none or it cannot be trusted.
    ///
    /// The file is mapped, not copied: after the magic line and the SHA-256 (hex) of the rest come the
    /// header's length, the header (format, version, command, options, state digest, exit status, the
    /// two lengths), then the standard error and standard output bytes as they were written.
    public func replay(_ digest: String) -> Report? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
        guard let start = CacheLocation.bodyStart(of: data, magic: ReportCache.magic) else { return nil }
        // The header's length, a varint of at most 10 bytes.
        var lengthReader = ParseCacheCodec.Reader(ArraySlice(data[start..<min(start + 10, data.endIndex)]))
        // (`unsigned`, not `count`: the length counts bytes past these ten.)
        guard let raw = try? lengthReader.unsigned(), let headerLength = Int(exactly: raw),
            headerLength <= data.endIndex - start
        else { return nil }
        let headerStart = start + lengthReader.index
        guard headerStart + headerLength <= data.endIndex else { return nil }
        var reader = ParseCacheCodec.Reader(ArraySlice(data[headerStart..<(headerStart + headerLength)]))
        do throws(ParseCacheCodec.Corrupt) {
            guard try reader.int() == ReportCache.format, try reader.string() == location.version,
                try reader.string() == command, try reader.string() == options, try reader.string() == digest
            else { return nil }
            let status = try reader.int()
            let errorsLength = Int(try reader.unsigned())
            let outputLength = Int(try reader.unsigned())
            let errorsStart = headerStart + headerLength
            guard reader.isAtEnd, let code = Int32(exactly: status), errorsLength >= 0, outputLength >= 0,
                data.endIndex - errorsStart == errorsLength + outputLength
            else { return nil }
            let outputStart = errorsStart + errorsLength
            return Report(
                output: data[outputStart..<data.endIndex], errors: data[errorsStart..<outputStart], status: code)
        } catch {
            return nil
        }
    }

    /// Remembers `report` for the notes' state `digest`. Failing to write is not an error.
    public func save(_ report: Report, digest: String) {
        var header = ParseCacheCodec.Writer()
        header.int(ReportCache.format)
        header.string(location.version)
        header.string(command)
        header.string(options)
        header.string(digest)
        header.int(Int(report.status))
        header.unsigned(UInt64(report.errors.count))
        header.unsigned(UInt64(report.output.count))
        var body = ParseCacheCodec.Writer()
        body.unsigned(UInt64(header.bytes.count))
        body.bytes += header.bytes
        body.bytes += report.errors
        body.bytes += report.output
        location.write(CacheLocation.sealed(body.bytes, magic: ReportCache.magic), to: file)
    }
}
