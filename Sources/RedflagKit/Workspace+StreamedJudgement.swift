import RedflagCore
import RedflagJournal
import RedflagJudgement

extension Workspace {
    /// Judges every client as its notes stream in (`NotesDirectory.streamClients`), one client at a
    /// time in bounded memory: `judged` gets each client's dossier and notes, then both are freed.
    ///
    /// The dossiers are those `judge(load(), asOf:)` makes, without their evidence manifest and with an
    /// empty `inputDigest` (the digest of every file is known only once every file was read: it is
    /// `InputDigest.of` the returned journal). `reuse` is `streamClients`' (clients remembered from an
    /// earlier run are not read nor judged). The returned journal holds the clients, the files without
    /// their entries and every diagnostic, as `stream` gives it. Nil, with nothing read, when the notes
    /// have shared files (daily notes, journals, vault pages): then `load` and `judge` are the way.
    public func streamJudged(
        asOf: CalendarDate, options: NotesDirectory.LoadOptions = .standard,
        reuse: ((ClientID, [NotesDirectory.FileRef], NotesLayout.Tool) -> [ParsedFile]?)? = nil,
        _ judged: (Dossier, ClientNotes) -> Void
    ) -> Journal? {
        let policy = policy
        guard
            var journal = NotesDirectory.streamClients(
                root: root, configuration: configuration, options: options, reuse: reuse,
                { notes in
                    let timeline = Timeline(client: notes.client, entries: notes.entries, asOf: asOf)
                    for dossier in Dossier.all([timeline], policy: policy, inputDigest: "") {
                        judged(dossier, notes)
                    }
                })
        else { return nil }
        journal.diagnostics += NotesCheck.warnings(journal)
        return journal
    }

    /// The triage of the notes judged one client at a time (`streamJudged`), keeping only each
    /// client's `Triage.Row`: memory holds the rows, not the notes. With `cache`, a client whose files
    /// are unchanged since the run that remembered its row is neither read nor judged (`TriageCache`),
    /// and the rows of this run are remembered for the next.
    ///
    /// Byte for byte the triage of `judge(load(options:), asOf:)`. Nil, with nothing read, when the notes
    /// have shared files: then `load` and `judge` are the way.
    public func streamTriage(
        asOf: CalendarDate, options: NotesDirectory.LoadOptions = .standard, cache: TriageCache? = nil
    ) -> (triage: Triage, journal: Journal)? {
        let session = cache?.opened(configuration: configuration, asOf: asOf)
        var rows: [ClientID: Triage.Row] = [:]
        let streamed = streamJudged(asOf: asOf, options: options, reuse: session?.reuse) { dossier, notes in
            let row = Triage.Row(dossier)
            rows[row.client.id] = row
            session?.remember(row, files: notes.files)
        }
        guard let journal = streamed else { return nil }
        var ranked: [Triage.Row] = []
        ranked.reserveCapacity(journal.clients.count)
        for client in journal.clients {
            guard let row = rows[client.id] ?? session?.row(for: client.id) else {
                // Never expected: every client is judged or remembered. Judge the whole load instead.
                return nil
            }
            ranked.append(row)
        }
        session?.save(clients: journal.clients.map(\.id))
        let triage = Triage(
            rows: ranked, asOf: asOf, policyDigest: policy.digest, inputDigest: InputDigest.of(journal))
        return (triage, journal)
    }
}
