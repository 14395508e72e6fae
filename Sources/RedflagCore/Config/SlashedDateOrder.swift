/// How a slashed date such as `03/05/2025` is read, from `dates:` in `redflag.yml`.
///
/// Without it, a slashed date with the year last is ambiguous (3 May or March 5?), and redflag
/// reports it instead of guessing.
public enum SlashedDateOrder: String, Hashable, Sendable, CaseIterable {
    /// Day, month, year: `03/05/2025` is 3 May 2025.
    case dmy
    /// Month, day, year: `03/05/2025` is March 5, 2025.
    case mdy
}
