import RedflagCore
import RedflagJournal
import RedflagJudgement

/// Renders `redflag verify`'s result: one line per cited entry that is not intact, then a tally.
public enum VerificationRenderer {
    /// Text for people: changed and vanished entries first, moved ones, changed files, then a tally.
    public static func text(_ checks: [EvidenceManifest.Check], changedFiles: [String]) -> String {
        var out = ""
        for check in checks where check.status == .changed || check.status == .vanished {
            let date = check.entry.date.map { " (\($0))" } ?? ""
            out += TerminalText.sanitized("\(check.status.rawValue): \(check.entry.reference)\(date)") + "\n"
        }
        for check in checks where check.status == .moved {
            let now = check.nowAt.map { " now at line \($0)" } ?? ""
            out += TerminalText.sanitized("moved: \(check.entry.reference)\(now), text unchanged") + "\n"
        }
        for file in changedFiles {
            out += TerminalText.sanitized("file changed since: \(file) (its cited entries are checked above)") + "\n"
        }
        let count = { (status: EvidenceManifest.Status) in checks.filter { $0.status == status }.count }
        out += "\(checks.count) cited entries: \(count(.intact) + count(.moved)) intact"
        if count(.moved) > 0 { out += " (\(count(.moved)) moved)" }
        out += ", \(count(.changed)) changed, \(count(.vanished)) vanished\n"
        return out
    }

    struct Document: Encodable {
        var schema: Int
        var intact: Bool
        var entries: [EvidenceManifest.Check]
        var changedFiles: [String]
    }

    /// `{"schema": 1, "intact", "entries": [{"entry", "status", "nowAt"}], "changedFiles"}`.
    public static func json(_ checks: [EvidenceManifest.Check], changedFiles: [String]) -> String {
        let intact = checks.allSatisfy { $0.status == .intact || $0.status == .moved }
        return JSON.encode(
            Document(schema: 1, intact: intact, entries: checks, changedFiles: changedFiles), pretty: true)
            + "\n"
    }
}
