import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal
import RedflagLint

extension Workspace {
    /// Lints the whole notes directory (`files` nil) or only `files` (relative to the root; the
    /// detector still learns from all notes, `duplicate-client` still compares all clients).
    ///
    /// With `cache`, an unchanged tree (same files, sizes and modification times, or the same bytes;
    /// same configuration, `--as-of`, files asked for and version: `LintCache.Key`) is not read: the
    /// last run's findings and problems are replayed, and render to the same bytes. Otherwise the
    /// notes are read and linted, and the run is remembered. `--fix` passes no cache: it decides
    /// from the files as they are, and needs the journal.
    /// `replaying: false` when `replayedLint` was just asked: the cache is then only written, under
    /// `key` when given (the key `replayedLint` was asked with), else a key taken now.
    ///
    /// Plain notes (every file a client's own) are linted in two passes over the files, in bounded
    /// memory (`streamedLint`), unless `keepsJournal` (`--fix` rewrites the files from it); the run
    /// then has no journal. Other notes (shared daily notes, journals, vault pages) are loaded whole.
    /// Both give the same result.
    public func lint(
        files: [String]?, options: NotesDirectory.LoadOptions, asOf: CalendarDate, cache: LintCache? = nil,
        key given: LintCache.Key? = nil, replaying: Bool = true, keepsJournal: Bool = false
    ) -> LintRun {
        let linter = Linter(configuration: lintSettings)
        let key = cache.map { given ?? $0.key(workspace: self, files: files, asOf: asOf) }
        if replaying, let cache, let key, let replayed = cache.replay(key, rules: linter.ruleDescriptions) {
            return replayed
        }
        if !keepsJournal, let (run, digests) = streamedLint(files: files, options: options, asOf: asOf, linter: linter)
        {
            if let cache, let key, let digests { cache.save(run, digests: digests, key: key) }
            return run
        }
        let journal = files.map { load(including: $0, options: options) } ?? load(options: options)
        let covered = Set(files ?? journal.files.map(\.path))
        let problems =
            journal.diagnostics
            + journal.files.filter { covered.contains($0.path) }.flatMap { file in
                file.diagnostics.filter { !LintRules.coversDiagnostic($0, in: file) }
            }
        let result = linter.lint(journal, asOf: asOf, paths: files.map(Set.init))
        let run = LintRun(result: result, problems: problems, journal: journal)
        if let cache, let key { cache.save(run, journal: journal, key: key) }
        return run
    }

    /// Lints plain notes without loading them: the first pass reads every file in path order for
    /// the detector's training (`LintTraining`) and keeps only each file's front matter (for the
    /// clients and the rules that compare files); the second reads the files linted again, one at a
    /// time, and keeps only their findings and the lines those point at (`LintSession`). Memory holds
    /// the files in flight, the detector's counts and the findings, whatever the number of files.
    /// Also returns each file's SHA-256 for the lint cache (nil when a file changed between the
    /// passes: the run is then not remembered). Nil, with nothing linted, when the notes are not
    /// plain, or a file asked for is not a notes file of the walk or cannot be read: `load` then.
    func streamedLint(files asked: [String]?, options: NotesDirectory.LoadOptions, asOf: CalendarDate, linter: Linter)
        -> (LintRun, digests: [String: String]?)?
    {
        // Only `untagged-incident` asks the detector: without it, nothing is trained.
        let trains = linter.configuration.isEnabled(UntaggedIncidentRule.id)
        var training = trains ? LintTraining(detector: IncidentDetector(lexicon: lintSettings.lexicon)) : nil
        var stubs: [ParsedFile] = []
        var digests: [String: String] = [:]
        var first = options
        first.keepsSource = false
        let reader = training
        guard
            let stream = NotesDirectory.streamFiles(
                root: root, configuration: configuration, options: first, require: asked ?? [],
                transform: { file in
                    (Workspace.stub(of: file), reader?.read(file))
                },
                consume: { value in
                    let (stub, examples) = value
                    if let examples { training?.add(examples) }
                    digests[stub.path] = stub.digest
                    stubs.append(stub)
                })
        else { return nil }
        // A file asked for that cannot be read is reported as `load(including:)` reports it.
        if let asked, asked.contains(where: stream.failed.contains) { return nil }
        var notes = NotesDirectory.assemble(
            root: root, configuration: configuration, files: stubs, layout: stream.layout,
            diagnostics: stream.diagnostics)
        notes.diagnostics += NotesCheck.warnings(notes)
        // The counts are not needed once the model is made, nor the files' front matter once the
        // notes are assembled: pass 2 holds only the model, the notes and the findings.
        stubs = []
        let trained = training?.trained()
        training = nil
        let session = linter.session(notes: notes, trained: trained, asOf: asOf)

        var results: [LintSession.FileResult] = []
        var problems: [Diagnostic] = []
        var changed = false
        var second = options
        second.keepsSource = true
        let paths = asked.map(Set.init)
        let again = NotesDirectory.streamFiles(
            root: root, configuration: configuration, options: second, only: paths, savesCache: false,
            transform: { file in
                (
                    session.lint(file), file.digest,
                    file.diagnostics.filter { !LintRules.coversDiagnostic($0, in: file) }
                )
            },
            consume: { value in
                let (result, digest, uncovered) = value
                changed = changed || digests[result.path] != digest
                results.append(result)
                problems += uncovered
            })
        // The notes changed between the passes so much that they are no longer plain: load them.
        guard let again else { return nil }
        // Read once but not twice (removed meanwhile): its problem is reported too.
        problems += again.diagnostics.filter { !notes.diagnostics.contains($0) }
        let linted = results.map(\.path)
        let result = session.result(results, files: linted, paths: paths)
        let run = LintRun(result: result, problems: notes.diagnostics + problems, journal: nil)
        return (run, changed ? nil : digests)
    }

    /// What the first pass keeps of a file: its path, client, front matter and digest.
    private static func stub(of file: ParsedFile) -> ParsedFile {
        var stub = file
        stub.entries = []
        stub.headings = []
        stub.comments = []
        stub.diagnostics = []
        stub.source = SourceText("")
        return stub
    }

    /// The run `cache` remembers for linting `files` as of `asOf` when nothing it depends on changed
    /// (`LintCache`); nil otherwise. Reads no note. A workspace opened with `checksLexicon: false`
    /// will do: the bundled lexicon is the one of the run remembered (the version is in the key).
    /// `reasons: false` when no suggestion's reasons will be shown (no `--explain`): they are not decoded.
    public func replayedLint(files: [String]?, asOf: CalendarDate, cache: LintCache, reasons: Bool = true) -> LintRun? {
        replayedLint(key: cache.key(workspace: self, files: files, asOf: asOf), cache: cache, reasons: reasons)
    }

    /// The run `cache` remembers for `key` (`LintCache.key`), as `replayedLint(files:asOf:cache:reasons:)`.
    public func replayedLint(key: LintCache.Key, cache: LintCache, reasons: Bool = true) -> LintRun? {
        cache.replay(key, rules: Linter(configuration: lintSettings).ruleDescriptions, reasons: reasons)
    }

    /// The lint cache of this notes directory in `folder` (see `LintCache`); throws when `folder`
    /// is inside the notes, where nothing but the notes belongs.
    public func lintCache(folder: String, version: String) throws(RedflagError) -> LintCache {
        _ = try cache(folder: folder, version: version)
        return LintCache(folder: folder, root: root, version: version)
    }
}
