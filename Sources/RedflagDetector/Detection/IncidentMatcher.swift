import RedflagCore
import RedflagJournal

/// The lexicon compiled for fast matching: patterns indexed by their first word.
struct IncidentMatcher: Sendable {
    /// One place where a pattern matched.
    struct Match: Hashable, Sendable {
        var kind: Kind
        var sign: String
        var weight: Double
        /// Token range `[start, end)`.
        var start: Int
        var end: Int
        var cue: Int
    }

    /// What a compiled pattern is for.
    enum Kind: Sendable {
        case cue, exclusion, counterEvidence
    }

    struct Compiled: Sendable {
        var kind: Kind
        var sign: String
        var weight: Double
        var pattern: IncidentPattern
    }

    /// An index from first words to patterns: exact words in a dictionary, stems in a byte trie.
    struct Index: Sendable {
        struct Node: Sendable {
            var children: [UInt8: Int] = [:]
            var ids: [Int] = []
        }

        var compiled: [Compiled] = []
        var exact: [WordKey: [Int]] = [:]
        var trie: [Node] = [Node()]
        /// Patterns whose first word is `~neg`, `~num` or `~night`, tried only on such words.
        var special: [Int] = []

        mutating func add(_ item: Compiled) {
            let id = compiled.count
            compiled.append(item)
            var isSpecial = false
            for alternative in item.pattern.firstAlternatives {
                switch alternative {
                case let .exact(word): exact[WordKey(word), default: []].append(id)
                case let .prefix(stem):
                    var node = 0
                    for byte in stem {
                        if let child = trie[node].children[byte] {
                            node = child
                        } else {
                            trie.append(Node())
                            trie[node].children[byte] = trie.count - 1
                            node = trie.count - 1
                        }
                    }
                    trie[node].ids.append(id)
                case .negation, .number, .night: isSpecial = true
                }
            }
            if isSpecial { special.append(id) }
        }

        /// Every match of every pattern, in word order.
        func matches(in words: [Word]) -> [Match] {
            var found: [Match] = []
            var candidates: [Int] = []
            for start in words.indices {
                candidates.removeAll(keepingCapacity: true)
                let word = words[start]
                if let ids = exact[WordKey(word)] { candidates.append(contentsOf: ids) }
                var node = 0
                for byte in word {
                    guard let child = trie[node].children[byte] else { break }
                    node = child
                    candidates.append(contentsOf: trie[node].ids)
                }
                if let first = word.first, first < 0x3A || first >= 0xD0 || IncidentPattern.negations.contains(word) {
                    // Digits, Cyrillic (не, нет, полночь) and negations: the special patterns may apply.
                    for id in special where compiled[id].pattern.firstAlternatives.contains(where: { $0.matches(word) })
                    {
                        candidates.append(id)
                    }
                }
                candidates.sort()
                var previous = -1
                for id in candidates where id != previous {
                    previous = id
                    let item = compiled[id]
                    if let end = item.pattern.match(words, at: start) {
                        found.append(
                            Match(
                                kind: item.kind, sign: item.sign, weight: item.weight, start: start, end: end, cue: id))
                    }
                }
            }
            return found
        }
    }

    /// Cues, exclusions and counter-evidence in one index, so each word is looked up once.
    var index = Index()
    var personal: Set<String>

    init(_ lexicon: IncidentLexicon) {
        personal = lexicon.personal
        for sign in lexicon.counterEvidence.keys.sorted() {
            for language in (lexicon.counterEvidence[sign] ?? [:]).keys.sorted() {
                for text in lexicon.counterEvidence[sign]?[language] ?? [] {
                    for pattern in IncidentPattern.compileAll(text) {
                        index.add(Compiled(kind: .counterEvidence, sign: sign, weight: 1, pattern: pattern))
                    }
                }
            }
        }
        for sign in lexicon.cues.keys.sorted() {
            for language in (lexicon.cues[sign] ?? [:]).keys.sorted() {
                for cue in lexicon.cues[sign]?[language] ?? [] {
                    for pattern in IncidentPattern.compileAll(cue.pattern) {
                        index.add(
                            Compiled(kind: .cue, sign: sign, weight: min(max(cue.weight, 0), 1), pattern: pattern))
                    }
                }
            }
        }
        for sign in lexicon.exclusions.keys.sorted() {
            for language in (lexicon.exclusions[sign] ?? [:]).keys.sorted() {
                for text in lexicon.exclusions[sign]?[language] ?? [] {
                    for pattern in IncidentPattern.compileAll(text) {
                        index.add(Compiled(kind: .exclusion, sign: sign, weight: 1, pattern: pattern))
                    }
                }
            }
        }
    }

    /// First-person subjects: a phrase right after one of them is about the user.
    static let firstPerson = WordSet([
        "i", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "we're", "we've", "we'd", "we'll", "myself", "я", "мы",
    ])
    /// Words that put the client back as the subject between a first-person word and the phrase.
    static let thirdPerson = WordSet([
        "he", "she", "they", "them", "him", "her", "his", "their", "client", "customer", "it", "он", "она", "они",
        "его", "ее", "их", "клиент", "заказчик",
    ])
    /// Words that introduce what someone said about the user ("said that I'm", "сказал, что я").
    static let reportedSpeech = WordSet(["that", "что", "like", "как"])
    /// Conditional words: "if they pay late again" describes no incident yet.
    static let conditionals = WordSet(["if", "unless", "whether", "если", "ли"])
    /// Negations that bind to the next word only.
    static let nextWordNegations = WordSet(["не", "ни"])
    /// Words after a negation that keep the meaning positive ("не раз" = more than once, "not only").
    static let negationExceptions = WordSet([
        "раз", "впервые", "первый", "только", "один", "only", "just", "the", "first",
    ])

