import RedflagCore
import RedflagJournal

extension LabeledText {
    /// Context tags that mark an entry as "not an incident" for training.
    static let negativeTags = Set(Sign.allCases.filter(\.isPositive).map(\.tag))

    /// The user's journal as training data for `IncidentDetector`.
    ///
    /// An entry with one or more sign tags is an example of those signs; an entry whose only tags are
    /// `#paid`, `#praise` or `#referral` is an example of "not an incident"; untagged entries (the
    /// ones the lint rule looks at) and entries with other tags are left out.
    public static func training(from entries: [Entry]) -> [LabeledText] {
        let signs = Set(Vocabulary.signs)
        return entries.compactMap { entry in
            let names = Set(entry.tags.map(\.name))
            let incident = names.intersection(signs)
            if !incident.isEmpty { return LabeledText(text: entry.text, tags: incident) }
            if !names.isEmpty, names.isSubset(of: negativeTags) { return LabeledText(text: entry.text, tags: []) }
            return nil
        }
    }
}
