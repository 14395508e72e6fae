/// The front-matter facts about a client that timelines, assessments and dossiers show.
///
/// A `Codable` copy of the parts of `Client` an output needs (`Client` itself is the journal's
/// model and carries file lists).
public struct ClientFacts: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var contact: String?
    public var since: CalendarDate?
    public var billing: Billing?
    public var rate: String?
    public var status: String?
    /// Front matter keys redflag does not interpret, as text.
    public var extra: [String: String]
    /// The client's files, relative to the notes directory, sorted.
    public var files: [String]

    public init(_ client: Client) {
        id = client.id
        name = client.name
        aliases = client.aliases
        contact = client.contact
        since = client.since
        billing = client.billing
        rate = client.rate
        status = client.status
        extra = client.extra
        files = client.files
    }
}
