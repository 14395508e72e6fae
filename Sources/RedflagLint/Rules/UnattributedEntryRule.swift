import RedflagCore
import RedflagDetector
import RedflagJournal

/// `unattributed-entry`: a tagged block of a shared daily note or journal that links no client,
/// or a block that links two clients, so it is in no client's timeline.
///
/// In a vault where daily notes are shared by every client, a block belongs to the client page it
/// links. redflag never guesses: a block it cannot give to exactly one client is reported here.
/// Blocks that link no client and carry no tag of the vocabulary (personal notes, `#daily`)
/// are not reported.
public struct UnattributedEntryRule: LintRule {
    public static let id = "unattributed-entry"

    public init() {}

    /// It reads every client of the notes at once.
    public var checksAcrossFiles: Bool { true }

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Unattributed entry",
            rationale: """
                In shared daily notes each block goes to the client it links ([[Acme]], an alias, or \
                #acme). A block that links no client, or two, counts for nobody: link the one client \
                it is about.
                """,
            severity: .warning,
            triggering: [
                RuleExample(files: [
                    ("Clients/Acme.md", "---\nbilling: fixed\n---\n"),
                    ("journals/2026_03_05.md", "↓- Invoice paid three weeks late. #late\n"),
                ]),
                RuleExample(files: [
                    ("Clients/Acme.md", "Acme GmbH\n"),
                    ("Clients/Beta.md", "Beta AG\n"),
                    ("Daily/2026-03-05.md", "↓- Call with [[Acme]] and [[Beta]]: both paid late. #late\n"),
                ]),
            ],
            nonTriggering: [
                RuleExample(files: [
                    ("Clients/Acme.md", "Acme GmbH\n"),
                    ("journals/2026_03_05.md", "- [[Acme]] paid three weeks late. #late\n- Went for a run.\n"),
                ]),
                RuleExample(files: [
                    ("Clients/Acme.md", "aliases:: ACME\n"),
                    (
                        "Daily/2026-03-05.md",
                        "## [[Acme]]\n\n- Paid three weeks late. #late\n- #acme disputed it. #dispute\n"
                    ),
                ]),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        context.journal.unattributed.compactMap { item -> LintFinding? in
            let entry = item.entry
            switch item.reason {
            case .noClient:
                guard let tag = entry.tags.first(where: \.isKnown) else { return nil }
                return finding(
                    entry.file, line: entry.line, column: entry.column,
                    "entry tagged #\(tag.raw) links no client, so no client's timeline counts it",
                    hint:
                        "link the client's page in the block ([[Client]] or #client), or move it to the client's notes")
            case let .severalClients(ids):
                return finding(
                    entry.file, line: entry.line, column: entry.column,
                    "entry links \(ids.count) clients (\(ids.map(\.rawValue).joined(separator: ", "))), so none of them counts it",
                    hint: "split it into one block per client")
            }
        }
    }
}
