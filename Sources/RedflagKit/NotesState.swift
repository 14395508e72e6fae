import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal
import RedflagOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a result replayed for an unchanged notes directory depends on, found without reading a note:
/// the settings (redflag's version and build, the configuration's file name and text, `--as-of`, the
/// files asked for, the notes directory as given, the tool folders and settings found at its root,
/// the walk's own problems, which client folders hold a `redflag.yml`) and every notes file's path,
/// size and modification time (nanoseconds). `LintCache` keys its findings by it, `ReportCache` its
/// rendered reports (by its `digest`).
public struct NotesState: Sendable {
    /// One notes file as this run finds it.
    struct FileState: Sendable {
        /// Relative to the notes root.
        var path: String
        /// Its size and modification time; nil when it cannot be `stat`ed.
        var stamp: ParseCache.Stamp?
    }

    /// Everything but the files, as one string (compared whole).
    var settings: String
    /// Every notes file of the directory, and the files asked for that the walk leaves out.
    var files: [FileState]

    init(settings: String, files: [FileState]) {
        self.settings = settings
        self.files = files
    }

    /// The state for `files` (nil: the whole directory) of `workspace` as of `asOf`: walks the
    /// directory (through the walk cache at `cache`, when given) and `stat`s every notes file once
    /// (the walk's `lstat`), reads none.
    public init(workspace: Workspace, files asked: [String]?, asOf: CalendarDate, cache: CacheLocation?) {
        var problems: [Diagnostic] = []
        let configuration = workspace.configuration
        let listing = NotesDirectory.discover(
            root: workspace.root, ignore: IgnorePatterns(configuration.ignore), cache: cache, diagnostics: &problems)
        let walked = Set(listing.files.map(\.path))
        let extra = (asked ?? []).filter { !walked.contains($0) }.sorted()
        var states: [FileState] = []
        states.reserveCapacity(listing.files.count + extra.count)
        var folders = Set<String>()
        // Each walked file was `lstat`ed by the walk (its stamp); only the files asked for that the walk
        // leaves out are `stat`ed here.
        for (path, walkStamp) in listing.files.map({ ($0.path, $0.stamp) }) + extra.map({ ($0, nil) }) {
            var stamp = walkStamp
            if stamp == nil {
                let full = (workspace.root as NSString).appendingPathComponent(path)
                var status = stat()
                stamp = stat(full, &status) == 0 ? ParseCache.Stamp(status) : nil
            }
            states.append(FileState(path: path, stamp: stamp))
            if let slash = path.firstIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        // `NotesCheck` warns about a client folder holding its own redflag.yml.
        let configured = folders.sorted().filter { folder in
            var status = stat()
            let path = (workspace.root as NSString).appendingPathComponent("\(folder)/\(Configuration.fileName)")
            return stat(path, &status) == 0
        }
        let parts: [String] = [
            cache?.version ?? "", NotesState.build, configuration.file ?? "", configuration.text, asOf.description,
            workspace.root, asked.map { $0.joined(separator: "\u{1}") } ?? "\u{2}",
            listing.markers.sorted().joined(separator: "\u{1}"),
            listing.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"),
            problems.map {
                "\($0.severity.rawValue) \($0.file):\($0.line ?? 0):\($0.column ?? 0) \($0.message) \($0.hint ?? "")"
            }
            .joined(separator: "\u{1}"),
            configured.joined(separator: "\u{1}"),
        ]
        self.init(settings: parts.joined(separator: "\u{0}"), files: states)
    }

    /// The SHA-256 (hex) of this state and `options`; nil when a file could not be `stat`ed or was
    /// modified in the two seconds before `start` (nanoseconds; it could change again within the
    /// file system's clock tick and keep its stamp), so nothing keyed by it is remembered.
    public func digest(options: String, start: Int = CacheLocation.now()) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(settings.utf8.count + options.utf8.count + files.count * 48)
        bytes += settings.utf8
        bytes.append(0)
        bytes += options.utf8
        bytes.append(0)
        for file in files {
            guard let stamp = file.stamp, CacheLocation.remembered(stamp, start: start) == stamp else { return nil }
            bytes += file.path.utf8
            bytes += ":\(stamp.size):\(stamp.modified)\u{1}".utf8
        }
        return JournalParser.digest(of: bytes)
    }

    /// The build: the running executable's, the detector's and the output's bundled files' sizes and
    /// modification times. A development build reports the same version after every change, and
    /// findings and pages depend on the code and on the model, lexicon and templates it ships with.
    static let build: String = {
        func stamp(_ path: String) -> String {
            var status = stat()
            guard stat(path, &status) == 0 else { return "\(path):-" }
            let stamp = ParseCache.Stamp(status)
            return "\(path):\(stamp.size):\(stamp.modified)"
        }
        var parts = [stamp(Bundle.main.executablePath ?? CommandLine.arguments.first ?? "")]
        for folder in [DetectorResources.folder, HTMLTemplates.bundleFolder] {
            let names = (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
            parts += names.map { stamp((folder as NSString).appendingPathComponent($0)) }
        }
        return parts.joined(separator: "\u{1}")
    }()
}
