import RedflagCore
import RedflagJournal

/// What changed between two judgements of the same notes: the clients whose verdict changed, or
/// whose score moved by more than a threshold, each with the entries that are new since then.
///
/// Pure: built from the dossiers of then and now and the entries of both journals. "Then" is the
/// notes at a git revision (judged as of its commit day) or the notes without the entries after a
/// date (judged as of that date); "now" is the notes as they are, as of `--as-of`.
public struct ChangeReport: Hashable, Sendable {
    /// One client's change.
    public struct ClientChange: Hashable, Sendable {
        public var client: ClientID
        public var name: String
        /// nil when the client did not exist then.
        public var before: Assessment?
        /// nil when the client no longer exists.
        public var after: Assessment?
        /// Entries of the client that are in the notes now and were not then, oldest first.
        public var newEntries: [CitedEntry]
        /// How many of the client's entries of then are gone or were edited.
        public var removedEntries: Int

        /// The score now minus the score then (a client that is new or gone counts from 0).
        public var scoreChange: Int { (after?.score ?? 0) - (before?.score ?? 0) }
        /// True when the verdict is not what it was (or the client is new or gone).
        public var verdictChanged: Bool { before?.verdict != after?.verdict }
    }

    /// What "then" was, as the user gave it (`2026-10-01`, `HEAD~3`, `v1`).
    public var since: String
    /// The day "then" was judged as of.
    public var before: CalendarDate
    /// The day "now" is judged as of.
    public var after: CalendarDate
    /// The score change a client must exceed to be listed without a verdict change.
    public var threshold: Int
    /// The changed clients, most severe verdict now first, then by id.
    public var changes: [ClientChange]

    /// Compares the dossiers of then (`old`, from `oldJournal`, as of `before`) with those of now
    /// (as of `after`).
    public init(
        since: String, before: CalendarDate, old: [Dossier], oldJournal: Journal, after: CalendarDate,
        new: [Dossier], newJournal: Journal, threshold: Int
    ) {
        self.since = since
        self.threshold = threshold
        self.before = before
        self.after = after
        let oldByID = Dictionary(old.map { ($0.client.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.client.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldEntries = Dictionary(grouping: oldJournal.entries, by: \.client)
        let newEntries = Dictionary(grouping: newJournal.entries, by: \.client)
        var changes: [ClientChange] = []
        for id in Set(oldByID.keys).union(newByID.keys).sorted() {
            let then = oldByID[id]
            let now = newByID[id]
            let (added, removed) = Self.difference(old: oldEntries[id] ?? [], new: newEntries[id] ?? [])
            let change = ClientChange(
                client: id, name: (now ?? then)?.client.name ?? id.rawValue, before: then?.assessment,
                after: now?.assessment, newEntries: added.map(CitedEntry.init).sorted(by: CitedEntry.chronological),
                removedEntries: removed)
            if change.verdictChanged || abs(change.scoreChange) > threshold { changes.append(change) }
        }
        self.changes = changes.sorted {
            ($1.after?.verdict ?? .keep, $0.client) < ($0.after?.verdict ?? .keep, $1.client)
        }
    }

    /// Entries in `new` that are not in `old`, and how many of `old` are not in `new`: compared by
    /// date, time and text (an entry that moved to another line or file is the same entry).
    static func difference(old: [Entry], new: [Entry]) -> (added: [Entry], removed: Int) {
        var remaining: [String: Int] = [:]
        for entry in old { remaining[key(entry), default: 0] += 1 }
        var added: [Entry] = []
        for entry in new {
            let key = key(entry)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                added.append(entry)
            }
        }
        return (added, remaining.values.reduce(0, +))
    }

    private static func key(_ entry: Entry) -> String {
        "\(entry.date?.description ?? "-") \(entry.time ?? "-") \(entry.text)"
    }
}
