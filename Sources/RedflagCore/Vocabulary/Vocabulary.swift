/// The tags redflag understands: the ten signs of SIGNS.md, the context tags, their aliases in
/// English and Russian, and whatever `redflag.yml` adds.
public struct Vocabulary: Hashable, Sendable {
    /// What a tag means.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// One of the ten signs: something went wrong.
        case incident
        /// `warned`, `paid`, `referral`, `praise`: context shown in dossiers.
        case context
        /// A tag the user declared in `redflag.yml`.
        case custom
    }

    /// A canonical tag: `abuse`, `lie`, ... with its kind.
    public struct Term: Hashable, Sendable {
        public var name: String
        public var kind: Kind
        public var summary: String
    }

    /// The result of resolving a written tag.
    public struct Resolution: Hashable, Sendable {
        public var name: String
        public var subtype: String?
        public var isKnown: Bool
    }

    /// What an alias stands for: a canonical tag and, optionally, a subtype.
    public struct Target: Hashable, Sendable {
        public var name: String
        public var subtype: String?
    }

    /// Canonical tags by name.
    public private(set) var terms: [String: Term]
    /// Alias (lowercased, without `#`) → canonical name and optional subtype.
    public private(set) var aliases: [String: Target]

    /// The ten signs' canonical tags, in SIGNS.md order.
    public static let signs = [
        "abuse", "lie", "unreasonable", "late", "dispute", "changed-mind", "ignored-advice",
        "competitor", "legal",
    ]
    /// Context tags.
    public static let contextTags = ["warned", "paid", "referral", "praise"]

    /// The built-in vocabulary.
    public static let standard: Vocabulary = {
        var vocabulary = Vocabulary(terms: [:], aliases: [:])
        let summaries: [String: String] = [
            "abuse": "abusive behaviour: physical (tantrums, threats) or verbal (belittling, insults)",
            "lie": "a lie: the client said something they knew was false",
            "unreasonable": "an unreasonable demand, past the bar you set",
            "late": "a late payment (or a client who is constantly late)",
            "dispute": "an invoice disputed or delayed, or a price cut after agreement",
            "changed-mind": "a decision reversed, scope changed again",
            "ignored-advice": "your advice ignored, then you are expected to fix the result",
            "competitor": "competitors' prices or timelines used against agreed work",
            "legal": "possible legal trouble or liability",
            "warned": "you told the client the behaviour bothers you",
            "paid": "paid on time",
            "referral": "the client referred new work",
            "praise": "the client praised the work",
        ]
        for name in signs { vocabulary.terms[name] = Term(name: name, kind: .incident, summary: summaries[name] ?? "") }
        for name in contextTags {
            vocabulary.terms[name] = Term(name: name, kind: .context, summary: summaries[name] ?? "")
        }
        for (alias, target) in builtInAliases {
            vocabulary.addAlias(alias, target: target)
        }
        return vocabulary
    }()

    /// Built-in aliases: written form → `canonical` or `canonical/subtype`. Documented in
    /// docs/journal-format.md; keep the two in step.
    public static let builtInAliases: [(String, String)] = [
        // abuse
        ("abusive", "abuse"), ("verbal-abuse", "abuse/verbal"), ("insult", "abuse/verbal"),
        ("insulted", "abuse/verbal"), ("rude", "abuse/verbal"), ("belittling", "abuse/verbal"),
        ("harassment", "abuse/verbal"), ("threat", "abuse/physical"), ("threatened", "abuse/physical"),
        ("tantrum", "abuse/physical"), ("physical-abuse", "abuse/physical"),
        ("хамство", "abuse/verbal"), ("оскорбление", "abuse/verbal"), ("грубость", "abuse/verbal"),
        ("угроза", "abuse/physical"), ("истерика", "abuse/physical"), ("агрессия", "abuse/physical"),
        // lie
        ("liar", "lie"), ("lied", "lie"), ("lies", "lie"), ("lying", "lie"), ("dishonest", "lie"),
        ("ложь", "lie"), ("враньё", "lie"), ("вранье", "lie"), ("обман", "lie"), ("соврал", "lie"),
        // unreasonable
        ("unreasonable-demand", "unreasonable"), ("demanding", "unreasonable"),
        ("out-of-hours", "unreasonable"), ("неадекват", "unreasonable"),
        ("неразумно", "unreasonable"),
        // late
        ("late-payment", "late"), ("slow-payer", "late"), ("slow-payment", "late"),
        ("overdue", "late"), ("unpaid", "late"), ("просрочка", "late"), ("опоздание", "late"),
        ("долг", "late"),
        // dispute
        ("disputed", "dispute"), ("invoice-dispute", "dispute"), ("haggling", "dispute"),
        ("haggle", "dispute"), ("chargeback", "dispute"), ("спор", "dispute"), ("торг", "dispute"),
        // changed-mind
        ("flip-flop", "changed-mind"), ("flipflop", "changed-mind"), ("changed_mind", "changed-mind"),
        ("scope-change", "changed-mind"), ("mind-change", "changed-mind"),
        ("передумал", "changed-mind"), ("передумали", "changed-mind"),
        // ignored-advice
        ("ignored", "ignored-advice"), ("ignored_advice", "ignored-advice"),
        ("didnt-listen", "ignored-advice"), ("проигнорировал", "ignored-advice"),
        ("не-послушал", "ignored-advice"),
        // competitor
        ("competition", "competitor"), ("competitors", "competitor"),
        ("конкурент", "competitor"), ("конкуренты", "competitor"),
        // legal
        ("lawsuit", "legal"), ("lawyer", "legal"), ("liability", "legal"), ("sue", "legal"),
        ("юрист", "legal"), ("суд", "legal"), ("иск", "legal"),
        // context
        ("warning", "warned"), ("warn", "warned"), ("предупредил", "warned"),
        ("предупреждение", "warned"),
        ("paid-on-time", "paid"), ("payment", "paid"), ("оплачено", "paid"), ("оплата", "paid"),
        ("referred", "referral"), ("рекомендация", "referral"),
        ("thanks", "praise"), ("kudos", "praise"), ("похвала", "praise"),
        ("благодарность", "praise"),
    ]

    init(terms: [String: Term], aliases: [String: Target]) {
        self.terms = terms
        self.aliases = aliases
    }

    /// Adds a canonical tag (from `redflag.yml`). An existing tag keeps its kind.
    public mutating func addTerm(_ name: String, summary: String = "") {
        if terms[name] == nil { terms[name] = Term(name: name, kind: .custom, summary: summary) }
    }

    /// Adds an alias `alias` → `target` (`canonical` or `canonical/subtype`).
    public mutating func addAlias(_ alias: String, target: String) {
        let (name, subtype) = Vocabulary.split(target.lowercased())
        aliases[alias.lowercased()] = Target(name: name, subtype: subtype)
    }

    /// The kind of a canonical tag, nil when unknown.
    public func kind(of name: String) -> Kind? { terms[name]?.kind }

    /// Resolves a tag as written (without `#`, any case): `Liar` → lie; `abuse/physical` →
    /// abuse, physical; `insult` → abuse, verbal; `#lei` → lei, unknown.
    public func resolve(_ raw: String) -> Resolution {
        let lowered = raw.lowercased()
        if let alias = aliases[lowered] {
            return Resolution(name: alias.name, subtype: alias.subtype, isKnown: true)
        }
        let (head, subtype) = Vocabulary.split(lowered)
        if let alias = aliases[head] {
            return Resolution(name: alias.name, subtype: subtype ?? alias.subtype, isKnown: true)
        }
        return Resolution(name: head, subtype: subtype, isKnown: terms[head] != nil)
    }

    /// Every spelling a canonical tag can be written with (itself and its aliases), sorted.
    public func spellings(of name: String) -> [String] {
        ([name] + aliases.filter { $0.value.name == name }.map(\.key)).sorted()
    }

    package static func split(_ text: String) -> (name: String, subtype: String?) {
        guard let slash = text.firstIndex(of: "/") else { return (text, nil) }
        let subtype = String(text[text.index(after: slash)...])
        return (String(text[..<slash]), subtype.isEmpty ? nil : subtype)
    }
}
