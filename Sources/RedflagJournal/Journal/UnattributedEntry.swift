import RedflagCore

/// An entry of a shared note (a daily note, a journal, a page) that no single client claims: it
/// links no client page, or several. Lint reports it (`unattributed-entry`); nothing guesses.
public struct UnattributedEntry: Hashable, Sendable {
    /// Why the entry has no client.
    public enum Reason: Hashable, Sendable {
        /// It links no client page (no `[[Client]]`, alias or `#client`).
        case noClient
        /// It links more than one client (ids, sorted).
        case severalClients([ClientID])
    }

    public var entry: Entry
    public var reason: Reason

    public init(entry: Entry, reason: Reason) {
        self.entry = entry
        self.reason = reason
    }
}
