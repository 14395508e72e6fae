import Foundation
import RedflagKit
import Testing

@testable import RedflagLint

/// `redflag log` below the command line: where an entry goes (`CaptureTarget`), what bytes it adds
/// and where (`EntryInsertion`: the old bytes always stay, in order), and the new-file writer's
/// failure branches (`AtomicFileWriter.create`).
@Suite("Capture: quick entries")
struct CaptureTests {
    static func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

    /// Plans `text` into `old` (parsed as `path`) and returns the new file, checking that the old
    /// bytes are kept: the new file is the old one with one run of bytes inserted.
    static func insert(
        _ text: String, date: String, time: String? = nil, into old: String, path: String = "acme.md",
        daily: Bool = false
    ) throws -> (new: String, insertion: EntryInsertion) {
        let bytes = Array(old.utf8)
        let file = JournalParser().parse(path: path, client: "acme", bytes: bytes)
        let insertion = EntryInsertion.plan(
            text: text, date: try day(date), time: time, into: bytes, file: file, isDailyFile: daily)
        let new = insertion.applied(to: bytes)
        #expect(Array(new[..<insertion.offset]) == Array(bytes[..<insertion.offset]))
        #expect(Array(new[(insertion.offset + insertion.bytes.count)...]) == Array(bytes[insertion.offset...]))
        // The entry reads back with its date at the line the insertion names.
        let parsed = JournalParser().parse(path: path, client: "acme", bytes: new)
        #expect(
            parsed.entries.contains { $0.line == insertion.entryLine && $0.date == (try? day(date)) },
            "\(String(decoding: new, as: UTF8.self))")
        return (String(decoding: new, as: UTF8.self), insertion)
    }

    @Test("a new day goes at the end under its own heading: the old file is a byte prefix of the new")
    func newDayAppends() throws {
        let old = "# Acme\n\n## 2026-11-01\n\n- kickoff\n"
        let (new, insertion) = try Self.insert("Paid 34 days late #late", date: "2026-11-29", into: old)
        #expect(insertion.offset == old.utf8.count)
        #expect(new == old + "\n## 2026-11-29\n\n- Paid 34 days late #late\n")
        #expect(insertion.entryLine == 9)
    }

    @Test("the day's heading exists: the entry ends that section, before the next heading")
    func sameDaySection() throws {
        let old = "## 2026-11-01\n\nkickoff call\n\n## 2026-11-05\n\n- later\n"
        let (new, _) = try Self.insert("invoice sent", date: "2026-11-01", into: old)
        #expect(new == "## 2026-11-01\n\nkickoff call\n\n- invoice sent\n\n## 2026-11-05\n\n- later\n")
    }

    @Test("a back-dated day without a heading gets one in the file's order, ascending or newest first")
    func backDatedInOrder() throws {
        let ascending = "## 2026-01-01\n\n- a\n\n## 2026-03-01\n\n- c\n"
        #expect(
            try Self.insert("b", date: "2026-02-01", into: ascending).new
                == "## 2026-01-01\n\n- a\n\n## 2026-02-01\n\n- b\n\n## 2026-03-01\n\n- c\n")
        let descending = "## 2026-03-01\n\n- c\n\n## 2026-01-01\n\n- a\n"
        #expect(
            try Self.insert("b", date: "2026-02-01", into: descending).new
                == "## 2026-03-01\n\n- c\n\n## 2026-02-01\n\n- b\n\n## 2026-01-01\n\n- a\n")
        // Newest first and newer than all: at the top of the dated part, before the first heading.
        #expect(
            try Self.insert("d", date: "2026-04-01", into: descending).new
                == "## 2026-04-01\n\n- d\n\n## 2026-03-01\n\n- c\n\n## 2026-01-01\n\n- a\n")
    }

    @Test("a time gives the entry a heading of its own; the heading level follows the file's")
    func timeAndLevel() throws {
        let old = "# Log\n\n### 2026-11-01\n\n- a\n"
        #expect(
            try Self.insert("call", date: "2026-11-01", time: "14:30", into: old).new
                == old + "\n### 2026-11-01 14:30\n\n- call\n")
    }

    @Test("line endings follow the file; a last line without a newline is ended, not changed")
    func lineEndings() throws {
        let crlf = "## 2026-11-01\r\n\r\n- a\r\n"
        let (new, insertion) = try Self.insert("b #late", date: "2026-11-29", into: crlf)
        #expect(new == crlf + "\r\n## 2026-11-29\r\n\r\n- b #late\r\n")
        #expect(
            !String(decoding: insertion.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let open = "- 2026-11-01: a"
        #expect(try Self.insert("b", date: "2026-11-29", into: open).new == open + "\n\n## 2026-11-29\n\n- b\n")
    }

    @Test("a daily file needs no heading; a multi-line text stays one entry")
    func dailyFileAndMultiline() throws {
        let (new, _) = try Self.insert(
            "Long call.\n\nShe asked for a discount #unreasonable\n", date: "2026-11-29", into: "- morning\n",
            path: "acme/2026-11-29.md", daily: true)
        #expect(new == "- morning\n- Long call.\n\n  She asked for a discount #unreasonable\n")
        let parsed = JournalParser().parse(path: "acme/2026-11-29.md", client: "acme", bytes: Array(new.utf8))
        #expect(parsed.entries.count == 2)
        #expect(parsed.entries.last?.tags.map(\.name) == ["unreasonable"])
    }

    @Test("the target follows the client's layout: its file, or its folder's newest dated file pattern")
    func targets() throws {
        let day = try Self.day("2026-11-29")
        let file = Client(id: "acme", name: "Acme", files: ["acme.md"])
        #expect(CaptureTarget.choose(for: file, date: day)?.path == "acme.md")
        let monthly = Client(
            id: "nord", name: "Nord", files: ["nord/2025-03.md", "nord/2026-10.md", "nord/profile.md"])
        #expect(
            CaptureTarget.choose(for: monthly, date: day)
                == CaptureTarget(path: "nord/2026-11.md", isNew: true, isDailyFile: false))
        let october = try Self.day("2026-10-02")
        #expect(CaptureTarget.choose(for: monthly, date: october)?.isNew == false)
        let daily = Client(
            id: "helix", name: "Helix", files: ["helix/2025.md", "helix/2025/2025-06-01.md", "helix/profile.md"])
        #expect(
            CaptureTarget.choose(for: daily, date: day)
                == CaptureTarget(path: "helix/2026/2026-11-29.md", isNew: true, isDailyFile: true))
        let yearly = Client(id: "rom", name: "Rom", files: ["rom/2025.md", "rom/2026.md"])
        #expect(CaptureTarget.choose(for: yearly, date: day)?.path == "rom/2026.md")
        let clients = Client(id: "acme", name: "Acme", files: ["Clients/Acme.md"])
        #expect(CaptureTarget.choose(for: clients, date: day)?.path == "Clients/Acme.md")
        let undatedNames = Client(id: "b", name: "B", files: ["b/notes.md", "b/profile.md"])
        #expect(
            CaptureTarget.choose(for: undatedNames, date: day, newestEntry: ["b/notes.md": day])?.path == "b/notes.md")
    }

    @Test(
        "creating a new file: each failing step leaves no file and no temporary file",
        arguments: [
            (FailingFileSystem.Step.create, "cannot create a temporary file"),
            (.write, "cannot write the temporary file"),
            (.setMode, "cannot set the new file's permissions"),
            (.sync, "cannot flush the temporary file to disk"),
            (.close, "cannot close the temporary file"),
            (.rename, "cannot move the new file into place"),
        ])
    func createFailingStep(step: FailingFileSystem.Step, message: String) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("acme.md").path
        let outcome = AtomicFileWriter.create(
            path: path, with: Array("- a\n".utf8), fileSystem: FailingFileSystem(failing: [step]))
        guard case let .failed(reason) = outcome else {
            Issue.record("\(step): \(outcome)")
            return
        }
        #expect(reason.hasPrefix(message), "\(step): \(reason)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(step)")
    }

    @Test("creating never replaces an existing file, and a new file is whole with mode 0644")
    func createNeverReplaces() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("acme.md").path
        #expect(AtomicFileWriter.create(path: path, with: Array("- a\n".utf8)) == .written)
        #expect(AtomicFileWriter.read(path) == Array("- a\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        guard case .refused = AtomicFileWriter.create(path: path, with: Array("- b\n".utf8)) else {
            Issue.record("an existing file was not refused")
            return
        }
        #expect(AtomicFileWriter.read(path) == Array("- a\n".utf8))
    }

    @Test("capture through a failing file system: refused with the step, the note untouched")
    func captureFailingWrite() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = "## 2026-11-01\n\n- a\n"
        try Data(old.utf8).write(to: folder.appendingPathComponent("acme.md"))
        let workspace = try Workspace.open(notes: folder.path)
        let capture = Capture(client: "acme", text: "b #late", date: try Self.day("2026-11-29"))
        let result = try capture.run(
            in: workspace, journal: workspace.load(), fileSystem: FailingFileSystem(failing: [.rename]))
        guard case let .refused(problems) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(problems.first?.message.contains("cannot replace the file") == true, "\(problems)")
        #expect(try String(contentsOf: folder.appendingPathComponent("acme.md"), encoding: .utf8) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["acme.md"])
    }
}
