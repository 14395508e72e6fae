import RedflagCore
import RedflagJournal

/// What a lint rule is: its identifier, why it exists, how serious it is by default, and examples.
///
/// The examples are both the documentation (`redflag lint --list-rules`, docs/lint.md) and the tests:
/// one parameterized test runs every rule's triggering examples (each finding must sit exactly at a
/// `↓` marker) and non-triggering examples (no finding of the rule at all).
public struct RuleDescription: Hashable, Sendable {
    /// Stable identifier used in output, suppressions and `redflag.yml` (`untagged-incident`).
    public var id: String
    /// A short title (`Untagged incident`).
    public var name: String
    /// Why the rule exists, in one or two sentences.
    public var rationale: String
    public var severity: Severity
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(
        id: String, name: String, rationale: String, severity: Severity, triggering: [RuleExample],
        nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}
