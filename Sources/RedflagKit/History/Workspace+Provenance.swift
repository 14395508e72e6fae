import RedflagCore
import RedflagJudgement

extension Workspace {
    /// The provenance of `dossier`'s cited entries from `git blame` of their files, nil when the
    /// notes are not in a git repository. One `git blame` per cited file that git tracks; a file
    /// never committed is not blamed and leaves its entries without a commit (as does a file git
    /// cannot blame).
    public func provenance(of dossier: Dossier, threshold: Int = Provenance.defaultThreshold) -> Provenance? {
        guard let repository = GitRepository.containing(root) else { return nil }
        // nil when git cannot list them: then every cited file is tried, as `blame` fails alone.
        let tracked = try? repository.trackedFiles()
        let cited = Set(dossier.citedEntries.map(\.file))
        let blamed = tracked.map { cited.intersection($0) } ?? cited
        var blames: [String: [Int: GitRepository.BlamedLine]] = [:]
        let initial = blamed.isEmpty ? [] : Set(repository.rootCommits())
        return Provenance(dossier, threshold: threshold, initial: initial) { file, line in
            guard blamed.contains(file) else { return nil }
            if blames[file] == nil { blames[file] = (try? repository.blame(file)) ?? [:] }
            return blames[file]?[line].map { ($0.commit, $0.day) }
        }
    }
}
