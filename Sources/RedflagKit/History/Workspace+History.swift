import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement

extension Workspace {
    /// What `redflag diff --since` compares with.
    public enum Then: Hashable, Sendable {
        /// The notes without their entries dated after this day, judged as of it.
        case date(CalendarDate)
        /// The notes as committed at this git revision, judged as of its commit day.
        case revision(String)
    }

    /// The clients whose verdict changed since `then`, or whose score moved by more than
    /// `threshold`, with the entries new since; `journal` is the notes now, judged as of `asOf`.
    /// The configuration in force now judges both sides, so that only the notes make a difference.
    public func changes(
        since then: Then, label: String, journal: Journal, asOf: CalendarDate, threshold: Int
    ) throws(RedflagError) -> ChangeReport {
        let (old, oldAsOf) = try notes(at: then, now: journal)
        return ChangeReport(
            since: label, before: oldAsOf, old: judge(old, asOf: oldAsOf).dossiers, oldJournal: old, after: asOf,
            new: judge(journal, asOf: asOf).dossiers, newJournal: journal, threshold: threshold)
    }

    /// The notes as they were then, and the day to judge them as of.
    func notes(at then: Then, now journal: Journal) throws(RedflagError) -> (Journal, CalendarDate) {
        switch then {
        case let .date(day):
            var old = journal
            old.files = journal.files.map { file in
                var file = file
                file.entries = file.entries.filter { entry in entry.date.map { $0 <= day } ?? true }
                return file
            }
            return (old, day)
        case let .revision(revision):
            guard let repository = GitRepository.containing(root) else {
                throw .historyUnavailable(
                    root, reason: "not in a git repository, so '\(revision)' cannot be a revision",
                    hint: "give --since a date (YYYY-MM-DD, -30d), or keep the notes in git")
            }
            let commit: (id: String, day: CalendarDate)
            do {
                commit = try repository.commit(revision)
            } catch {
                throw .historyUnavailable(
                    root, reason: "'\(revision)' is neither a date nor a commit of this repository",
                    hint: "give a date (YYYY-MM-DD, -30d) or a revision (HEAD~3, a tag, a commit id)")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "redflag-history-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try repository.extractNotes(at: commit.id, into: folder.path)
            } catch {
                throw .historyUnavailable(
                    root, reason: "cannot read the notes at \(revision) (\(error))",
                    hint: "the notes folder may not exist in that revision")
            }
            var old = NotesDirectory.load(root: folder.path, configuration: configuration)
            old.root = root
            return (old, commit.day)
        }
    }
}
