import Foundation
import RedflagCore

/// The record, kept in the site's folder, of the pages redflag wrote there: `.redflag-site.json`,
/// `{"generator": "redflag", "pages": ["acme.html", "index.html"], "schema": 1}`.
///
/// `SiteWriter` overwrites a page only when the manifest lists it, so a file of the same name that
/// the user put there is never lost; it also tells which pages a later run may remove when their
/// client is gone.
public struct SiteManifest: Hashable, Sendable, Codable {
    /// The manifest's file name in the output folder (hidden: not a page of the site).
    public static let fileName = ".redflag-site.json"
    public static let currentSchema = 1

    public var schema: Int
    public var generator: String
    /// Page file names, sorted.
    public var pages: [String]

    public init(pages: some Sequence<String>) {
        schema = Self.currentSchema
        generator = "redflag"
        self.pages = Set(pages).sorted()
    }

    /// The manifest in `directory`; nil when there is none. Throws when one is there but is not a
    /// regular file redflag can read (a link, a folder, another program's JSON).
    public static func read(in directory: URL) throws(SiteError) -> SiteManifest? {
        let url = directory.appendingPathComponent(fileName)
        guard let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        else { return nil }
        guard type == .typeRegular else {
            throw SiteError(message: "\(url.path) is not a regular file: remove it or choose another output folder")
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            let manifest = try? JSONDecoder().decode(SiteManifest.self, from: data), manifest.generator == "redflag",
            manifest.pages.allSatisfy(SitePaths.isSafeFileName)
        else {
            throw SiteError(
                message: "\(url.path) is not a manifest redflag wrote: remove it or choose another output folder")
        }
        return manifest
    }

    /// Writes the manifest into `directory`.
    public func write(in directory: URL) throws(SiteError) {
        let url = directory.appendingPathComponent(Self.fileName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
        } catch {
            throw SiteError(message: "\(url.path): cannot write (\(error.localizedDescription))")
        }
    }
}
