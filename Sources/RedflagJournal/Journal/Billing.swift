import RedflagCore

/// How a client is billed, from front matter `billing:`.
public enum Billing: String, Hashable, Sendable, Codable, CaseIterable {
    case hourly, fixed, retainer

    /// The billing a front-matter value names: a canonical name (`hourly`, `fixed`, `retainer`) or one of
    /// the common ways people write them (`monthly` is a retainer, `milestones` a fixed price, `t&m` hourly;
    /// ``aliases`` lists them all). Case, spaces, hyphens and underscores do not matter; nil when unknown.
    public init?(written: String) {
        let key = Billing.key(written)
        guard let billing = Billing(rawValue: key) ?? Billing.aliases[key] else { return nil }
        self = billing
    }

    /// Other names for each billing, as people write them in front matter (English and Russian), in their
    /// normal form (lower case, words joined by `-`).
    public static let aliases: [String: Billing] = [
        "hour": .hourly, "per-hour": .hourly, "time-and-materials": .hourly, "t&m": .hourly, "daily": .hourly,
        "day-rate": .hourly, "почасовая": .hourly, "почасово": .hourly, "почасовка": .hourly,
        "fixed-price": .fixed, "fixed-fee": .fixed, "flat": .fixed, "flat-fee": .fixed, "project": .fixed,
        "per-project": .fixed, "milestone": .fixed, "milestones": .fixed, "фикс": .fixed,
        "фиксированная": .fixed, "фиксированная-цена": .fixed, "за-проект": .fixed, "поэтапно": .fixed,
        "monthly": .retainer, "subscription": .retainer, "ретейнер": .retainer,
        "абонентская": .retainer, "абонентка": .retainer,
        "ежемесячно": .retainer,
    ]

    /// `written` in the form ``aliases`` uses: trimmed, lower case, runs of spaces, `_` and `-` as one `-`.
    static func key(_ written: String) -> String {
        let words = written.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
        return words.joined(separator: "-")
    }
}
