import RedflagCore
import RedflagJournal

/// The decision policy in force: one `Rule` per sign, plus softening by positive context.
///
/// `Policy.standard` is SIGNS.md's default; `Policy(configuration:)` applies the `policy:` section of
/// `redflag.yml` on top of it (see docs/policy.md). `assess(_:)` turns a `Timeline` into an
/// `Assessment`; `digest` identifies the rules in force.
public struct Policy: Hashable, Sendable, Codable {
    /// The rules, in SIGNS.md order.
    public var rules: [Rule]
    public var softening: Softening
    /// Whether `#resolved/SIGN` and `#forgiven/SIGN` entries may close hard signs (`Closure`).
    public var closing: Closing

    public init(rules: [Rule], softening: Softening, closing: Closing = .standard) {
        self.rules = rules
        self.softening = softening
        self.closing = closing
    }

    /// The rule with `id`, if any.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
