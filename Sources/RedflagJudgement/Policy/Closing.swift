import RedflagCore
import RedflagJournal

/// Whether closings (`#resolved/SIGN`, `#forgiven/SIGN`; see `Closure`) may close hard signs.
///
/// ```yaml
/// policy:
///   closing: { hard: false }   # a lie, a dispute... stays on the record however it was resolved
/// ```
/// Default: hard signs may be closed. A closing is written by the user, dated, with a reason, and
/// every dossier shows what it closed, so the record is kept; `hard: false` follows the article to
/// the letter ("it does not matter that he says he is sorry afterwards").
public struct Closing: Hashable, Sendable, Codable {
    /// True when a closing may close a hard sign (SIGNS.md 1, 3, 6, 9, 10).
    public var hard: Bool
    /// False to ignore every closing (they are still listed, as not applied).
    public var enabled: Bool
    /// Where each value came from, by key (`hard`, `enabled`).
    public var origins: [String: ValueOrigin]

    public init(hard: Bool, enabled: Bool, origins: [String: ValueOrigin] = [:]) {
        self.hard = hard
        self.enabled = enabled
        self.origins = origins
    }

    /// The default: closings apply, hard signs included.
    public static let standard = Closing(hard: true, enabled: true)

    /// Where the value under `key` came from.
    public func origin(of key: String) -> ValueOrigin { origins[key] ?? .default }
}
