import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// `Site` names its pages safely; `SiteWriter` never writes outside the output folder or into the notes.
@Suite("Site pages and path safety")
struct SiteTests {
    static func site() throws -> Site {
        let dossier = DossierEscapingTests.dossier()
        let triage = Triage([dossier], asOf: Make.asOf, policyDigest: "p", inputDigest: "i")
        return Site(dossiers: [dossier], triage: triage, templates: try HTMLTemplates.load())
    }

    @Test("file names are slugged, unique, and never index.html for a client")
    func fileNames() {
        let names = Site.fileNames(for: ["index", "acme", "Acme", "../etc/passwd", "café"])
        #expect(names["index"] == "index-2.html")
        #expect(Set([names["acme"], names["Acme"]]) == ["acme.html", "acme-2.html"])
        #expect(names["../etc/passwd"] == "etc-passwd.html")
        #expect(names["café"] == "cafe.html")
        for name in names.values { #expect(SitePaths.isSafeFileName(name)) }
        #expect(!SitePaths.isSafeFileName("../x.html"))
        #expect(!SitePaths.isSafeFileName("a/b.html"))
    }

    @Test("the index links each dossier relatively and each dossier links back")
    func links() throws {
        let site = try Self.site()
        #expect(site.pages.map(\.fileName) == ["index.html", "evil.html"])
        #expect(site.pages[0].html.contains("href=\"evil.html\""))
        #expect(site.pages[1].html.contains("href=\"index.html\""))
    }

    @Test("refuses an output folder equal to or inside the notes, also through a symbolic link")
    func refusesNotes() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("# a\n".utf8).write(to: notes.appendingPathComponent("a.md"))
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: notes)
        let site = try Self.site()
        for output in [
            notes.path, notes.path + "/", notes.path + "/site", link.path, link.path + "/site",
            notes.path + "/../notes",
        ] {
            #expect(throws: SiteError.self, "\(output)") { try SiteWriter.write(site, to: output, notes: notes.path) }
        }
        let listing = try FileManager.default.contentsOfDirectory(atPath: notes.path)
        #expect(listing == ["a.md"], "nothing was written into the notes")
    }

    @Test("writes every page into the output folder, never through a symbolic link")
    func writesAndRefusesSymlinks() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let output = root.appendingPathComponent("site")
        let site = try Self.site()
        let written = try SiteWriter.write(site, to: output.path, notes: notes.path)
        #expect(written.count == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [
                SiteManifest.fileName, "evil.html", "index.html",
            ])

        let outside = root.appendingPathComponent("outside.html")
        try Data("keep me".utf8).write(to: outside)
        try FileManager.default.removeItem(at: output.appendingPathComponent("evil.html"))
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent("evil.html"), withDestinationURL: outside)
        #expect(throws: SiteError.self) { try SiteWriter.write(site, to: output.path, notes: notes.path) }
        #expect(String(decoding: try Data(contentsOf: outside), as: UTF8.self) == "keep me")

        #expect(throws: SiteError.self, "a missing parent folder is not created") {
            try SiteWriter.write(site, to: root.appendingPathComponent("no/such/site").path, notes: notes.path)
        }
    }

    @Test("a sibling folder whose name starts with the notes folder's name is not inside it")
    func siblingPrefix() throws {
        #expect(!SitePaths.isInside("/x/notes-site", "/x/notes"))
        #expect(!SitePaths.isInside("/x/notes2/a.html", "/x/notes"))
        #expect(SitePaths.isInside("/x/notes/site", "/x/notes"))
        #expect(SitePaths.isInside("/x/notes", "/x/notes/"))
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let site = try Self.site()
        #expect(
            try SiteWriter.write(site, to: root.appendingPathComponent("notes-site").path, notes: notes.path).count == 2
        )
        #expect(throws: SiteError.self) { try SiteWriter.write(site, to: notes.path + "/site", notes: notes.path) }
    }

    @Test("the manifest: pages redflag wrote are overwritten, a user's file of the same name is not")
    func manifest() throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        let output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let site = try Self.site()
        // A user's page where redflag would write one: refused, and nothing at all is written.
        try Data("mine".utf8).write(to: output.appendingPathComponent("evil.html"))
        #expect(throws: SiteError.self) { try SiteWriter.write(site, to: output.path, notes: notes.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["evil.html"])
        #expect(
            String(decoding: try Data(contentsOf: output.appendingPathComponent("evil.html")), as: UTF8.self) == "mine")

        try FileManager.default.removeItem(at: output.appendingPathComponent("evil.html"))
        try SiteWriter.write(site, to: output.path, notes: notes.path)
        let manifest = try #require(try SiteManifest.read(in: output))
        #expect(manifest.pages == ["evil.html", "index.html"])
        // A page redflag wrote for a client that is gone is removed; a user's page never is, nor a
        // link standing where a listed page was.
        try SiteManifest(pages: manifest.pages + ["gone.html", "linked.html"]).write(in: output)
        try Data("old page".utf8).write(to: output.appendingPathComponent("gone.html"))
        try Data("my own page".utf8).write(to: output.appendingPathComponent("mine.html"))
        let target = root.appendingPathComponent("target.html")
        try Data("target".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent("linked.html"), withDestinationURL: target)
        try SiteWriter.write(site, to: output.path, notes: notes.path)
        #expect(try SiteManifest.read(in: output)?.pages == ["evil.html", "index.html"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("gone.html").path))
        #expect(
            String(decoding: try Data(contentsOf: output.appendingPathComponent("mine.html")), as: UTF8.self)
                == "my own page")
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self) == "target")
        #expect(
            (try? FileManager.default.destinationOfSymbolicLink(
                atPath: output.appendingPathComponent("linked.html").path))
                != nil, "a link is never removed")

        // A manifest redflag did not write, or a link in its place, is refused.
        try Data("{\"pages\": [\"index.html\"]}".utf8).write(to: output.appendingPathComponent(SiteManifest.fileName))
        #expect(throws: SiteError.self) { try SiteWriter.write(site, to: output.path, notes: notes.path) }
        try FileManager.default.removeItem(at: output.appendingPathComponent(SiteManifest.fileName))
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent(SiteManifest.fileName).path,
            withDestinationPath: root.appendingPathComponent("elsewhere.json").path)
        #expect(throws: SiteError.self) { try SiteWriter.write(site, to: output.path, notes: notes.path) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("elsewhere.json").path))
    }
}
