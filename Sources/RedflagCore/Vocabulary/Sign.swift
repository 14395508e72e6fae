/// The signs of SIGNS.md and the context tags: the one place that says what each built-in tag is.
///
/// Each case's raw value is its canonical tag (`#changed-mind`). The vocabulary, the policy, the
/// chart colours and the lint detector all read this table; nothing else spells a sign's name.
public enum Sign: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    // The ten signs, in SIGNS.md order (physical and verbal abuse are one tag with subtypes).
    case abuse, lie, unreasonable, late, dispute
    case changedMind = "changed-mind"
    case ignoredAdvice = "ignored-advice"
    case competitor, legal
    // Context.
    case warned, paid, referral, praise
    // Closing the past: `#resolved/lie`, `#forgiven/late` close earlier incidents of that sign.
    case resolved, forgiven

    /// What a tag says about the relationship.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An obvious red flag: one occurrence can be enough (lie, dispute, competitor, legal; and
        /// physical abuse, the `abuse/physical` subtype).
        case hard
        /// A pattern: it counts when it repeats (verbal abuse, unreasonable, late, changed-mind,
        /// ignored-advice).
        case pattern
        /// Context, not an incident: `#warned`, the good news `#paid`, `#referral`, `#praise`, and
        /// the closings `#resolved`, `#forgiven`.
        case context
    }

    /// The subtype of `#abuse` that is a hard sign on its own.
    public static let physicalAbuse = "physical"
    /// The subtype of `#abuse` written `#abuse/verbal` (and any abuse not marked physical).
    public static let verbalAbuse = "verbal"

    /// The signs that are incidents (everything but context), in SIGNS.md order.
    public static let incidents: [Sign] = allCases.filter(\.isIncident)
    /// The context tags.
    public static let context: [Sign] = allCases.filter { !$0.isIncident }

    /// The canonical tag, without `#`.
    public var tag: String { rawValue }

    public var kind: Kind {
        switch self {
        case .lie, .dispute, .competitor, .legal: .hard
        case .abuse, .unreasonable, .late, .changedMind, .ignoredAdvice: .pattern
        case .warned, .paid, .referral, .praise, .resolved, .forgiven: .context
        }
    }

    /// True for the ten signs, false for context tags.
    public var isIncident: Bool { kind != .context }

    /// Good news about the client (`#paid`, `#referral`, `#praise`): it may soften a watch.
    public var isPositive: Bool { self == .paid || self == .referral || self == .praise }

    /// A closing tag (`#resolved/SIGN`, `#forgiven/SIGN`): its subtype names the sign whose earlier
    /// incidents it closes.
    public var isClosing: Bool { self == .resolved || self == .forgiven }

    /// One line on what the tag means, shown by `redflag tags` and in the docs.
    public var summary: String {
        switch self {
        case .abuse: "abusive behaviour: physical (tantrums, threats) or verbal (belittling, insults)"
        case .lie: "a lie: the client said something they knew was false"
        case .unreasonable: "an unreasonable demand, past the bar you set"
        case .late: "a late payment (or a client who is constantly late)"
        case .dispute: "an invoice disputed or delayed, or a price cut after agreement"
        case .changedMind: "a decision reversed, scope changed again"
        case .ignoredAdvice: "your advice ignored, then you are expected to fix the result"
        case .competitor: "competitors' prices or timelines used against agreed work"
        case .legal: "possible legal trouble or liability"
        case .warned: "you told the client the behaviour bothers you"
        case .paid: "paid on time"
        case .referral: "the client referred new work"
        case .praise: "the client praised the work"
        case .resolved: "closes earlier incidents of a sign, which was resolved: #resolved/lie, then the reason"
        case .forgiven: "closes earlier incidents of a sign, which you forgave: #forgiven/late, then the reason"
        }
    }

    /// The sign's colour in charts (Okabe–Ito based, distinguishable with common colour blindness);
    /// context tags are never charted.
    public var color: String {
        switch self {
        case .abuse: "#d55e00"
        case .lie: "#cc79a7"
        case .unreasonable: "#e69f00"
        case .late: "#0072b2"
        case .dispute: "#009e73"
        case .changedMind: "#56b4e9"
        case .ignoredAdvice: "#f0e442"
        case .competitor: "#7f7f7f"
        case .legal: "#1a1a1a"
        case .warned, .paid, .referral, .praise, .resolved, .forgiven: "#444444"
        }
    }

    /// Built-in aliases: written form → this sign, with a subtype where the alias implies one.
    /// Documented in docs/journal-format.md; keep the two in step.
    public var aliases: [(alias: String, subtype: String?)] {
        let verbal = Sign.verbalAbuse
        let physical = Sign.physicalAbuse
        switch self {
        case .abuse:
            return [
                ("abusive", nil), ("verbal-abuse", verbal), ("insult", verbal), ("insulted", verbal),
                ("rude", verbal), ("belittling", verbal), ("harassment", verbal), ("threat", physical),
                ("threatened", physical), ("tantrum", physical), ("physical-abuse", physical),
                ("хамство", verbal), ("оскорбление", verbal), ("грубость", verbal), ("угроза", physical),
                ("истерика", physical), ("агрессия", physical),
            ]
        case .lie:
            return [
                ("liar", nil), ("lied", nil), ("lies", nil), ("lying", nil), ("dishonest", nil), ("ложь", nil),
                ("враньё", nil), ("вранье", nil), ("обман", nil), ("соврал", nil),
            ]
        case .unreasonable:
            return [
                ("unreasonable-demand", nil), ("demanding", nil), ("out-of-hours", nil), ("неадекват", nil),
                ("неразумно", nil),
            ]
        case .late:
            return [
                ("late-payment", nil), ("slow-payer", nil), ("slow-payment", nil), ("overdue", nil), ("unpaid", nil),
                ("просрочка", nil), ("опоздание", nil), ("долг", nil),
            ]
        case .dispute:
            return [
                ("disputed", nil), ("invoice-dispute", nil), ("haggling", nil), ("haggle", nil), ("chargeback", nil),
                ("спор", nil), ("торг", nil),
            ]
        case .changedMind:
            return [
                ("flip-flop", nil), ("flipflop", nil), ("changed_mind", nil), ("scope-change", nil),
                ("mind-change", nil), ("передумал", nil), ("передумали", nil),
            ]
        case .ignoredAdvice:
            return [
                ("ignored", nil), ("ignored_advice", nil), ("didnt-listen", nil), ("проигнорировал", nil),
                ("не-послушал", nil),
            ]
        case .competitor:
            return [("competition", nil), ("competitors", nil), ("конкурент", nil), ("конкуренты", nil)]
        case .legal:
            return [
                ("lawsuit", nil), ("lawyer", nil), ("liability", nil), ("sue", nil), ("юрист", nil), ("суд", nil),
                ("иск", nil),
            ]
        case .warned:
            return [("warning", nil), ("warn", nil), ("предупредил", nil), ("предупреждение", nil)]
        case .paid:
            return [("paid-on-time", nil), ("payment", nil), ("оплачено", nil), ("оплата", nil)]
        case .referral:
            return [("referred", nil), ("рекомендация", nil)]
        case .praise:
            return [("thanks", nil), ("kudos", nil), ("похвала", nil), ("благодарность", nil)]
        case .resolved:
            return [("решено", nil)]
        case .forgiven:
            return [("forgive", nil), ("прощено", nil)]
        }
    }

    /// SIGNS.md order.
    public static func < (lhs: Sign, rhs: Sign) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
