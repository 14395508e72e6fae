import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Builds journals from in-memory files and lints them, for rule examples and fix tests.
enum LintHarness {
    static let asOf = RuleExample.asOf

    /// A journal of `files` (path → text); a `redflag.yml` among them is the configuration.
    static func journal(_ files: [(String, String)]) throws -> Journal {
        var configuration = Configuration.standard
        if let yaml = files.first(where: { $0.0 == Configuration.fileName }) {
            configuration = try Configuration.parse(yaml.1)
        }
        let parser = JournalParser(configuration: configuration)
        let notes = files.filter { $0.0 != Configuration.fileName }
        let layout = NotesLayout.detect(paths: notes.map(\.0), configuration: configuration)
        let parsed = notes.filter { layout.role(of: $0.0) != .template }.map {
            parser.parse(path: $0.0, client: NotesDirectory.clientID(forRelativePath: $0.0), bytes: Array($0.1.utf8))
        }
        return NotesDirectory.assemble(root: ".", configuration: configuration, files: parsed, layout: layout)
    }

    /// Lints `files` with every rule, as of 2026-11-29.
    static func lint(_ files: [(String, String)], configuration: LintConfiguration = LintConfiguration()) throws
        -> LintResult
    {
        Linter(configuration: configuration).lint(try journal(files), asOf: asOf)
    }

    /// Lints one file `acme.md`.
    static func lint(_ markdown: String) throws -> LintResult {
        try lint([("acme.md", markdown)])
    }
}
