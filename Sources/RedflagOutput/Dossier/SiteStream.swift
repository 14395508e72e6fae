import Foundation
import RedflagCore
import RedflagJudgement

/// Writes a site page by page as clients are judged (`redflag site` over plain notes), so that no
/// more than one dossier page is held: the same files, byte for byte, that `Site` and
/// `SiteWriter.write` make, with the same safety.
///
/// Every page name is known before the first page is written (the client ids), so every page is
/// checked first, as `SiteWriter.write` does: a refusal leaves the folder as it was. The manifest
/// lists every page before any is written; the dossier pages follow, one per `write(_:)`, then
/// `finish` writes the index, removes the pages of clients that are gone and writes the final manifest.
public struct SiteStream {
    /// The resolved output folder.
    let directory: URL
    /// Client id → page name (`Site.fileNames`).
    public let names: [String: String]
    /// Pages of an earlier site that are still on disk.
    let earlier: Set<String>
    let templates: HTMLTemplates
    /// The paths written so far.
    public private(set) var written: [String] = []

    /// Checks `output` and every page the clients `ids` will have (as `SiteWriter.write` does), then
    /// writes the manifest listing them.
    public init(output: String, notes: String, clientIDs ids: [String], templates: HTMLTemplates) throws(SiteError) {
        let directory = try SiteWriter.prepare(output: output, notes: notes)
        let names = Site.fileNames(for: ids)
        let owned = Set(try SiteManifest.read(in: directory)?.pages ?? [])
        let pages = [Site.indexName] + ids.compactMap { names[$0] }
        try SiteWriter.check(pages, in: directory, owned: owned)
        let earlier = owned.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        // The manifest first: a page written before a later one fails is already redflag's.
        try SiteManifest(pages: pages + earlier).write(in: directory)
        self.directory = directory
        self.names = names
        self.earlier = earlier
        self.templates = templates
    }

    /// Writes the page of one judged client (the dossier `Site` would render for it).
    public mutating func write(_ dossier: Dossier) throws(SiteError) {
        guard let name = names[dossier.client.id.rawValue] else { return }
        try write(name, DossierHTMLRenderer.render(dossier, templates: templates, indexLink: Site.indexName))
    }

    /// Writes the index (the triage, each client linking to its page), removes the pages of clients
    /// that are gone, and writes the final manifest.
    public mutating func finish(_ triage: Triage) throws(SiteError) {
        try write(Site.indexName, TriageHTMLRenderer.render(triage, templates: templates, links: names))
        let current = Set([Site.indexName] + triage.rows.compactMap { names[$0.client.id.rawValue] })
        try SiteWriter.removeStale(earlier.subtracting(current), in: directory)
        try SiteManifest(pages: current).write(in: directory)
    }

    private mutating func write(_ name: String, _ html: String) throws(SiteError) {
        let url = directory.appendingPathComponent(name)
        do {
            try Data(html.utf8).write(to: url, options: .atomic)
        } catch {
            throw SiteError(message: "\(url.path): cannot write (\(error.localizedDescription))")
        }
        written.append(url.path)
    }
}
