import Foundation
import RedflagCore

extension NotesDirectory {
    /// Reads the notes under `root` one client at a time, in client id order, in bounded memory: each
    /// client's attributed entries are handed to `consume` in output order (`Entry.outputOrder`), then
    /// freed, so no more than one client's entries and the files in flight are held, whatever the
    /// number of files. `scan` and `tags` read this way.
    ///
    /// This works when the paths alone say whose every file is: every notes file is a client's own
    /// (`NotesLayout.Role.client`), and no vault convention can turn a client's page into a shared one.
    /// Otherwise (daily notes, journals, pages that belong to the client they link), nothing is read
    /// and the result is nil: the caller then loads the whole directory (`load`).
    ///
    /// The returned `Journal` is what is left once every entry was consumed: its clients (with their
    /// profiles), its files without their entries, headings or text, and every diagnostic, in the
    /// order `load` gives them. Calling `consume` for every client and concatenating the entries gives
    /// exactly `load(...).entries`, whatever `options.jobs` is, with or without the cache.
    public static func streamByClient(
        root: String, configuration: Configuration, options: LoadOptions = .standard,
        _ consume: (ClientID, [Entry]) -> Void
    ) -> Journal? {
        streamClients(root: root, configuration: configuration, options: options) { notes in
            // Entries of a file whose name slugs to nothing have no client: `Journal.entries` skips them.
            guard !notes.client.id.rawValue.isEmpty, !notes.entries.isEmpty else { return }
            // Sorted by position, then copied once: moving the (large) entries while sorting costs more.
            let batch = notes.entries
            let order = batch.indices.sorted { Entry.outputOrder(batch[$0], batch[$1]) }
            consume(notes.client.id, order.map { batch[$0] })
        }
    }

    /// Reads the notes under `root` one client at a time, in client id order, in bounded memory, as
    /// `streamByClient` does, handing `consume` each client's `ClientNotes`: its profile, its files
    /// (without their entries, headings or text) and its entries in the order `load` holds them (files
    /// by path, entries in file order), then freeing them. Every client is handed over, also one whose
    /// files hold no entry. `triage` and `site` judge each client this way (`Workspace.streamJudged`).
    ///
    /// `reuse`, when given, is asked first for every client, in client order, with its files (and the
    /// note-taking tool the layout detected, which changes how files parse): when it
    /// answers with those files as it remembers them (path, client, front-matter fields, diagnostics
    /// and digest; no entries), the client's files are not read and it is not handed to `consume`; its
    /// remembered files stand in the journal. When any client is reused, the parse cache is neither
    /// read nor written: the clients that changed are parsed directly, which costs less than reading
    /// and rewriting the cache of the whole tree. Nil, with nothing read, when the notes have shared
    /// files (see `streamByClient`).
    public static func streamClients(
        root: String, configuration: Configuration, options: LoadOptions = .standard,
        reuse: ((ClientID, [FileRef], NotesLayout.Tool) -> [ParsedFile]?)? = nil,
        _ consume: (ClientNotes) -> Void
    ) -> Journal? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        var diagnostics: [Diagnostic] = []
        let listing = discover(
            root: root, ignore: IgnorePatterns(configuration.ignore), cache: options.cache?.location,
            diagnostics: &diagnostics)
        let layout = NotesLayout.detect(
            paths: listing.files.map(\.path), markers: listing.markers, settings: listing.settings,
            configuration: configuration)
        // Attribution may turn an unmarked top-level page of an Obsidian or Foam vault into a shared
        // note once it has seen every page's front matter: then owners are not known file by file.
        let pagesMayBeShared =
            layout.enabled && !layout.clientsArePages && (layout.tool == .obsidian || layout.tool == .foam)
        guard !pagesMayBeShared else { return nil }
        var owned: [(ref: FileRef, owner: ClientID)] = []
        for ref in listing.files {
            switch layout.role(of: ref.path) {
            case let .client(id, _): owned.append((ref, id))
            case .shared: return nil
            case .template: continue
            }
        }
        // Path order is the order of the files (and of their problems) in the journal; reading goes by
        // client, so that each client's entries are complete when its last file is read.
        let pathOrder = Dictionary(
            owned.enumerated().map { ($1.ref.path, $0) }, uniquingKeysWith: { first, _ in first })
        var reading = owned.sorted { ($0.owner, $0.ref.path) < ($1.owner, $1.ref.path) }
        var stubs: [ParsedFile] = []
        if let reuse {
            var kept: [(ref: FileRef, owner: ClientID)] = []
            var start = reading.startIndex
            while start < reading.endIndex {
                let owner = reading[start].owner
                var end = start
                while end < reading.endIndex, reading[end].owner == owner { end += 1 }
                let group = reading[start..<end]
                if let remembered = reuse(owner, group.map(\.ref), layout.tool) {
                    stubs += remembered
                } else {
                    kept += group
                }
                start = end
            }
            reading = kept
        }
        let reusedAny = !stubs.isEmpty
        let settings = configuration.clients

        var configured = JournalParser(configuration: configuration)
        configured.pageReferencesAreTags = layout.tool == .logseq
        let parser = configured
        let cache =
            reusedAny || reading.isEmpty
            ? nil : options.cache?.opened(settings: ParseCache.settings(configuration: configuration, layout: layout))
        let jobs = max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, reading.count)))
        let refs = reading.map(\.ref)
        let full = refs.map { (root as NSString).appendingPathComponent($0.path) }

        var problems: [(index: Int, diagnostic: Diagnostic)] = []
        var records: [String: ParseCache.Record] = [:]
        var current: ClientID?
        var batch: [Entry] = []
        var batchFiles: [ParsedFile] = []
        func flush() {
            defer {
                batch = []
                batchFiles = []
            }
            // A client none of whose files could be read is no client, as in `load`.
            guard let owner = current, !batchFiles.isEmpty else { return }
            // The client's profile from its own files, as `Attribution` makes it for the whole directory:
            // in plain notes a profile depends on that client's files only.
            let attributed = Attribution(layout: layout, settings: settings).run(batchFiles)
            let client = attributed.clients.first { $0.id == owner } ?? Client(id: owner, name: owner.rawValue)
            consume(ClientNotes(client: client, files: batchFiles, entries: batch))
        }
        ParallelWork.ordered(
            count: refs.count, jobs: jobs, window: 4 * jobs,
            produce: { index in
                var outcome = read(refs[index], full: full[index], parser: parser, cache: cache, keepsSource: false)
                if case .parsed(var file, let record) = outcome {
                    file.source = SourceText("")
                    outcome = .parsed(file, record)
                }
                return outcome
            },
            consume: { index, outcome in
                let owner = reading[index].owner
                if owner != current {
                    flush()
                    current = owner
                }
                switch outcome {
                case .parsed(var file, let record):
                    if let record { records[file.path] = record }
                    // Attribution by place (`Attribution.run`, step 3): the file and its entries are the owner's.
                    file.client = owner
                    for index in file.entries.indices { file.entries[index].client = owner }
                    if batch.isEmpty { swap(&batch, &file.entries) } else { batch += file.entries }
                    file.entries = []
                    file.headings = []
                    file.comments = []
                    file.frontMatter = nil
                    stubs.append(file)
                    batchFiles.append(file)
                case .failed(let problem):
                    problems.append((pathOrder[refs[index].path] ?? index, problem))
                }
            })
        flush()
        cache?.save(records, keepingOthers: false)
        diagnostics += problems.sorted { $0.index < $1.index }.map(\.diagnostic)
        return assemble(
            root: root, configuration: configuration, files: stubs, layout: layout, diagnostics: diagnostics)
    }
}
