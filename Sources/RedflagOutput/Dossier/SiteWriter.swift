import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Writes a `Site` to disk: the only code of the site that touches the file system.
///
/// Safety: the output directory may not be the notes directory nor inside it (after resolving
/// symbolic links); it is created when missing (its parent must exist); no file is written through
/// a symbolic link, and page names are `[a-z0-9-]+.html`, so nothing is written outside it. An
/// existing page is overwritten only when the folder's `SiteManifest` says redflag wrote it; every
/// page is checked before the first is written, so a refusal leaves the folder as it was. Pages the
/// manifest lists that the new site no longer has (clients that are gone) are removed afterwards;
/// no other file is ever removed.
public enum SiteWriter {
    /// Writes the manifest, then every page of `site`, into `output`; returns the paths written.
    @discardableResult
    public static func write(_ site: Site, to output: String, notes: String) throws(SiteError) -> [String] {
        let directory = try prepare(output: output, notes: notes)
        let manifest = try SiteManifest.read(in: directory)
        let owned = Set(manifest?.pages ?? [])
        try check(site.pages.map(\.fileName), in: directory, owned: owned)
        // The manifest first: a page written before a later one fails is already redflag's.
        // Earlier pages still on disk stay listed, so that they can be told from the user's files.
        let earlier = owned.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        try SiteManifest(pages: site.pages.map(\.fileName) + earlier).write(in: directory)
        var written: [String] = []
        for page in site.pages {
            let url = directory.appendingPathComponent(page.fileName)
            do {
                try Data(page.html.utf8).write(to: url, options: .atomic)
            } catch {
                throw SiteError(message: "\(url.path): cannot write (\(error.localizedDescription))")
            }
            written.append(url.path)
        }
        let current = Set(site.pages.map(\.fileName))
        try removeStale(earlier.subtracting(current), in: directory)
        try SiteManifest(pages: current).write(in: directory)
        return written
    }

    /// Refuses to write any of the pages `names` into `directory`: an unsafe name, a symbolic link or
    /// something not a regular file in its place, or a file redflag did not write (not in `owned`).
    static func check(_ names: [String], in directory: URL, owned: Set<String>) throws(SiteError) {
        for name in names {
            guard SitePaths.isSafeFileName(name) else {
                throw SiteError(message: "refusing the page name '\(name)'")
            }
            let url = directory.appendingPathComponent(name)
            guard let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            else { continue }
            if type == .typeSymbolicLink {
                throw SiteError(message: "\(url.path) is a symbolic link: refusing to write through it")
            }
            if type != .typeRegular {
                throw SiteError(message: "\(url.path) exists and is not a regular file")
            }
            if !owned.contains(name) {
                throw SiteError(
                    message: "\(url.path) exists and redflag did not write it: refusing to overwrite it "
                        + "(move it away, or give an empty or new --output folder)")
            }
        }
    }

    /// Removes the pages redflag wrote earlier for clients that are gone (`stale`: listed in the
    /// manifest), and only those still regular files (a link or folder in their place is left alone).
    static func removeStale(_ stale: Set<String>, in directory: URL) throws(SiteError) {
        for stale in stale.sorted() {
            let url = directory.appendingPathComponent(stale)
            guard SitePaths.isSafeFileName(stale),
                let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType,
                type == .typeRegular
            else { continue }
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw SiteError(message: "\(url.path): cannot remove the page of a client that is gone (\(error))")
            }
        }
    }

    /// Checks `output` against `notes` and creates it when missing; returns its resolved URL.
    static func prepare(output: String, notes: String) throws(SiteError) -> URL {
        let manager = FileManager.default
        let notesPath = URL(fileURLWithPath: notes).resolvingSymlinksInPath().standardizedFileURL.path
        let given = URL(fileURLWithPath: output).standardizedFileURL
        let parent = given.deletingLastPathComponent().resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError(message: "\(output): the folder \(parent.path) does not exist (create it first)")
        }
        // Resolve through the parent, which exists: a missing path is not resolved by Foundation.
        var resolved = parent.standardizedFileURL.appendingPathComponent(given.lastPathComponent)
        if (try? manager.destinationOfSymbolicLink(atPath: resolved.path)) != nil {
            resolved = resolved.resolvingSymlinksInPath().standardizedFileURL
        }
        if SitePaths.isInside(resolved.path, notesPath) {
            throw SiteError(
                message: "\(output) is the notes directory or inside it: give an output folder outside \(notes)")
        }
        if manager.fileExists(atPath: resolved.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteError(message: "\(output) exists and is not a directory") }
        } else {
            do {
                try manager.createDirectory(at: resolved, withIntermediateDirectories: false)
            } catch {
                throw SiteError(message: "\(output): cannot create the folder (\(error.localizedDescription))")
            }
        }
        return resolved
    }
}
