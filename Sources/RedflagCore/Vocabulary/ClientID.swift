/// The id of a client: the slug of its notes file or folder name (`acme-corp`), unique in a notes
/// directory. It names the client in every output (`redflag dossier acme-corp`, `acme-corp.html`).
public struct ClientID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    /// An id as it is (already a slug).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id of a client called `name`: its slug (`Café Olé` → `cafe-ole`).
    public init(slugging name: some StringProtocol) {
        self.rawValue = Slug.make(String(name))
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static func < (lhs: ClientID, rhs: ClientID) -> Bool { lhs.rawValue < rhs.rawValue }
}
