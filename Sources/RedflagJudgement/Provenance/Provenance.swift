import RedflagCore
import RedflagJournal

/// When each cited entry of a dossier (its reasons' evidence, its closings and what they closed)
/// was first committed to the notes' git repository, and which
/// entries were committed much later than the date they state: written after the fact.
///
/// Pure: built from the dossier's cited entries and the commit day of each line (from
/// `git blame`, read by the caller). A journal kept as it happens commits an entry within days of
/// its date; one committed months later may be honest, but it is weaker evidence, and the dossier
/// says so.
public struct Provenance: Hashable, Sendable {
    /// One cited entry's provenance.
    public struct Item: Hashable, Sendable {
        /// The entry as cited (file, line, date, quote).
        public var entry: CitedEntry
        /// The day its first line was committed; nil when not committed yet.
        public var committed: CalendarDate?
        /// The commit (full id); nil when not committed yet.
        public var commit: String?
        /// Days from the entry's date to its commit; nil for an undated or uncommitted entry.
        public var delay: Int? {
            guard let date = entry.date, let committed else { return nil }
            return date.days(until: committed)
        }
        /// True when the entry came with the repository's first commit: notes kept before they
        /// were put in git, never flagged.
        public var imported: Bool
        /// True when the entry was committed more than the threshold after its date (and not with
        /// the first commit).
        public var late: Bool
    }

    /// Days after its date from which an entry's commit counts as after the fact.
    public var threshold: Int
    /// Every cited entry once, in chronological order.
    public var items: [Item]

    /// The default threshold, in days.
    public static let defaultThreshold = 14

    /// The provenance of `dossier`'s cited entries (`Dossier.citedEntries`); `commitOf(file, line)` gives the commit (id
    /// and day) of the entry's first line, nil when it is not committed. (`git blame` names the
    /// commit that last changed a line: for notes that are only appended to, the one that added it.)
    /// Entries of the `initial` commits (the repository's first) are imported, not late.
    public init(
        _ dossier: Dossier, threshold: Int = Provenance.defaultThreshold, initial: Set<String> = [],
        commitOf: (_ file: String, _ line: Int) -> (id: String, day: CalendarDate)?
    ) {
        self.threshold = threshold
        var seen = Set<String>()
        // The closings and what they closed are evidence too (`Dossier.citedEntries`).
        let cited = dossier.citedEntries
            .filter { seen.insert($0.reference).inserted }
            .sorted(by: CitedEntry.chronological)
        items = cited.map { entry in
            let commit = commitOf(entry.file, entry.line)
            let delay = entry.date.flatMap { date in commit.map { date.days(until: $0.day) } }
            let imported = commit.map { initial.contains($0.id) } ?? false
            return Item(
                entry: entry, committed: commit?.day, commit: commit?.id, imported: imported,
                late: !imported && (delay ?? 0) > threshold)
        }
    }

    /// The entries committed after the fact.
    public var late: [Item] { items.filter(\.late) }
}
