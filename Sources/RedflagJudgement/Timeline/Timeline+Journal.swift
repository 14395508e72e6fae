import RedflagCore
import RedflagJournal

extension Timeline {
    /// The timeline of `client` from the entries of `journal` that belong to it.
    public init(client: Client, journal: Journal, asOf: CalendarDate) {
        // Each entry carries its client (`Attribution`): shared daily notes hold several clients' entries.
        let entries = journal.files.flatMap(\.entries).filter { $0.client == client.id }
        self.init(client: client, entries: entries, asOf: asOf)
    }

    /// One timeline per client of `journal`, in the journal's client order (by id).
    public static func all(in journal: Journal, asOf: CalendarDate) -> [Timeline] {
        var byClient: [ClientID: [Entry]] = [:]
        for file in journal.files {
            for entry in file.entries { byClient[entry.client, default: []].append(entry) }
        }
        return journal.clients.map { Timeline(client: $0, entries: byClient[$0.id] ?? [], asOf: asOf) }
    }
}
