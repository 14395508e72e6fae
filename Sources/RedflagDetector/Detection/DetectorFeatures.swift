import Foundation
import RedflagCore
import RedflagJournal

/// The features the incident model reads from one entry: a sparse vector in a hashed space of
/// `2^hashBits` dimensions, the same in Swift inference and in training (`scripts/train-detector.py`
/// reads what `RedflagDetectorEval features` exports from this very code).
///
/// Text features, L2-normalised together (long stories and terse bullets weigh alike; very short
/// notes less):
/// - `w:` word stems (Snowball, English or Russian; a bare number is no feature of its own, `45d`
///   and `3am` are `<num>d`, `<num>am`); a stem in a negation's scope (up to three words
///   after `not`/`never`/`не`… in its clause) becomes `!stem` instead, and one in a conditional's
///   scope (`if`, `если`, up to six words) adds `?stem`;
/// - `b:` pairs of adjacent stems within a clause;
/// - `c:` character 3- and 4-grams of each word with its boundaries (`^опл`, `лат$`): Russian
///   inflection and typos that stems miss.
///
/// Lexicon and structure features, not normalised:
/// - `lex:sign` the lexicon's confidence for the sign (after its own negation, exclusion and
///   first-person rules), `raw:sign` 1 when a phrase of the sign matched but was cancelled;
/// - `x:` cues across adjacent sentences: a claim ("said", "обещал") followed in the next sentences
///   by a contradiction ("actually", "bank shows", "оказалось") or by a negation;
/// - `len:` the entry's length class.
struct DetectorFeatures: Hashable, Sendable {
    /// log2 of the hashed space.
    static let hashBits = 18
    static let dimension = 1 << hashBits
    /// The least norm the text features are divided by (about five words' worth).
    static let minimumNorm: Float = 3

    /// Sorted, distinct feature indices and their values.
    var indices: [Int32]
    var values: [Float]
    /// Index → the feature's readable name, its words as written when it is a word feature (only
    /// filled when asked for, to explain a finding).
    var names: [Int32: String]
    /// The word and word-pair features (not function words or numbers alone) that may stand as a
    /// finding's evidence (only filled with `names`).
    var evidence: Set<Int32> = []

