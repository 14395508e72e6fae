import RedflagCore
import RedflagJournal

/// Every lint rule, in documentation order. A literal list: adding a rule means adding a line here.
public enum LintRules {
    public static let all: [any LintRule] = [
        UntaggedIncidentRule(),
        UnknownTagRule(),
        UndatedEntryRule(),
        IneffectiveClosingRule(),
        InvalidDateRule(),
        AmbiguousDateRule(),
        FutureDateRule(),
        DateOrderRule(),
        FrontMatterRule(),
        DuplicateClientRule(),
        UnattributedEntryRule(),
        MissingReasonRule(),
        UnusedSuppressionRule(),
    ]

    /// The ids of every rule, in documentation order.
    public static var ids: [String] { all.map(\.description.id) }
}

extension LintRules {
    /// True when a parser diagnostic is reported by a rule (`invalid-date`, `front-matter`), so the
    /// command does not print it a second time.
    public static func coversDiagnostic(_ diagnostic: Diagnostic, in file: ParsedFile) -> Bool {
        diagnostic.topic == .invalidDate || diagnostic.topic == .ambiguousDate || diagnostic.topic == .frontMatter
    }
}
