import RedflagCore
import RedflagJournal

/// When positive context turns a *watch* into *keep*.
///
/// A client with at least `positives` entries tagged `#paid`, `#referral` or `#praise` dated
/// within the `window` days ending at `asOf`, and no incident at all within the last `quiet` days,
/// has the *watch* outcomes of its soft rules softened to *keep* (they stay listed as reasons,
/// marked softened). A *fire* is never softened, and hard rules (abuse/physical, lie, dispute,
/// legal) are never softened at all.
public struct Softening: Hashable, Sendable, Codable {
    public var positives: Int
    public var window: Int
    public var quiet: Int
    public var enabled: Bool
    /// Where each value came from, by key (`positives`, `window`, `quiet`, `enabled`).
    public var origins: [String: ValueOrigin]

    public init(positives: Int, window: Int, quiet: Int, enabled: Bool, origins: [String: ValueOrigin] = [:]) {
        self.positives = positives
        self.window = window
        self.quiet = quiet
        self.enabled = enabled
        self.origins = origins
    }

    /// The default: 3 positive entries within 365 days and no incident in the last 90.
    public static let standard = Softening(positives: 3, window: 365, quiet: 90, enabled: true)

    /// Where the value under `key` came from.
    public func origin(of key: String) -> ValueOrigin { origins[key] ?? .default }
}
