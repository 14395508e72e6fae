import RedflagCore
import RedflagJudgement

/// The provenance part of a dossier (when the notes are a git repository): each cited entry's
/// first commit, entries written after the fact flagged. Markdown section and JSON value.
enum ProvenanceRenderer {
    /// `## Provenance`: one line per cited entry.
    static func markdown(_ provenance: Provenance) -> String {
        var out = "## Provenance\n\n"
        out += "When each cited entry was first committed to the notes' git repository. An entry committed more than "
        out +=
            "\(provenance.threshold) days after its date was written after the fact: weaker evidence. Entries of the "
        out += "repository's first commit (notes kept before git) are not flagged.\n\n"
        let late = provenance.late.count
        if late > 0 {
            out += "**\(late) cited \(late == 1 ? "entry was" : "entries were") written after the fact.**\n\n"
        }
        if provenance.items.isEmpty { out += "No cited entries.\n\n" }
        for item in provenance.items {
            out += "- \(item.entry.date?.description ?? "undated") `\(item.entry.reference)`: " + sentence(item) + "\n"
        }
        return out + (provenance.items.isEmpty ? "" : "\n")
    }

    /// What the list means.
    static func note(_ provenance: Provenance) -> String {
        "When each cited entry was first committed to the notes' git repository. An entry committed more than "
            + "\(provenance.threshold) days after its date was written after the fact: weaker evidence. Entries of "
            + "the repository's first commit (notes kept before git) are not flagged."
    }

    /// "2 cited entries were written after the fact.", nil when none was.
    static func lateCount(_ provenance: Provenance) -> String? {
        let late = provenance.late.count
        guard late > 0 else { return nil }
        return "\(late) cited \(late == 1 ? "entry was" : "entries were") written after the fact."
    }

    /// One entry's line after its reference; `markdown` puts the commit in code and the flag in bold.
    static func sentence(_ item: Provenance.Item, markdown: Bool = true) -> String {
        guard let committed = item.committed, let commit = item.commit else { return "not committed yet" }
        let id = markdown ? "`\(commit.prefix(10))`" : String(commit.prefix(10))
        var text = "first committed \(committed) (\(id))"
        if let delay = item.delay {
            switch delay {
            case ..<0: text += ", \(-delay) \(-delay == 1 ? "day" : "days") before its date"
            case 0: text += ", the same day"
            default: text += ", \(delay) \(delay == 1 ? "day" : "days") after its date"
            }
        }
        if item.imported { text += "; in the repository's first commit" }
        guard item.late else { return text }
        return text + (markdown ? " — **written after the fact**" : "")
    }

    /// The JSON value: `{"threshold", "items": [{"file", "line", "date", "committed", "commit", "delay",
    /// "imported", "late"}]}`.
    struct JSONValue: Encodable {
        struct Item: Encodable {
            var file: String
            var line: Int
            @Nullable var date: CalendarDate?
            @Nullable var committed: CalendarDate?
            @Nullable var commit: String?
            @Nullable var delay: Int?
            var imported: Bool
            var late: Bool
        }

        var threshold: Int
        var items: [Item]

        init(_ provenance: Provenance) {
            threshold = provenance.threshold
            items = provenance.items.map {
                Item(
                    file: $0.entry.file, line: $0.entry.line, date: $0.entry.date, committed: $0.committed,
                    commit: $0.commit, delay: $0.delay, imported: $0.imported, late: $0.late)
            }
        }
    }
}
