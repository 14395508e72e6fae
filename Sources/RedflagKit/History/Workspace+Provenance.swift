import RedflagCore
import RedflagJudgement

extension Workspace {
    /// The provenance of `dossier`'s cited entries from `git blame` of their files, nil when the
    /// notes are not in a git repository. One `git blame` per cited file; a file git cannot blame
    /// (not committed yet) leaves its entries without a commit.
    public func provenance(of dossier: Dossier, threshold: Int = Provenance.defaultThreshold) -> Provenance? {
        guard let repository = GitRepository.containing(root) else { return nil }
        var blames: [String: [Int: GitRepository.BlamedLine]] = [:]
        let initial = Set(repository.rootCommits())
        return Provenance(dossier, threshold: threshold, initial: initial) { file, line in
            if blames[file] == nil { blames[file] = (try? repository.blame(file)) ?? [:] }
            return blames[file]?[line].map { ($0.commit, $0.day) }
        }
    }
}