    /// A feature's index: FNV-1a over the name's UTF-8 bytes, folded into the space.
    static func index(of name: String) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int32(truncatingIfNeeded: (hash ^ (hash >> 29)) & UInt64(dimension - 1))
    }

    static let claimStems: Set<String> = [
        "said", "say", "told", "tell", "claim", "promis", "assur", "insist", "swore", "swear", "confirm", "wrote",
        "сказа", "говор", "обеща", "утвержда", "увер", "клял", "подтверд", "писа", "заяв",
    ]
    static let realityStems: Set<String> = [
        "actual", "realli", "bank", "show", "turn", "fact", "found", "record", "log", "screenshot", "statement",
        "оказа", "выясн", "самом", "факт", "банк", "выписк", "видн", "лог", "скрин",
    ]

    /// Extracts the features of `tokens` (with their Snowball `stems`), given the lexicon's reading.
    static func extract(
        tokens: [DetectorToken], stems snowball: [String], lexical: LexicalScore, text: String, naming: Bool = false
    ) -> DetectorFeatures {
        var textual: [Int32: Float] = [:]
        var names: [Int32: String] = [:]
        let stems = zip(tokens, snowball).map { token, stem -> String in
            let word = token.text
            if let first = word.unicodeScalars.first, (0x30...0x39).contains(first.value) {
                let letters = word.unicodeScalars.filter { !(0x30...0x39).contains($0.value) && $0 != ":" }
                return "<num>" + String(String.UnicodeScalarView(letters))
            }
            return stem
        }
        func written(_ range: ClosedRange<Int>) -> String {
            String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound])
        }
        var evidence = Set<Int32>()
        func add(
            _ name: String, _ span: ClosedRange<Int>?, into table: inout [Int32: Float], value: Float = 1,
            label: String? = nil
        ) {
            let index = index(of: name)
            table[index, default: 0] = max(table[index, default: 0], value)
            guard naming, names[index] == nil else { return }
            names[index] = label ?? span.map(written) ?? name
            if let span, name.hasPrefix("w:") || name.hasPrefix("b:"),
                span.contains(where: { !stems[$0].hasPrefix("<num>") && !NaiveBayesModel.isFunctionWord(stems[$0]) })
            {
                evidence.insert(index)
            }
        }
        var negatedUntil = -1
        var conditionalUntil = -1
        for (position, token) in tokens.enumerated() {
            let word = Word(token.text.utf8)
            let stem = stems[position]
            let clause = token.clause
            let negated = position <= negatedUntil
            let conditional = position <= conditionalUntil
            // A number alone says nothing; next to a word it does ("45 days", "3am" stays a word class).
            if !stem.hasPrefix("<num>") || stem.count > 5 {
                add((negated ? "w:!" : "w:") + stem, position...position, into: &textual)
            }
            if conditional { add("w:?" + stem, position...position, into: &textual) }
            if position > 0, tokens[position - 1].clause == clause {
                add("b:" + stems[position - 1] + " " + stem, (position - 1)...position, into: &textual)
            }
            if !stem.hasPrefix("<num>") {
                let scalars = Array(("^" + token.text + "$").unicodeScalars)
                for size in 3...4 where scalars.count >= size {
                    for start in 0...(scalars.count - size) {
                        var gram = String.UnicodeScalarView()
                        gram.append(contentsOf: scalars[start..<(start + size)])
                        add(
                            "c:" + String(gram), position...position, into: &textual, value: 0.5,
                            label: naming ? "“\(String(gram))” in “\(written(position...position))”" : nil)
                    }
                }
            }
            if IncidentPattern.negations.contains(word) {
                let reach = IncidentMatcher.nextWordNegations.contains(word) ? 1 : 3
                var end = position
                while end + 1 < tokens.count, end + 1 <= position + reach, tokens[end + 1].clause == clause { end += 1 }
                negatedUntil = end
            }
            if IncidentMatcher.conditionals.contains(word) { conditionalUntil = position + 6 }
        }
        var norm: Float = 0
        for value in textual.values { norm += value * value }
        // Divided by the norm, but never by less than `minimumNorm`: a note of one or two words
        // ("x", "123") carries little evidence, and must not weigh as much as a whole story.
        norm = max(norm.squareRoot(), DetectorFeatures.minimumNorm)
        var all: [Int32: Float] = [:]
        for (index, value) in textual { all[index] = value / norm }
        // Lexicon features.
        for (sign, reading) in lexical.signs where reading.strength > 0 {
            add("lex:" + sign, nil, into: &all, value: Float(reading.strength))
            if naming { names[index(of: "lex:" + sign)] = "lexicon “\(reading.evidence)”" }
        }
        for sign in lexical.cancelled where lexical.signs[sign] == nil {
            add("raw:" + sign, nil, into: &all, label: "a \(sign) phrase, cancelled (negated, conditional…)")
        }
        // Cues across adjacent sentences.
        var sentenceClaim: [Int: Bool] = [:]
        var sentenceReality: [Int: Bool] = [:]
        var sentenceNegation: [Int: Bool] = [:]
        for (position, token) in tokens.enumerated() {
            let stem = stems[position]
            if claimStems.contains(where: { stem.hasPrefix($0) }) { sentenceClaim[token.sentence] = true }
            if realityStems.contains(where: { stem.hasPrefix($0) }) { sentenceReality[token.sentence] = true }
            if IncidentPattern.negations.contains(Word(token.text.utf8)) { sentenceNegation[token.sentence] = true }
        }
        for sentence in sentenceClaim.keys.sorted() {
            if sentenceReality[sentence + 1] == true || sentenceReality[sentence + 2] == true {
                add("x:claim>reality", nil, into: &all, label: "a claim, then the facts in a next sentence")
            }
            if sentenceNegation[sentence + 1] == true {
                add("x:claim>negation", nil, into: &all, label: "a claim, then a denial in the next sentence")
            }
        }
        if (tokens.last?.sentence ?? 0) >= 1 { add("x:sentences", nil, into: &all, label: "several sentences") }
        let length = tokens.count < 8 ? "short" : (tokens.count < 25 ? "medium" : "long")
        add("len:" + length, nil, into: &all, label: "a \(length) entry")
        let sorted = all.keys.sorted()
        var result = DetectorFeatures(indices: sorted, values: sorted.map { all[$0] ?? 0 }, names: names)
        result.evidence = evidence
        return result
    }
}
