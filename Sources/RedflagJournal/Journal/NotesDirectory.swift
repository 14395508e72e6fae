import Dispatch
import Foundation
import RedflagCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a notes directory from disk: reads `redflag.yml`, walks the folders for notes files,
/// parses every file (in parallel, each independently), then hands the parsed files to
/// `Attribution`, which gives each entry its client.
///
/// The pipeline: walk (`discover`: paths, tool folders) → layout (`NotesLayout.detect`) → parse
/// (`JournalParser`, one file at a time) → attribute (`Attribution`) → `Journal`.
/// This is the only place in the journal layer that touches the file system. Problems become
/// diagnostics; nothing here stops at the first bad file.
public enum NotesDirectory {
    /// A notes file found on disk.
    public struct FileRef: Hashable, Sendable {
        /// Path relative to the notes directory, `/`-separated.
        public var path: String
        /// The client id of the file's place in plain notes (`NotesLayout` decides in the end).
        public var client: ClientID
        /// The file's size and modification time as the walk's `lstat` (or, past a link, `stat`) saw
        /// them; nil when the walk did not stamp it. Not part of the file's identity (`==`).
        package var stamp: ParseCache.Stamp?

        public init(path: String, client: ClientID) {
            self.path = path
            self.client = client
        }

        package init(path: String, client: ClientID, stamp: ParseCache.Stamp?) {
            self.path = path
            self.client = client
            self.stamp = stamp
        }

        public static func == (lhs: FileRef, rhs: FileRef) -> Bool {
            lhs.path == rhs.path && lhs.client == rhs.client
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(path)
            hasher.combine(client)
        }
    }

    /// What the walk found: the notes files, and what the note-taking tools left at the root.
    public struct Listing: Hashable, Sendable {
        /// Notes files, sorted by path.
        public var files: [FileRef]
        /// Names at the root that are tool folders, not notes (`.obsidian`, `logseq`, `.foam`).
        public var markers: Set<String>
        /// What the tools' settings say: `dailyFolder`, `templatesFolder` (Obsidian).
        public var settings: [String: String]
    }

    /// How files are read: how many at once, whether their text is kept, and the parse cache.
    public struct LoadOptions: Sendable {
        /// Files parsed at once; nil for one per core. The result never depends on it.
        public var jobs: Int?
        /// When false, each `ParsedFile.source` is emptied as soon as the file is parsed (scan, tags
        /// and the judging commands never read it again; lint and `--fix` do), so that no more than
        /// the files being parsed are held as text.
        public var keepsSource = true
        /// Parsed files remembered between runs; nil reads and parses every file.
        public var cache: ParseCache?

        public init(jobs: Int? = nil, keepsSource: Bool = true, cache: ParseCache? = nil) {
            self.jobs = jobs
            self.keepsSource = keepsSource
            self.cache = cache
        }

        /// Every file parsed, one per core, text kept, no cache.
        public static let standard = LoadOptions()
    }

