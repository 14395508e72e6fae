import RedflagCore

/// A client of the notes directory: one top-level `NAME.md` or folder `NAME/`.
public struct Client: Hashable, Sendable, Codable {
    /// Slug of NAME: lowercase ASCII letters, digits and `-`.
    public var id: ClientID
    /// Front matter `client:`, or NAME.
    public var name: String
    public var aliases: [String]
    public var contact: String?
    public var since: CalendarDate?
    public var billing: Billing?
    /// `rate:` as written (a number or text such as "€90/h").
    public var rate: String?
    /// `status:` active | ended.
    public var status: String?
    /// Front matter keys redflag does not interpret, as text, in key order.
    public var extra: [String: String]
    /// Files of this client, relative to the notes directory, sorted.
    public var files: [String]

    public init(
        id: ClientID, name: String, aliases: [String] = [], contact: String? = nil,
        since: CalendarDate? = nil, billing: Billing? = nil, rate: String? = nil,
        status: String? = nil, extra: [String: String] = [:], files: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.contact = contact
        self.since = since
        self.billing = billing
        self.rate = rate
        self.status = status
        self.extra = extra
        self.files = files
    }

    /// True when `query` is this client's id, name or one of its aliases, ignoring case.
    public func matches(_ query: String) -> Bool {
        let folded = query.lowercased()
        return id.rawValue == folded || name.lowercased() == folded
            || aliases.contains { $0.lowercased() == folded } || ClientID(slugging: query) == id
    }
}
