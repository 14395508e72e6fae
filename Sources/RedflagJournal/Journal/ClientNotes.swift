import RedflagCore

/// One client's notes as `NotesDirectory.streamClients` hands them over: the client's profile, its
/// files without their entries, headings or text, and its entries.
public struct ClientNotes: Sendable {
    /// The client, with the profile its own files give it (as `Attribution` makes it).
    public var client: Client
    /// The client's files in path order, emptied of entries, headings, comments and text: what stays in
    /// the journal (path, front-matter fields, diagnostics, digest).
    public var files: [ParsedFile]
    /// The client's entries as a whole load holds them: files in path order, entries in file order.
    public var entries: [Entry]

    public init(client: Client, files: [ParsedFile], entries: [Entry]) {
        self.client = client
        self.files = files
        self.entries = entries
    }
}