    /// Loads everything under `root`. When `configuration` is nil, `root/redflag.yml` is read
    /// (an invalid one is reported as an error diagnostic and the built-in configuration is used).
    public static func load(root: String, configuration: Configuration? = nil, options: LoadOptions = .standard)
        -> Journal
    {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            diagnostics.append(
                Diagnostic(
                    .error, file: root, message: "no such directory",
                    hint: "give the folder that holds your client notes (NAME.md files and NAME/ folders)"))
            return Journal(
                root: root, configuration: configuration ?? .standard, clients: [], files: [], diagnostics: diagnostics)
        }
        guard isDirectory.boolValue else {
            diagnostics.append(
                Diagnostic(
                    .error, file: root, message: "not a directory",
                    hint: "give the notes folder, not a file (to lint single files, use 'redflag lint FILE')"))
            return Journal(
                root: root, configuration: configuration ?? .standard, clients: [], files: [], diagnostics: diagnostics)
        }
        let config = configuration ?? readConfiguration(root: root, diagnostics: &diagnostics)
        let listing = discover(
            root: root, ignore: IgnorePatterns(config.ignore), cache: options.cache?.location,
            diagnostics: &diagnostics)
        let layout = NotesLayout.detect(
            paths: listing.files.map(\.path), markers: listing.markers, settings: listing.settings,
            configuration: config)
        let refs = listing.files.filter { layout.role(of: $0.path) != .template }
        let (files, readProblems) = parse(refs, root: root, configuration: config, layout: layout, options: options)
        diagnostics += readProblems
        return assemble(root: root, configuration: config, files: files, layout: layout, diagnostics: diagnostics)
    }

    /// Loads only the files of the client whose id is `id`, when their paths alone say which files
    /// are theirs: plain notes (no note-taking tool), where every file is a client's own (`acme.md`,
    /// `acme/…`) and none is shared (a daily note, a journal), so no other file can hold an entry of
    /// theirs nor change how theirs are read. Nil when that is not so, or no file has that id: the
    /// caller then loads everything (`dossier` uses it; the result equals the whole journal's for
    /// that client, with the diagnostics and input digest of their files only).
    ///
    /// Only the client's own names at the root (`acme.md`, `acme/`) are walked when the root alone
    /// shows plain notes (`ownNames`): no tool folder (`.obsidian`, `logseq`), no folder of shared
    /// notes (`journals/`, `daily/`, `clients/`, `pages/`), no daily note at the top, and no symbolic
    /// link among the client's files; otherwise the whole tree is walked, as before.
    public static func load(
        root: String, configuration: Configuration, client id: ClientID, options: LoadOptions = .standard
    ) -> Journal? {
        var diagnostics: [Diagnostic] = []
        let ignore = IgnorePatterns(configuration.ignore)
        var listing: Listing?
        if let names = ownNames(root: root, configuration: configuration, client: id) {
            var walked: [Diagnostic] = []
            let (own, linked, _) = walk(root: root, ignore: ignore, topLevel: names.contains, diagnostics: &walked)
            // A linked file may be another path's (the walk keeps one path per real file): walk all.
            if !linked {
                listing = own
                diagnostics = walked
            }
        }
        let found = listing ?? discover(root: root, ignore: ignore, diagnostics: &diagnostics)
        return load(
            root: root, configuration: configuration, client: id, listing: found, diagnostics: diagnostics,
            options: options)
    }

    /// The names at the root of plain notes that may hold the files of client `id`; nil when the root
    /// alone cannot tell that no other file is shared (a tool folder, a folder of journals, daily
    /// notes or client pages, a daily note at the top, an unreadable root) or when none may.
    static func ownNames(root: String, configuration: Configuration, client id: ClientID) -> Set<String>? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return nil }
        let markers = names.filter { [".obsidian", ".foam", "logseq", ".logseq"].contains($0.lowercased()) }
        guard markers.isEmpty else { return nil }
        let layout = NotesLayout.detect(paths: [], configuration: configuration)
        var risky: Set<String> = ["clients", "pages", "journals"]
        if layout.enabled { risky.formUnion(layout.journalFolders) }
        var own = Set<String>()
        for name in names where !name.hasPrefix(".") && name != Configuration.fileName {
            let lowered = name.lowercased()
            if toolFolders.contains(lowered) { continue }
            let isNotesName = lowered.hasSuffix(".md")
            if layout.enabled, !layout.journalFolders.isEmpty, isNotesName, JournalParser.fileDate(name) != nil {
                return nil
            }
            if risky.contains(lowered) {
                var status = stat()
                let full = (root as NSString).appendingPathComponent(name)
                if stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return nil }
            }
            let ids = [ClientID(slugging: name)] + (isNotesName ? [ClientID(slugging: name.dropLast(3))] : [])
            guard ids.contains(id) else { continue }
            if layout.enabled, layout.templateFolders.contains(lowered) { return nil }
            own.insert(name)
        }
        return own.isEmpty ? nil : own
    }

    /// `load(root:configuration:client:options:)` once the walk is done (`listing` may be the whole
    /// tree's or only the client's names').
    static func load(
        root: String, configuration: Configuration, client id: ClientID, listing: Listing,
        diagnostics: [Diagnostic], options: LoadOptions
    ) -> Journal? {
        let layout = NotesLayout.detect(
            paths: listing.files.map(\.path), markers: listing.markers, settings: listing.settings,
            configuration: configuration)
        guard layout.tool == .plain else { return nil }
        var refs: [FileRef] = []
        for ref in listing.files {
            switch layout.role(of: ref.path) {
            case let .client(owner, _):
                if owner == id { refs.append(ref) }
            case .shared:
                return nil
            case .template:
                continue
            }
        }
        guard !refs.isEmpty else { return nil }
        // One client's few files parse faster than the parse cache of the whole tree (one file, read
        // whole: 220 MB for the 100 MB corpus) is read: the cache is neither read nor written here.
        var options = options
        options.cache = nil
        let (files, readProblems) = parse(
            refs, root: root, configuration: configuration, layout: layout, options: options, isPartial: true)
        // Problems the walk met in other clients' places are theirs; the directory's own are kept.
        let own = diagnostics.filter { $0.file == root || clientID(forRelativePath: $0.file) == id }
        return assemble(
            root: root, configuration: configuration, files: files, layout: layout, diagnostics: own + readProblems)
    }

    /// Loads only the given files (paths relative to `root`), e.g. for `redflag lint FILE...`.
    public static func load(
        root: String, paths: [String], configuration: Configuration? = nil, options: LoadOptions = .standard
    ) -> Journal {
        var diagnostics: [Diagnostic] = []
        let config = configuration ?? readConfiguration(root: root, diagnostics: &diagnostics)
        let refs = paths.sorted().map { FileRef(path: $0, client: clientID(forRelativePath: $0)) }
        let layout = NotesLayout.detect(
            paths: refs.map(\.path), markers: rootMarkers(root), settings: toolSettings(root), configuration: config)
        let (files, readProblems) = parse(refs, root: root, configuration: config, layout: layout, options: options)
        diagnostics += readProblems
        return assemble(root: root, configuration: config, files: files, layout: layout, diagnostics: diagnostics)
    }

    /// The last, pure step of loading: attributes the parsed `files` to clients (`Attribution`) and
    /// makes the `Journal`. In-memory notes (tests, editors) use it directly.
    public static func assemble(
        root: String, configuration: Configuration, files: [ParsedFile], layout: NotesLayout,
        diagnostics: [Diagnostic] = []
    ) -> Journal {
        let attribution = Attribution(layout: layout, settings: configuration.clients).run(
            files.sorted { $0.path < $1.path })
        return Journal(
            root: root, configuration: configuration, clients: attribution.clients, files: attribution.files,
            diagnostics: diagnostics, layout: layout, unattributed: attribution.unattributed)
    }

    /// The client id of a notes file from its path relative to the notes root, in plain notes:
    /// `acme.md` → acme, `acme/2024-03.md` → acme.
    public static func clientID(forRelativePath path: String) -> ClientID {
        let components = path.split(separator: "/")
        guard let first = components.first else { return ClientID(slugging: path) }
        if components.count == 1, first.lowercased().hasSuffix(".md") {
            return ClientID(slugging: first.dropLast(3))
        }
        return ClientID(slugging: first)
    }

    /// Reads `root/redflag.yml` when present.
    public static func readConfiguration(root: String, diagnostics: inout [Diagnostic]) -> Configuration {
        let path = (root as NSString).appendingPathComponent(Configuration.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(
                Diagnostic(
                    .error, file: Configuration.fileName, message: "cannot read the configuration",
                    hint: "check the file's permissions"))
            return .standard
        }
        do {
            return try Configuration.parse(String(decoding: data, as: UTF8.self), file: Configuration.fileName)
        } catch {
            diagnostics += error.diagnostics
            return .standard
        }
    }

    /// Tool folders at the root of a notes directory: hidden ones (`.obsidian`, `.foam`) and
    /// Logseq's `logseq/` (its settings and `bak/` backups). Never walked for notes.
    static let toolFolders: Set<String> = ["logseq"]

    /// The names at `root` that mark a note-taking tool.
    static func rootMarkers(_ root: String) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return Set(names.filter { [".obsidian", ".foam", "logseq", ".logseq"].contains($0.lowercased()) })
    }

    /// Obsidian's daily notes and templates folders, from `.obsidian/daily-notes.json`,
    /// `.obsidian/templates.json` and the Templater plugin's settings.
    static func toolSettings(_ root: String) -> [String: String] {
        func value(_ file: String, _ key: String) -> String? {
            let path = (root as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let folder = object[key] as? String
            else { return nil }
            let trimmed = folder.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
            return trimmed.isEmpty ? nil : trimmed
        }
        var settings: [String: String] = [:]
        settings["dailyFolder"] = value(".obsidian/daily-notes.json", "folder")
        settings["templatesFolder"] =
            value(".obsidian/templates.json", "folder")
            ?? value(".obsidian/plugins/templater-obsidian/data.json", "templates_folder")
        return settings
    }

    /// The notes files under `root`: every `*.md` at any depth, skipping hidden names, tool
    /// folders (`logseq/`) and what `ignore` leaves out.
    ///
    /// Symbolic links are followed, carefully: a link loop is reported and skipped; a link to a
    /// device, FIFO or socket is reported and skipped (reading one could block forever); a file
    /// reached by several paths (a linked file or folder inside the tree) is read once, by its
    /// real path when that is inside the tree. Sorted by path.
    ///
    /// With `cache`, folders unchanged since the last walk are not listed again (`WalkCache`): the
    /// result is the same, each file is still `lstat`ed once (its `FileRef.stamp`).
    public static func discover(
        root: String, ignore: IgnorePatterns = IgnorePatterns([]), cache: CacheLocation? = nil,
        diagnostics: inout [Diagnostic]
    )
        -> Listing
    {
        walk(root: root, ignore: ignore, cache: cache, diagnostics: &diagnostics).listing
    }

    /// `discover`, also telling how many folders were read from the disk (not taken from the walk cache).
    package static func discoverCounting(
        root: String, ignore: IgnorePatterns = IgnorePatterns([]), cache: CacheLocation? = nil,
        diagnostics: inout [Diagnostic]
    ) -> (listing: Listing, foldersRead: Int) {
        let walked = walk(root: root, ignore: ignore, cache: cache, diagnostics: &diagnostics)
        return (walked.listing, walked.foldersRead)
    }

    /// The walk behind `discover`; with `topLevel`, only the names at the root it accepts are
    /// visited. Also tells whether any notes file was reached through a symbolic link (its path is
    /// then not its real place, and another path may be the one `discover` keeps).
    /// `cache`: where the walk cache is (`WalkCache`); nil walks every folder.
    static func walk(
        root: String, ignore: IgnorePatterns, topLevel: ((String) -> Bool)? = nil, cache: CacheLocation? = nil,
        diagnostics: inout [Diagnostic]
    ) -> (listing: Listing, linked: Bool, foldersRead: Int) {
        var walker = Walker(ignore: ignore)
        walker.rootReal = realPath(root) ?? root
        walker.topLevel = topLevel
        let remembered = cache.map(WalkCache.init(location:))
        walker.previous = remembered?.folders ?? [:]
        walker.remembers = remembered != nil
        walker.start = CacheLocation.now()
        let markers = rootMarkers(root)
        var rootStatus = stat()
        let status = stat(root, &rootStatus) == 0 ? rootStatus : nil
        walker.walk(root, relative: "", ancestors: [walker.rootReal], real: walker.rootReal, status: status)
        diagnostics += walker.diagnostics
        let linked = walker.found.contains { !$0.isReal }
        var chosen = walker.found.sorted { $0.path < $1.path }
        if linked {
            // One path per real file: the path that is the real one, else the first in path order.
            var byReal: [String: Walker.Found] = [:]
            for found in chosen {
                guard let previous = byReal[found.real] else {
                    byReal[found.real] = found
                    continue
                }
                if found.isReal, !previous.isReal { byReal[found.real] = found }
            }
            chosen = byReal.values.sorted { $0.path < $1.path }
        }
        let clients = remembered?.clients ?? [:]
        let files = chosen.map { found in
            FileRef(
                path: found.path, client: clients[found.path] ?? clientID(forRelativePath: found.path),
                stamp: found.stamp)
        }
        // A walk of some names only (`topLevel`) would forget the other folders: it is not saved.
        if let remembered, topLevel == nil, walker.visitedCount < Walker.limit {
            remembered.save(folders: walker.listed, files: files)
        }
        let settings = markers.isEmpty ? [:] : toolSettings(root)
        return (Listing(files: files, markers: markers, settings: settings), linked, walker.foldersRead)
    }

    /// The canonical path of `path`, all links resolved; nil (with `errno`) when it cannot be.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The depth-first walk behind `discover`.
    private struct Walker {
        struct Found {
            var path: String
            /// The resolved path on disk (the identity of the file).
            var real: String
            /// True when `path` is the file's real place in the tree (no link on the way).
            var isReal: Bool
            /// Its size and modification time; nil for a broken link.
            var stamp: ParseCache.Stamp?
        }

        let ignore: IgnorePatterns
        var rootReal = ""
        /// Which names at the root to visit; nil for all.
        var topLevel: ((String) -> Bool)?
        var found: [Found] = []
        var diagnostics: [Diagnostic] = []
        /// The folders the last walk listed (`WalkCache`), by relative path.
        var previous: [String: WalkCache.Folder] = [:]
        /// The folders this walk listed or reused, when the walk is remembered.
        var listed: [String: WalkCache.Folder] = [:]
        /// Whether this walk is remembered (a walk cache was given).
        var remembers = false
        /// When the walk started (nanoseconds since 1970).
        var start = 0
        /// Folders read from the disk (not taken from the walk cache).
        var foldersRead = 0
        /// Entries visited, a bound against pathological trees.
        var visitedCount = 0
        static let limit = 1_000_000

        init(ignore: IgnorePatterns) { self.ignore = ignore }

        /// True when `name` ends in `.md`, in any case (`path.lowercased().hasSuffix(".md")` without
        /// making a lowercased copy of every name).
        static func isNotesName(_ name: String) -> Bool {
            let bytes = name.utf8
            guard bytes.count >= 3 else { return false }
            let tail = bytes.suffix(3)
            var index = tail.startIndex
            guard tail[index] == UInt8(ascii: ".") else { return false }
            index = tail.index(after: index)
            guard tail[index] | 0x20 == UInt8(ascii: "m") else { return false }
            index = tail.index(after: index)
            return tail[index] | 0x20 == UInt8(ascii: "d")
        }

        /// Walks `folder` (`relative` to the root); `real` is its real path when no symbolic link
        /// leads to it (then its entries' real paths are known without `realpath`), else nil.
        /// `status`: the folder's `stat` (its identity and times for the walk cache).
        mutating func walk(_ folder: String, relative: String, ancestors: Set<String>, real: String?, status: stat?) {
            let names: [String]
            if let status, let known = previous[relative], known.matches(status) {
                names = known.names
                listed[relative] = known
            } else {
                foldersRead += 1
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
                        .sorted()
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: relative.isEmpty ? folder : relative + "/",
                            message: relative.isEmpty
                                ? "cannot list the directory" : "cannot list the folder; its notes are skipped",
                            hint: "check its permissions"))
                    return
                }
                if remembers, let status { listed[relative] = WalkCache.Folder(status, names: names, start: start) }
            }
            for name in names where !name.hasPrefix(".") {
                visitedCount += 1
                guard visitedCount < Self.limit else { return }
                if relative.isEmpty, toolFolders.contains(name.lowercased()) { continue }
                if relative.isEmpty, name == Configuration.fileName { continue }
                if relative.isEmpty, let topLevel, !topLevel(name) { continue }
                // Plain concatenation: `NSString.appendingPathComponent` for each of 10,000 entries costs
                // more than the `lstat`.
                let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let path = relative.isEmpty ? name : relative + "/" + name
                visit(full, name: name, path: path, ancestors: ancestors, parentReal: real)
            }
        }

        private mutating func visit(
            _ full: String, name: String, path: String, ancestors: Set<String>, parentReal: String?
        ) {
            let isNotes = Walker.isNotesName(name)
            var link = stat()
            guard lstat(full, &link) == 0 else { return }
            let isLink = (link.st_mode & S_IFMT) == S_IFLNK
            // Not a link, in a folder no link leads to: its real path is its place (no `realpath`,
            // and `lstat` already said what it is).
            let knownReal: String? =
                isLink || rootReal == "/" ? nil : parentReal.map { $0 + "/" + name }
            var target = link
            guard isLink ? stat(full, &target) == 0 : true else {
                let error = errno
                if error == ELOOP {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: path, message: "symbolic link loop; skipped",
                            hint: "the link leads back to itself; remove it or point it at a file"))
                } else if isNotes {
                    // A broken link to a notes file is reported when it cannot be read, not skipped.
                    found.append(Found(path: path, real: "broken:" + path, isReal: true, stamp: nil))
                }
                return
            }
            let type = target.st_mode & S_IFMT
            if type == S_IFDIR {
                if ignore.excludes(path, isDirectory: true) { return }
                let real = knownReal ?? realPath(full) ?? full
                if ancestors.contains(real) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: path + "/",
                            message: "symbolic link loop: the folder contains itself; skipped",
                            hint: "remove the link, or point it outside the notes directory"))
                    return
                }
                var inner = ancestors
                inner.insert(real)
                walk(full, relative: path, ancestors: inner, real: knownReal, status: target)
                return
            }
            guard isNotes, !ignore.excludes(path, isDirectory: false) else { return }
            guard type == S_IFREG else {
                let kind =
                    type == S_IFIFO
                    ? "a FIFO"
                    : type == S_IFSOCK
                        ? "a socket"
                        : type == S_IFCHR || type == S_IFBLK
                            ? "a device" : "something else"
                diagnostics.append(
                    Diagnostic(
                        .error, file: path, message: "not a regular file; skipped",
                        hint:
                            "it \(isLink ? "links to" : "is") \(kind); notes must be plain .md files, remove or rename it"
                    ))
                return
            }
            let real = knownReal ?? realPath(full) ?? full
            let isReal = real == rootReal + "/" + path
            found.append(Found(path: path, real: real, isReal: isReal, stamp: ParseCache.Stamp(target)))
        }
    }

    /// Reads and parses files, `options.jobs` at a time (each independently, no shared state); the
    /// result is in the order of `refs`, whatever the number of jobs. Files the cache knows unchanged
    /// are taken from it; the cache is then saved with what was parsed.
    /// `isPartial`: `refs` are some of the notes only, so the cache keeps what it knows of the others.
    private static func parse(
        _ refs: [FileRef], root: String, configuration: Configuration, layout: NotesLayout, options: LoadOptions,
        isPartial: Bool = false
    ) -> ([ParsedFile], [Diagnostic]) {
        var configured = JournalParser(configuration: configuration)
        configured.pageReferencesAreTags = layout.tool == .logseq
        let parser = configured
        let cache = options.cache?.opened(settings: ParseCache.settings(configuration: configuration, layout: layout))
        let results = ResultSlots<Outcome>(count: refs.count)
        let jobs = max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, refs.count)))
        ParallelWork.run(count: refs.count, jobs: jobs) { index in
            let ref = refs[index]
            let full = (root as NSString).appendingPathComponent(ref.path)
            var outcome = read(ref, full: full, parser: parser, cache: cache, keepsSource: options.keepsSource)
            if case .parsed(var file, let record) = outcome, !options.keepsSource {
                file.source = SourceText("")
                outcome = .parsed(file, record)
            }
            results[index] = outcome
        }
        var files: [ParsedFile] = []
        var problems: [Diagnostic] = []
        var records: [String: ParseCache.Record] = [:]
        for result in results.values {
            switch result {
            case let .parsed(file, record)?:
                files.append(file)
                if let record { records[file.path] = record }
            case let .failed(problem)?: problems.append(problem)
            case nil: break
            }
        }
        cache?.save(records, keepingOthers: isPartial)
        return (files, problems)
    }

    /// Reads one file: from the cache when it knows the file unchanged, else from disk and parsed.
    static func read(
        _ ref: FileRef, full: String, parser: JournalParser, cache: ParseCache.Opened?, keepsSource: Bool
    ) -> Outcome {
        // Reading a FIFO or a device would block forever: only regular files are read.
        var status = stat()
        guard stat(full, &status) == 0 else {
            return .failed(
                Diagnostic(
                    .error, file: ref.path, message: "cannot read the file; its notes are skipped",
                    hint: "check that it exists and is readable"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failed(
                Diagnostic(
                    .error, file: ref.path, message: "not a regular file; skipped",
                    hint: "notes must be plain .md files; remove or rename this one"))
        }
        let stamp = ParseCache.Stamp(status)
        // Unchanged size and modification time: the cached parse stands, and the file is not read
        // at all unless its text is wanted.
        if let cache, !keepsSource, case (var file, let record)? = cache.file(ref.path, stamp: stamp) {
            file.client = ref.client
            return .parsed(file, record)
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            return .failed(
                Diagnostic(
                    .error, file: ref.path, message: "cannot read the file; its notes are skipped",
                    hint: "check that it exists and is readable"))
        }
        let bytes = [UInt8](data)
        if let cache, case (var file, let record)? = cache.file(ref.path, stamp: stamp, bytes: bytes) {
            // Touched, or its text wanted: same bytes, same parse.
            file.client = ref.client
            if keepsSource { file.source = JournalParser.sourceText(of: bytes) }
            return .parsed(file, record)
        }
        let file = parser.parse(path: ref.path, client: ref.client, bytes: bytes)
        return .parsed(file, cache?.record(for: file, stamp: stamp))
    }

    /// One `Client` per client id, by the files' places in plain notes (kept for callers that
    /// build journals by hand; `Attribution` is the step that does this for a notes directory).
    public static func clients(
        from files: [ParsedFile], refs: [FileRef], settings: [ClientID: ClientSettings] = [:]
    ) -> [Client] {
        Attribution(layout: .plain, settings: settings).run(files).clients
    }
}

enum Outcome: Sendable {
    /// The file, and what the cache should remember of it (nil without a cache).
    case parsed(ParsedFile, ParseCache.Record?)
    case failed(Diagnostic)
}

/// Fixed slots written once each from `concurrentPerform`, read after it returns.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}
