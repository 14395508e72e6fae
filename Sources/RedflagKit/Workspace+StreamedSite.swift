import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagOutput

extension Workspace {
    /// Writes the static site of the notes into `output` judging one client at a time
    /// (`streamJudged`): each client's dossier page is written as soon as the client is judged, and
    /// only its `Triage.Row` is kept for the index. The same files, byte for byte, as
    /// `SiteWriter.write(Site(…judge(load())…))`, with the same safety (`SiteStream`).
    ///
    /// Every page shows the input digest of all the notes, so every file is read and hashed before
    /// the first client is parsed (a second read of each file, cheap beside parsing); if a file
    /// changes during the run, so that the digest or the clients differ at the end, the pages are
    /// already written with the earlier digest and the result is `.changed`: the caller writes the
    /// site again from a whole load. Nil, with nothing read or written, when the notes have shared
    /// files (then `load`, `judge` and `SiteWriter` are the way).
    public func streamSite(
        asOf: CalendarDate, options: NotesDirectory.LoadOptions = .standard, output: String,
        templates: HTMLTemplates
    ) throws(SiteError) -> StreamedSite? {
        var digests: [(path: String, digest: String)] = []
        var ids: [ClientID] = []
        let root = root
        // Asked for every client before any is parsed: hash every file, never reuse.
        func hash(_ client: ClientID, _ refs: [NotesDirectory.FileRef], _: NotesLayout.Tool) -> [ParsedFile]? {
            ids.append(client)
            for ref in refs {
                let full = (root as NSString).appendingPathComponent(ref.path)
                guard let data = FileManager.default.contents(atPath: full) else { continue }
                digests.append((ref.path, JournalParser.digest(of: [UInt8](data))))
            }
            return nil
        }
        var inputDigest = ""
        var site: SiteStream?
        var failure: SiteError?
        var rows: [ClientID: Triage.Row] = [:]
        func start() throws(SiteError) -> SiteStream {
            if let site { return site }
            var files = digests
            if let file = configuration.file {
                files.append((file, JournalParser.digest(of: Array(configuration.text.utf8))))
            }
            inputDigest = InputDigest.of(digests: files)
            let started = try SiteStream(
                output: output, notes: root, clientIDs: ids.map(\.rawValue), templates: templates)
            site = started
            return started
        }
        let streamed = streamJudged(asOf: asOf, options: options, reuse: hash) { dossier, notes in
            guard failure == nil else { return }
            do throws(SiteError) {
                var stream = try start()
                var dossier = dossier
                dossier.inputDigest = inputDigest
                // The cited files with their entries, their text read again (`Workspace.judge`).
                var byFile: [String: [Entry]] = [:]
                for entry in notes.entries { byFile[entry.file, default: []].append(entry) }
                var byPath: [String: ParsedFile] = [:]
                for var file in notes.files {
                    file.entries = byFile[file.path] ?? []
                    byPath[file.path] = file
                }
                dossier.evidence = EvidenceManifest(citing: dossier.citedEntries, file: { byPath[$0] }) { file in
                    Workspace.source(of: file, root: root)
                }
                try stream.write(dossier)
                site = stream
                rows[dossier.client.id] = Triage.Row(dossier)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard let journal = streamed else { return nil }
        var stream = try start()
        let ranked = journal.clients.compactMap { rows[$0.id] }
        // The page names stand if the clients read are those the names were made for (a client none
        // of whose files could be read has no page, and must not have changed another's name).
        let readIDs = journal.clients.map(\.id.rawValue)
        guard InputDigest.of(journal) == inputDigest, ranked.count == journal.clients.count,
            Site.fileNames(for: readIDs) == stream.names.filter({ readIDs.contains($0.key) })
        else { return StreamedSite(journal: journal, written: stream.written, changed: true) }
        let triage = Triage(rows: ranked, asOf: asOf, policyDigest: policy.digest, inputDigest: inputDigest)
        try stream.finish(triage)
        return StreamedSite(journal: journal, written: stream.written, changed: false)
    }
}
