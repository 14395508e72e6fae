import RedflagCore
import RedflagJournal

extension Workspace {
    /// Reads the notes one client at a time in bounded memory, handing each client's entries to
    /// `consume` in output order (`NotesDirectory.streamByClient`); the journal that is returned has
    /// the clients, the files without their entries and every diagnostic, as `load` would report them.
    /// Nil, with nothing read, when the notes have shared files (daily notes, journals, vault pages):
    /// then `load` is the way.
    public func stream(
        options: NotesDirectory.LoadOptions = .standard, _ consume: (ClientID, [Entry]) -> Void
    ) -> Journal? {
        guard
            var journal = NotesDirectory.streamByClient(
                root: root, configuration: configuration, options: options, consume)
        else { return nil }
        journal.diagnostics += NotesCheck.warnings(journal)
        return journal
    }
}
