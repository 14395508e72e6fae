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
    public static let signs = Sign.incidents.map(\.tag)
    /// Context tags.
    public static let contextTags = Sign.context.map(\.tag)

    /// The built-in vocabulary: every `Sign` with its summary and aliases.
    public static let standard: Vocabulary = {
        var vocabulary = Vocabulary(terms: [:], aliases: [:])
        for sign in Sign.allCases {
            vocabulary.terms[sign.tag] = Term(
                name: sign.tag, kind: sign.isIncident ? .incident : .context, summary: sign.summary)
            for (alias, subtype) in sign.aliases {
                vocabulary.aliases[alias] = Target(name: sign.tag, subtype: subtype)
            }
        }
        return vocabulary
    }()

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

    /// The longest tag, in Unicode scalars after the `#`: a longer run (`#aaaa…`, a pasted hash)
    /// is not a tag, so that no message or suggestion has to carry it.
    public static let maximumTagLength = 64

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
