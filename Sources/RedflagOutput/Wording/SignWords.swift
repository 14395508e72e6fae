import RedflagJudgement

/// How a sign is counted in plain words: "1 late payment", "2 changes of mind".
public struct SignWords: Hashable, Sendable {
    /// The noun for one incident ("late payment").
    public var singular: String
    /// The noun for several ("late payments").
    public var plural: String

    public init(singular: String, plural: String) {
        self.singular = singular
        self.plural = plural
    }

    /// "1 late payment", "3 late payments".
    public func count(_ number: Int) -> String { "\(number) \(number == 1 ? singular : plural)" }

    /// The words of the rule `id` (SIGNS.md order); a rule without words of its own uses its tag.
    public static func of(rule id: String, tag: String) -> SignWords {
        switch id {
        case "abuse-physical": SignWords(singular: "physical threat", plural: "physical threats")
        case "abuse-verbal": SignWords(singular: "abusive remark", plural: "abusive remarks")
        case "lie": SignWords(singular: "lie", plural: "lies")
        case "unreasonable": SignWords(singular: "unreasonable demand", plural: "unreasonable demands")
        case "late": SignWords(singular: "late payment", plural: "late payments")
        case "dispute": SignWords(singular: "dispute", plural: "disputes")
        case "changed-mind": SignWords(singular: "change of mind", plural: "changes of mind")
        case "ignored-advice": SignWords(singular: "case of ignored advice", plural: "cases of ignored advice")
        case "competitor":
            SignWords(
                singular: "competitor's offer used against agreed work",
                plural: "competitors' offers used against agreed work")
        case "legal": SignWords(singular: "legal risk", plural: "legal risks")
        default: SignWords(singular: "#\(tag)", plural: "#\(tag)")
        }
    }

    /// The words of `reason`'s rule.
    public static func of(_ reason: Reason) -> SignWords { of(rule: reason.rule, tag: reason.tag) }
}
