/// A convention of a note-taking tool that redflag detects in a notes directory and honours.
///
/// Every convention is on by default and applies where its syntax or layout is found; `redflag.yml`
/// can turn one off when it misreads someone's notes:
///
/// ```yaml
/// conventions:
///   wikilinks: off
/// ```
public enum NotesConvention: String, Hashable, Sendable, CaseIterable {
    /// `[[Page]]`, `[[Page|alias]]`, `![[embed]]`: links; nothing inside them is a tag.
    case wikilinks
    /// Obsidian `%% private comments %%`: never read, never shown.
    case comments
    /// Logseq `key:: value` page and block properties.
    case properties
    /// Dates as people write them: `05.03.2025`, `5 March 2025`, `12 апреля 2025`, `March 5, 2025`.
    case humanDates = "human-dates"
    /// Journals and daily notes shared by all clients: each block goes to the client page it links.
    case sharedJournals = "shared-journals"
    /// Tool folders, templates and the clients folder of Obsidian, Logseq and Foam vaults.
    case vaultLayout = "vault-layout"
}
