import RedflagJournal

/// What `Workspace.streamSite` did.
public struct StreamedSite: Sendable {
    /// The notes as read: clients, files without entries, every diagnostic.
    public var journal: Journal
    /// The pages written.
    public var written: [String]
    /// True when the notes changed while they were read: the site must be written again from a whole load.
    public var changed: Bool
}
