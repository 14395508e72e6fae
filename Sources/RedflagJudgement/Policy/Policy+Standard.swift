import RedflagCore
import RedflagJournal

extension Policy {
    /// SIGNS.md's default policy: one rule per sign, in SIGNS.md order.
    ///
    /// Clients whose billing is unknown are judged as fixed-price ones on `changed-mind` (the
    /// stricter reading; set `billing: hourly` in front matter to relax it); the assessment says so
    /// (`Assessment.billingAssumed`). What to *do* about each reason is worded by the output layer.
    public static let standard = Policy(
        rules: [
            Rule(
                id: "abuse-physical", tag: "abuse", subtypes: .only("physical"),
                thresholds: .init(watch: nil, fire: 1), window: nil, weight: 5,
                principle: "Tantrums, threats or anything physically intimidating end the relationship the "
                    + "first time; an apology afterwards does not undo it.",
                isHard: true),
            Rule(
                id: "abuse-verbal", tag: "abuse", subtypes: .excluding(["physical"]),
                thresholds: .init(watch: 1, fire: 3), window: 365, weight: 2,
                principle: "Belittling remarks, to you or about you behind your back, get one chance: once "
                    + "you have said they bother you, a repeat ends the relationship.",
                escalation: .repeatAfterWarning),
            Rule(
                id: "lie", tag: "lie", thresholds: .init(watch: nil, fire: 1), window: nil, weight: 4,
                principle: "Working together rests on trust, and a client who lies to you cannot be trusted.",
                isHard: true),
            Rule(
                id: "unreasonable", tag: "unreasonable", thresholds: .init(watch: 1, fire: 3), window: 365,
                weight: 1,
                principle: "Decide which demands go beyond what you will do, and hold that line when a client "
                    + "keeps crossing it."),
            Rule(
                id: "late", tag: "late", thresholds: .init(watch: 2, fire: 3), window: 365, weight: 1.5,
                principle: "A client who keeps paying late is borrowing from your cash flow, and you cannot "
                    + "afford to lend it. One late invoice is noted; it is the habit that counts.",
                concernsPayment: true),
            Rule(
                id: "dispute", tag: "dispute", thresholds: .init(watch: nil, fire: 1), window: nil, weight: 3,
                principle: "A client who agrees on a price and then haggles over the invoice needs no second "
                    + "chance: stay firm, get paid, then part ways. A fair question about a wrong invoice "
                    + "(your own mistake) is not a dispute.",
                concernsPayment: true, isHard: true),
            Rule(
                id: "changed-mind", tag: "changed-mind", thresholds: .init(watch: 2, fire: 4),
                hourly: .init(watch: 4, fire: nil), window: 180, weight: 1,
                principle: "Constant reversals cost you little when you bill by the hour but eat into a fixed "
                    + "fee; know where your own limit is."),
            Rule(
                id: "ignored-advice", tag: "ignored-advice", thresholds: .init(watch: 1, fire: 2), window: 365,
                weight: 1.5,
                principle: "Helping a client out of trouble they were warned about is professional; signing up "
                    + "for the same trouble again is not.",
                neverSoftened: true),
            Rule(
                id: "competitor", tag: "competitor", thresholds: .init(watch: nil, fire: 1), window: nil,
                weight: 3,
                principle: "Comparing quotes before agreeing is fair; using a competitor's price or timeline to "
                    + "cut work that is already agreed or under way is cheapening it, and needs no second chance.",
                isHard: true),
            Rule(
                id: "legal", tag: "legal", thresholds: .init(watch: nil, fire: 1), window: nil, weight: 4,
                principle: "A relationship that could expose you to legal liability has to end.",
                isHard: true),
        ],
        softening: .standard)
}
