import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagKit
@testable import RedflagLint

/// Lint in two passes over plain notes (`Workspace.streamedLint`: train file by file, then lint file
/// by file) gives the result of loading the whole notes and linting them, whatever is asked.
@Suite("Streamed lint")
struct StreamedLintTests {
    static let asOf = Make.day("2026-11-29")

    /// Notes with what crosses files: duplicate clients, suppressions (used, unused, of a rule that
    /// compares files), a file that cannot be read, tagged entries to train on and untagged incidents.
    static func crossFileNotes() throws -> URL {
        let root = try StreamingLoadTests.trickyNotes()
        let files: [String: String] = [
            "beta.md": """
            ---
            client: Acme Corp
            aliases: [Beta]
            ---
            <!-- redflag-disable-next-line duplicate-client -- merged next month -->
            - 2025-03-01: They still have not paid invoice 2211, 60 days overdue.
            - 2025-03-02: Invoice 7 paid 40 days late again. #late
            - 2025-03-03: Invoice 8 paid 50 days late. #late
            <!-- redflag-disable-next-line unknown-tag -->
            - 2025-03-04: fine day
            - 2025-03-05: odd tag #lait

            """,
            "gamma/2025.md": """
            ---
            client: Beta
            redflag-disable: [date-order]
            ---
            ## 2025-04-02
            He lied about the budget again. #lie

            ## 2025-04-01
            Paid on time, thanks. #paid

            <!-- redflag-disable untagged-incident -->
            - 2025-04-03: He yelled at my assistant and threw the samples at the wall.
            <!-- redflag-enable untagged-incident -->
            - 2025-04-04: He yelled at my assistant and threw the samples at the wall.

            """,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The run of `workspace` over `files`, streamed (nil when it was loaded whole instead) and whole.
    static func runs(_ workspace: Workspace, files: [String]?, jobs: Int) -> (streamed: LintRun?, whole: LintRun) {
        let linter = Linter(configuration: workspace.lintSettings)
        let streamed = workspace.streamedLint(
            files: files, options: .init(jobs: jobs), asOf: asOf, linter: linter)?.0
        let whole = workspace.lint(files: files, options: .init(jobs: jobs), asOf: asOf, keepsJournal: true)
        return (streamed, whole)
    }

    static func expectSame(_ streamed: LintRun, _ whole: LintRun, _ comment: Comment) {
        #expect(streamed.result.findings == whole.result.findings, comment)
        #expect(streamed.result.files == whole.result.files, comment)
        #expect(streamed.result.sources == whole.result.sources, comment)
        #expect(streamed.result.rules.map(\.id) == whole.result.rules.map(\.id), comment)
        #expect(streamed.problems == whole.problems, comment)
        #expect(streamed.journal == nil && whole.journal != nil, comment)
    }

    @Test("plain notes: the findings, reported lines and problems of the whole load, any jobs", arguments: [1, 3])
    func sameAsWholeLoad(jobs: Int) throws {
        let notes = try Self.crossFileNotes()
        let samples = try StreamingLoadTests.plainSamples()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: samples.deletingLastPathComponent())
        }
        for root in [notes.path, samples.path] {
            let workspace = try Workspace.open(notes: root)
            let (streamed, whole) = Self.runs(workspace, files: nil, jobs: jobs)
            let run = try #require(streamed, "plain notes stream: \(root)")
            Self.expectSame(run, whole, "\(root)")
            let rules = Set(run.result.findings.map(\.rule))
            #expect(rules.contains(UntaggedIncidentRule.id), "\(root)")
            if root == notes.path {
                for id in [DuplicateClientRule.id, UnusedSuppressionRule.id, MissingReasonRule.id, UnknownTagRule.id] {
                    #expect(rules.contains(id), "\(id)")
                }
                #expect(run.problems.contains { $0.file == "zed.md" })
            }
        }
    }

    @Test("only some files: the findings of those files, the detector trained on all notes")
    func someFiles() throws {
        let notes = try Self.crossFileNotes()
        defer { try? FileManager.default.removeItem(at: notes) }
        let workspace = try Workspace.open(notes: notes.path)
        for files in [["beta.md"], ["gamma/2025.md", "acme.md"], ["acme/2025-01.md"], ["zed.md"]] {
            let (streamed, whole) = Self.runs(workspace, files: files, jobs: 2)
            let run = try #require(streamed, "\(files)")
            Self.expectSame(run, whole, "\(files)")
            #expect(run.result.findings.allSatisfy { files.contains($0.file) })
        }
        // A duplicate claim in a file asked for is found by comparing it with every other file.
        let (streamed, _) = Self.runs(workspace, files: ["beta.md"], jobs: 1)
        #expect(streamed?.result.findings.contains { $0.rule == DuplicateClientRule.id } == true)
        // A file the walk does not give is loaded as before.
        #expect(Self.runs(workspace, files: ["nowhere.md"], jobs: 1).streamed == nil)
    }

    @Test("the detector's training, streamed, is the whole load's: rule off, custom severities")
    func configured() throws {
        let notes = try Self.crossFileNotes()
        defer { try? FileManager.default.removeItem(at: notes) }
        for yaml in [
            "lint:\n  rules:\n    untagged-incident: off\n",
            "lint:\n  rules:\n    duplicate-client: error\n    unknown-tag: off\n",
        ] {
            try Data(yaml.utf8).write(to: notes.appendingPathComponent("redflag.yml"))
            let workspace = try Workspace.open(notes: notes.path)
            let (streamed, whole) = Self.runs(workspace, files: nil, jobs: 2)
            Self.expectSame(try #require(streamed), whole, "\(yaml)")
        }
    }

    @Test("shared notes (an Obsidian vault with daily notes) are loaded whole")
    func vaultLoadsWhole() throws {
        let workspace = try Workspace.open(notes: TestPaths.samples.path)
        #expect(Self.runs(workspace, files: nil, jobs: 2).streamed == nil)
        #expect(workspace.lint(files: nil, options: .standard, asOf: Self.asOf).journal != nil)
    }
}
