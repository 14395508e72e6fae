import RedflagCore

/// Which entries `scan` shows: by client, tag, date and tagging.
public struct EntryFilter: Hashable, Sendable {
    /// Client ids to keep; empty keeps all.
    public var clients: Set<ClientID> = []
    /// Tags (canonical, optionally `name/subtype`) of which an entry needs one (or all, with `requireAll`).
    public var tags: [String] = []
    public var requireAll = false
    /// Tags an entry must not carry.
    public var excludedTags: [String] = []
    public var since: CalendarDate?
    public var until: CalendarDate?
    /// Only entries with no tag at all.
    public var untaggedOnly = false

    public init() {}

    /// True when `entry` passes every condition. Date bounds are inclusive; undated entries
    /// never pass a date bound.
    public func accepts(_ entry: Entry) -> Bool {
        if !clients.isEmpty, !clients.contains(entry.client) { return false }
        if untaggedOnly, !entry.tags.isEmpty { return false }
        if let since, !(entry.date.map { $0 >= since } ?? false) { return false }
        if let until, !(entry.date.map { $0 <= until } ?? false) { return false }
        if excludedTags.contains(where: { Self.entry(entry, has: $0) }) { return false }
        if tags.isEmpty { return true }
        return requireAll
            ? tags.allSatisfy { Self.entry(entry, has: $0) } : tags.contains { Self.entry(entry, has: $0) }
    }

    /// `abuse` matches any abuse tag; `abuse/physical` only that subtype.
    static func entry(_ entry: Entry, has wanted: String) -> Bool {
        let (name, subtype) = Vocabulary.split(wanted)
        return entry.tags.contains { $0.name == name && (subtype == nil || $0.subtype == subtype) }
    }
}
