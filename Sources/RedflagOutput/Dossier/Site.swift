import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// A static site: `index.html` (the triage) and one HTML dossier per client, linked relatively.
///
/// Pure: builds the pages; `SiteWriter` puts them on disk. File names are client ids slugged to
/// `[a-z0-9-]` plus `.html`, never `index.html`, each unique.
public struct Site: Hashable, Sendable {
    /// One file of the site.
    public struct Page: Hashable, Sendable {
        /// The file name, `[a-z0-9-]+.html`.
        public var fileName: String
        public var html: String
    }

    /// The index page first, then the dossiers in triage order.
    public var pages: [Page]

    /// The name of the index page.
    public static let indexName = "index.html"

    public init(dossiers: [Dossier], triage: Triage, templates: HTMLTemplates) {
        let names = Site.fileNames(for: triage.rows.map(\.client.id.rawValue))
        var pages = [
            Page(fileName: Site.indexName, html: TriageHTMLRenderer.render(triage, templates: templates, links: names))
        ]
        for row in triage.rows {
            guard let dossier = dossiers.first(where: { $0.client.id == row.client.id }),
                let name = names[row.client.id.rawValue]
            else { continue }
            pages.append(
                Page(
                    fileName: name,
                    html: DossierHTMLRenderer.render(dossier, templates: templates, indexLink: Site.indexName)))
        }
        self.pages = pages
    }

    /// Client id → file name: `Slug.make(id).html`, made unique with `-2`, `-3`...; `index` is reserved.
    public static func fileNames(for ids: [String]) -> [String: String] {
        var used: Set<String> = ["index"]
        var names: [String: String] = [:]
        for id in ids.sorted() {
            let base = Slug.make(id)
            var name = base
            var counter = 2
            while used.contains(name) {
                name = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(name)
            names[id] = name + ".html"
        }
        return names
    }
}
