import RedflagCore

/// How a client is billed, from front matter `billing:`.
public enum Billing: String, Hashable, Sendable, Codable, CaseIterable {
    case hourly, fixed, retainer
}
