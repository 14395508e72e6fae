import Foundation
import RedflagCore

extension NotesDirectory {
    /// What `streamFiles` found besides the files it handed over.
    public struct FileStream: Sendable {
        /// How the directory is laid out (plain notes: every file a client's own).
        public var layout: NotesLayout
        /// The walk's problems, then those of the files that could not be read, in path order: the
        /// `diagnostics` `load` gives a journal of the same notes.
        public var diagnostics: [Diagnostic]
        /// The files that could not be read (relative paths, in path order).
        public var failed: [String]
    }

    /// Reads the notes files under `root` one at a time, in path order, in bounded memory: each file
    /// is read and parsed as `load` would, given its client by its place (`Attribution` in plain
    /// notes), handed to `transform` on one of `options.jobs` threads, and the value it makes is
    /// handed to `consume` on the calling thread, in path order; only the files in flight are held
    /// (a window of four per thread). `lint` reads plain notes this way, twice (`LintSession`).
    ///
    /// `only`, when given, restricts the files read to those paths (the walk is the same); `require`
    /// are paths that must be notes files of the walk. Nil, with nothing read, when a path of
    /// `require` is not, when `root` is no directory, or when the notes have shared files (daily
    /// notes, journals, vault pages: see `streamByClient`); the caller then loads them (`load`).
    /// The parse cache of `options` is read, and written back with what was parsed when `savesCache`.
    public static func streamFiles<Value: Sendable>(
        root: String, configuration: Configuration, options: LoadOptions = .standard, only: Set<String>? = nil,
        require: [String] = [], savesCache: Bool = true, transform: @escaping @Sendable (ParsedFile) -> Value,
        consume: (Value) -> Void
    ) -> FileStream? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        var diagnostics: [Diagnostic] = []
        let listing = discover(root: root, ignore: IgnorePatterns(configuration.ignore), diagnostics: &diagnostics)
        let layout = NotesLayout.detect(
            paths: listing.files.map(\.path), markers: listing.markers, settings: listing.settings,
            configuration: configuration)
        // As in `streamClients`: vault pages may turn out shared once every page's front matter is read.
        guard !(layout.enabled && !layout.clientsArePages && (layout.tool == .obsidian || layout.tool == .foam))
        else { return nil }
        var owned: [(ref: FileRef, owner: ClientID)] = []
        for ref in listing.files {
            switch layout.role(of: ref.path) {
            case let .client(id, _): owned.append((ref, id))
            case .shared: return nil
            case .template: continue
            }
        }
        let known = Set(owned.map(\.ref.path))
        guard require.allSatisfy(known.contains) else { return nil }
        let reading = only.map { only in owned.filter { only.contains($0.ref.path) } } ?? owned

        var configured = JournalParser(configuration: configuration)
        configured.pageReferencesAreTags = layout.tool == .logseq
        let parser = configured
        let cache =
            reading.isEmpty
            ? nil : options.cache?.opened(settings: ParseCache.settings(configuration: configuration, layout: layout))
        let keepsSource = options.keepsSource
        let jobs = max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, reading.count)))
        var failed: [String] = []
        var records: [String: ParseCache.Record] = [:]
        ParallelWork.ordered(
            count: reading.count, jobs: jobs, window: 4 * jobs,
            produce: { index -> Result<(Value, ParseCache.Record?), FileFailure> in
                let (ref, owner) = reading[index]
                let full = (root as NSString).appendingPathComponent(ref.path)
                switch read(ref, full: full, parser: parser, cache: cache, keepsSource: keepsSource) {
                case .parsed(var file, let record):
                    if !keepsSource { file.source = SourceText("") }
                    // Attribution by place (`Attribution.run`, step 3): the file and its entries are the owner's.
                    file.client = owner
                    for entry in file.entries.indices { file.entries[entry].client = owner }
                    return .success((transform(file), savesCache ? record : nil))
                case .failed(let problem):
                    return .failure(FileFailure(path: ref.path, diagnostic: problem))
                }
            },
            consume: { index, outcome in
                switch outcome {
                case .success(let (value, record)):
                    if let record { records[reading[index].ref.path] = record }
                    consume(value)
                case .failure(let failure):
                    failed.append(failure.path)
                    diagnostics.append(failure.diagnostic)
                }
            })
        if savesCache { cache?.save(records, keepingOthers: only != nil) }
        return FileStream(layout: layout, diagnostics: diagnostics, failed: failed)
    }

    /// A file `streamFiles` could not read, and why.
    private struct FileFailure: Error, Sendable {
        var path: String
        var diagnostic: Diagnostic
    }
}