    /// Signs whose words, next to a phrase, mean the note talks about the product the user builds for
    /// the client ("the overdue-invoices dashboard", "скидки для их покупателей"), not the relationship.
    static let productTalkSigns: Set<String> = ["late", "dispute", "competitor"]
    static let productWords = WordSet([
        "dashboard", "dashboards", "module", "modules", "feature", "features", "flow", "flows", "screen", "screens",
        "report", "reports", "widget", "widgets", "template", "templates", "notification", "notifications",
        "analysis", "customers", "users", "buyers", "subscribers", "shop", "store", "app", "checkout", "tasks",
        "task", "backlog", "tickets", "ticket", "todo", "todos", "deliveries", "suppliers", "supplier", "partners",
        "поставщиками", "поставщиков", "партнерами",
        "модуль", "модуля", "функцию", "функционал", "экран", "отчет", "шаблон", "шаблоны", "уведомления",
        "виджет", "покупателей", "покупателям", "пользователей", "пользователям", "клиентов", "магазине", "магазина",
        "анализ", "приложении", "приложения",
    ])

    /// The matches that survive exclusions, negation, conditionals and first-person checks.
    /// Also returns the signs with counter-evidence in the entry, and those whose every phrase was
    /// cancelled.
    func effectiveMatches(in tokens: [DetectorToken], words: [Word]) -> (
        matches: [Match], contradicted: Set<String>, cancelled: Set<String>
    ) {
        let all = index.matches(in: words)
        let excluded = all.filter { $0.kind == .exclusion }
        // Counter-evidence that is itself negated ("не заплатили в срок", "didn't pay on time") argues for
        // the sign, not against it.
        let contradicted = Set(
            all.filter { $0.kind == .counterEvidence && !isNegated($0, in: tokens, words: words, anyWord: true) }
                .map(\.sign))
        let matches = all.filter { $0.kind == .cue }.filter { match in
            if excluded.contains(where: { $0.sign == match.sign && $0.start < match.end && match.start < $0.end }) {
                return false
            }
            let pattern = index.compiled[match.cue].pattern
            let clause = tokens[match.start].clause
            let window = max(0, match.start - 3)..<match.start
            let before = window.filter { tokens[$0].clause == clause }
            if isNegated(match, in: tokens, words: words) { return false }
            // A condition governs its clause and the next one ("if they pay late again, I'll add a fee").
            let wide = max(0, match.start - 6)..<match.start
            if wide.contains(where: {
                tokens[$0].clause >= clause - 1 && IncidentMatcher.conditionals.contains(words[$0])
            }) {
                return false
            }
            if IncidentMatcher.productTalkSigns.contains(match.sign) {
                let around = max(0, match.start - 3)..<min(words.count, match.end + 4)
                if around.contains(where: {
                    !(match.start..<match.end).contains($0) && tokens[$0].clause == clause
                        && IncidentMatcher.productWords.contains(words[$0])
                }) {
                    return false
                }
            }
            if personal.contains(match.sign), !pattern.ignoresPerson,
                let subject = before.last(where: { IncidentMatcher.firstPerson.contains(words[$0]) }),
                !(subject + 1..<match.start).contains(where: { IncidentMatcher.thirdPerson.contains(words[$0]) }),
                // "said that I'm stupid": an insult reported about the user, not the user's own act.
                !(match.sign == Sign.abuse.tag && subject > 0
                    && IncidentMatcher.reportedSpeech.contains(words[subject - 1]))
            {
                return false
            }
            return true
        }
        let surviving = Set(matches.map(\.sign))
        let cancelled = Set(all.filter { $0.kind == .cue && !surviving.contains($0.sign) }.map(\.sign))
        return (matches, contradicted, cancelled)
    }

    /// Whether a negation stands before the match in its clause, up to three words back; Russian
    /// "не"/"ни" negate only the next word ("не опоздал", but "не платит налоги"). A pattern that itself
    /// starts with a negation ("hasn't paid") is never negated. With `anyWord`, "не"/"ни" also negate
    /// from further back: in "не заплатили в срок" the "не" governs the verb that "в срок" qualifies.
    func isNegated(_ match: Match, in tokens: [DetectorToken], words: [Word], anyWord: Bool = false) -> Bool {
        guard !index.compiled[match.cue].pattern.startsWithNegation else { return false }
        let clause = tokens[match.start].clause
        for position in max(0, match.start - 3)..<match.start
        where tokens[position].clause == clause && IncidentPattern.negations.contains(words[position])
            && (anyWord || !IncidentMatcher.nextWordNegations.contains(words[position])
                || position == match.start - 1)
        {
            let next = position + 1 < words.count ? words[position + 1] : []
            if !IncidentMatcher.negationExceptions.contains(next) { return true }
        }
        return false
    }
}
