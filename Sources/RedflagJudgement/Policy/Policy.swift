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

    public init(rules: [Rule], softening: Softening) {
        self.rules = rules
        self.softening = softening
    }

    /// The rule with `id`, if any.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
