import RedflagCore
import RedflagJournal

/// `duplicate-client`: two clients claim one name or alias (compared as slugs: case, accents and
/// punctuation ignored), so `redflag dossier NAME` cannot know which one is meant.
public struct DuplicateClientRule: LintRule {
    public static let id = "duplicate-client"

    public init() {}

    /// It reads every client of the notes at once.
    public var checksAcrossFiles: Bool { true }

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Duplicate client",
            rationale: """
                Each client is one file or folder; when two claim the same name or alias, the history \
                is split in two and neither verdict sees all of it. Merge the notes, or rename one.
                """,
            severity: .warning,
            triggering: [
                RuleExample(files: [
                    ("acme.md", "---\nclient: ↓Acme GmbH\n---\n"),
                    ("acme-gmbh.md", "---\nclient: Acme GmbH\n---\n"),
                ]),
                RuleExample(files: [
                    ("brightwave.md", "---\nclient: Brightwave Media\naliases: [↓BWM]\n---\n"),
                    ("bwm.md", "---\nclient: BWM Agency\naliases: [↓brightwave]\n---\n"),
                ]),
            ],
            nonTriggering: [
                RuleExample(files: [
                    ("acme.md", "---\nclient: Acme GmbH\naliases: [Acme]\n---\n"),
                    ("acme/2026.md", "- 2026-03-05: Kick-off.\n"),
                ]),
                RuleExample(files: [
                    ("acme.md", "---\nclient: Acme GmbH\n---\n"),
                    ("beta.md", "---\nclient: Beta AG\n---\n"),
                ]),
            ])
    }

    /// A name a client answers to, and where it is written.
    private struct Claim {
        var client: ClientID
        var text: String
        var file: String
        var line: Int
        var column: Int
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        var claims: [String: [Claim]] = [:]
        for client in context.journal.clients {
            var seen = Set<String>()
            for claim in self.claims(of: client, files: context.files) {
                let key = Slug.make(claim.text)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                claims[key, default: []].append(claim)
            }
        }
        var findings: [LintFinding] = []
        for key in claims.keys.sorted() {
            // The client whose file or folder has this name owns it; else the first client by id.
            guard let list = claims[key], Set(list.map(\.client)).count > 1,
                let owner = list.first(where: { $0.client.rawValue == key }) ?? list.first
            else { continue }
            for claim in list where claim.client != owner.client {
                findings.append(
                    finding(
                        claim.file, line: claim.line, column: claim.column,
                        "client '\(claim.client)' claims the name '\(claim.text)', "
                            + "which is also client '\(owner.client)' (\(owner.file))",
                        hint: "merge the two clients' notes, or rename one of them"))
            }
        }
        return findings
    }

    /// `client:` and `aliases:` from the client's front matter, then its id (its file or folder).
    private func claims(of client: Client, files: [ParsedFile]) -> [Claim] {
        let clientFiles = files.filter { $0.client == client.id }
        guard let first = clientFiles.first else { return [] }
        var result: [Claim] = []
        for file in clientFiles {
            guard let value = file.frontMatter?.value else { continue }
            if let name = value["client"], let text = name.string {
                result.append(
                    Claim(client: client.id, text: text, file: file.path, line: name.line, column: name.column))
            }
            if let aliases = value["aliases"] {
                let items: [YAMLValue]
                if case let .sequence(list, _, _) = aliases { items = list } else { items = [aliases] }
                for item in items {
                    guard let text = item.string else { continue }
                    result.append(
                        Claim(client: client.id, text: text, file: file.path, line: item.line, column: item.column))
                }
            }
        }
        // The id last: a name written in front matter is the better place to point at.
        return result + [Claim(client: client.id, text: client.id.rawValue, file: first.path, line: 1, column: 1)]
    }
}
