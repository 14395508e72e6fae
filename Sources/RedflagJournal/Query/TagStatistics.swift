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
        struct Tally {
            var entries = 0
            var clients = Set<ClientID>()
            var known = true
            var spellings = Set<String>()
        }
        var tallies: [String: Tally] = [:]
        for entry in entries {
            var seen = Set<String>()
            for tag in entry.tags {
                for key in [tag.name] + (tag.subtype.map { ["\(tag.name)/\($0)"] } ?? []) {
                    var tally = tallies[key, default: Tally()]
                    if seen.insert(key).inserted {
                        tally.entries += 1
                        tally.clients.insert(entry.client)
                    }
                    tally.known = tally.known && tag.isKnown
                    tally.spellings.insert(tag.raw.lowercased())
                    tallies[key] = tally
                }
            }
        }
        func row(_ key: String) -> Row {
            let tally = tallies[key] ?? Tally()
            return Row(
                tag: key, entries: tally.entries, clients: tally.clients.count, known: tally.known,
                spellings: tally.spellings.sorted())
        }
        let heads = tallies.keys.filter { !$0.contains("/") }
            .sorted { (tallies[$0]?.entries ?? 0, $1) > (tallies[$1]?.entries ?? 0, $0) }
        rows = heads.flatMap { head in
            [row(head)] + tallies.keys.filter { $0.hasPrefix(head + "/") }.sorted().map(row)
        }
    }
}
