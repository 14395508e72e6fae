import RedflagCore

/// Counts per tag over a set of entries, like `jrnl --tags`.
public struct TagStatistics: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// `name` or `name/subtype`.
        public var tag: String
        /// Entries carrying the tag (an entry counts once per row).
        public var entries: Int
        /// Distinct clients with such an entry.
        public var clients: Int
        /// False for tags outside the vocabulary.
        public var known: Bool
        /// Spellings seen in the notes, sorted (`liar`, `lie`).
        public var spellings: [String]
    }

    /// Canonical tags by entry count (descending), then name; each followed by its subtypes.
    public var rows: [Row]

    public init(entries: [Entry]) {
        var counter = Counter()
        for entry in entries { counter.add(entry) }
        self = counter.statistics
    }

    /// Counts entries one at a time (`scan` and `tags` read the notes one client at a time and
    /// keep only these counts); `statistics` is the same whatever order the entries came in.
    public struct Counter: Sendable {
        struct Tally: Sendable {
            var entries = 0
            var clients = Set<ClientID>()
            var known = true
            var spellings = Set<String>()
        }

        var tallies: [String: Tally] = [:]

        public init() {}

        /// Counts `entry` under each of its tags (and `tag/subtype`), once per entry.
        public mutating func add(_ entry: Entry) {
            var seen: [String] = []
            for tag in entry.tags {
                count(tag.name, tag, entry, &seen)
                if let subtype = tag.subtype { count("\(tag.name)/\(subtype)", tag, entry, &seen) }
            }
        }

        private mutating func count(_ key: String, _ tag: Tag, _ entry: Entry, _ seen: inout [String]) {
            let first = !seen.contains(key)
            if first { seen.append(key) }
            // Mutated in place: a copy of the tally would copy its sets too.
            let spelling = tag.raw.lowercased()
            modify(key) { tally in
                if first {
                    tally.entries += 1
                    tally.clients.insert(entry.client)
                }
                tally.known = tally.known && tag.isKnown
                tally.spellings.insert(spelling)
            }
        }

        private mutating func modify(_ key: String, _ change: (inout Tally) -> Void) {
            change(&tallies[key, default: Tally()])
        }

        /// The rows of every entry added so far.
        public var statistics: TagStatistics {
            let tallies = self.tallies
            func row(_ key: String) -> Row {
                let tally = tallies[key] ?? Tally()
                return Row(
                    tag: key, entries: tally.entries, clients: tally.clients.count, known: tally.known,
                    spellings: tally.spellings.sorted())
            }
            let heads = tallies.keys.filter { !$0.contains("/") }
                .sorted { (tallies[$0]?.entries ?? 0, $1) > (tallies[$1]?.entries ?? 0, $0) }
            return TagStatistics(
                rows: heads.flatMap { head in
                    [row(head)] + tallies.keys.filter { $0.hasPrefix(head + "/") }.sorted().map(row)
                })
        }
    }

    init(rows: [Row]) { self.rows = rows }
}
