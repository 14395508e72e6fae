import Foundation
import RedflagCore
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
    public func lint(
        files: [String]?, options: NotesDirectory.LoadOptions, asOf: CalendarDate, cache: LintCache? = nil,
        key given: LintCache.Key? = nil, replaying: Bool = true
    ) -> LintRun {
        let linter = Linter(configuration: lintSettings)
        let key = cache.map { given ?? $0.key(workspace: self, files: files, asOf: asOf) }
        if replaying, let cache, let key, let replayed = cache.replay(key, rules: linter.ruleDescriptions) {
            return replayed
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
