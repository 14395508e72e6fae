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
///   inflection and typos that stems miss;
/// - function words (`stopWords`: "me", "our", "on", "мне") give no `w:` and no `c:` feature, and
///   two of them side by side no `b:` pair.
///
/// Lexicon and structure features, not normalised:
/// - `lex:sign` the lexicon's confidence for the sign (after its own negation, exclusion and
///   first-person rules), `raw:sign` 1 when a phrase of the sign matched but was cancelled;
/// - `x:` cues across adjacent sentences: a claim ("said", "обещал") followed in the next sentences
///   by a contradiction ("actually", "bank shows", "оказалось") or by a negation;
/// - `len:` the entry's length class.
///
/// A feature's index is FNV-1a over its name's UTF-8 bytes (`w:` + stem, `c:` + gram …), folded
/// into the space. The names are never built as strings: the hash runs over the prefix and then the
/// stem's or the gram's bytes, and the features are collected in one array, sorted, and merged
/// (a feature met twice, or two names that fall on one index, keep the larger value). Only when a
/// finding is explained (`naming`) does the vector remember where each feature came from, so that
/// the few features shown can be named as the user wrote them.
struct DetectorFeatures: Sendable {
    /// log2 of the hashed space.
    static let hashBits = 18
    static let dimension = 1 << hashBits
    /// The least norm the text features are divided by (about five words' worth).
    static let minimumNorm: Float = 3

    /// Sorted, distinct feature indices and their values.
    var indices: [Int32]
    var values: [Float]
    /// Where the features came from (only when extracted with `naming`).
    private var provenance: Provenance?

    /// A feature's index: FNV-1a over the name's UTF-8 bytes, folded into the space.
    static func index(of name: String) -> Int32 {
        var hash = Hash()
        for byte in name.utf8 { hash.add(byte) }
        return hash.index
    }

    /// FNV-1a, 64 bits, fed byte by byte; `index` folds it into the hashed space.
    struct Hash {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325

        init() {}

        init(_ prefix: StaticString) {
            prefix.withUTF8Buffer { for byte in $0 { add(byte) } }
        }

        @inline(__always) mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            for offset in range { add(bytes[offset]) }
        }

        var index: Int32 {
            Int32(truncatingIfNeeded: (state ^ (state >> 29)) & UInt64(DetectorFeatures.dimension - 1))
        }
    }

    /// Function words (as written, lowercased, `ё` → `е`) that get no `w:` unigram and no `c:`
    /// character grams of their own, and no `b:` pair with another of them: in a short entry they
    /// carried a sign alone ("posted about me on Instagram" read as `#lie` from "me", "our", "on").
    /// They still mark what follows (negations and conditions are not in the list and keep their
    /// scopes) and still pair with a content word ("on time", "за месяц").
    static let stopWords: [String] = [
        "a", "an", "the", "and", "or", "i", "i'm", "i've", "i'd", "me", "my", "mine", "myself", "we", "we're",
        "us", "our", "ours", "you", "you're", "your", "yours", "he", "he's", "him", "his", "she", "she's", "her",
        "hers", "they", "they're", "them", "their", "theirs", "it", "it's", "its", "this", "that", "these",
        "those", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "as", "so",
        "than", "then", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have",
        "has", "had", "there", "here", "what", "which", "who", "whom", "just", "also", "very", "up", "out",
        "off", "и", "в", "во", "на", "с", "со", "что", "чтобы", "я", "меня", "мне", "мной", "мы", "нас", "нам",
        "ты", "тебя", "тебе", "вы", "вас", "вам", "он", "его", "ему", "она", "ее", "ей", "они", "их", "им",
        "это", "этот", "эта", "эти", "этого", "то", "тот", "та", "так", "по", "за", "к", "ко", "у", "о", "об",
        "от", "до", "из", "же", "ли", "вот", "ну", "как", "там", "тут", "для", "при", "про", "мой", "моя",
        "мое", "мои", "наш", "наша", "наше", "наши", "свой", "своя", "свои",
    ]
    static let stopWordSet = WordSet(stopWords)

    static let claimStems: [String] = [
        "said", "say", "told", "tell", "claim", "promis", "assur", "insist", "swore", "swear", "confirm", "wrote",
        "сказа", "говор", "обеща", "утвержда", "увер", "клял", "подтверд", "писа", "заяв",
    ]
    static let realityStems: [String] = [
        "actual", "realli", "bank", "show", "turn", "fact", "found", "record", "log", "screenshot", "statement",
        "оказа", "выясн", "самом", "факт", "банк", "выписк", "видн", "лог", "скрин",
    ]
    private static let claimPrefixes = claimStems.map { Array($0.utf8) }
    private static let realityPrefixes = realityStems.map { Array($0.utf8) }

    /// Whether `stem` starts with one of `prefixes` as `String.hasPrefix` decides (by characters):
    /// compared as bytes, and, when the bytes agree and a non-ASCII scalar follows (which might be
    /// a combining mark joining the prefix's last letter), confirmed by `hasPrefix`.
    private static func startsWithAny(
        _ stem: String, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefixes: [[UInt8]]
    ) -> Bool {
        for prefix in prefixes where prefix.count <= range.count {
            var equal = true
            for (offset, byte) in prefix.enumerated() where bytes[range.lowerBound + offset] != byte {
                equal = false
                break
            }
            guard equal else { continue }
            if prefix.count == range.count || bytes[range.lowerBound + prefix.count] < 0x80 { return true }
            if stem.hasPrefix(String(decoding: prefix, as: UTF8.self)) { return true }
        }
        return false
    }

    /// Where a feature came from, to name it (`names`) and to tell whether it may stand as evidence.
    private enum Origin: Sendable {
        /// A word feature of the token at this position, named with this prefix (`w:`, `w:!`, `w:?`).
        case word(Int, StaticString)
        /// A pair feature of the tokens at this position and the one before.
        case pair(Int)
        /// A character gram: token position, first scalar (of `^word$`) and size.
        case gram(Int, Int, Int)
        /// A feature named by a fixed label.
        case label(String)
    }

    /// What naming needs: the entry, and each feature's first origin, by index.
    private struct Provenance: Sendable {
        var text: String
        var tokens: [DetectorToken]
        /// The stems as the features read them (`<num>…` for numbers).
        var stems: [String]
        /// Sorted feature indices and the origin of the first feature that fell on each.
        var indices: [Int32]
        var origins: [Origin]
        /// Labels that replace the first origin's name (the lexicon's phrase), by index.
        var labels: [Int32: String]

        /// The first origin of the feature at `index`.
        func origin(of index: Int32) -> Origin? {
            var low = 0
            var high = indices.count
            while low < high {
                let middle = (low + high) / 2
                if indices[middle] < index { low = middle + 1 } else { high = middle }
            }
            return low < indices.count && indices[low] == index ? origins[low] : nil
        }

        /// The words of the entry in `range` (token positions), as written.
        func written(_ range: ClosedRange<Int>) -> String {
            String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound])
        }
    }

    /// The readable name of a feature: its words as written when it is a word feature, else what it
    /// is ("lexicon “still not paid”"); nil unless extracted with `naming`.
    func name(of index: Int32) -> String? {
        guard let provenance else { return nil }
        if let label = provenance.labels[index] { return label }
        guard let origin = provenance.origin(of: index) else { return nil }
        switch origin {
        case let .word(position, _): return provenance.written(position...position)
        case let .pair(position): return provenance.written((position - 1)...position)
        case let .gram(position, start, size):
            let scalars = Array(("^" + provenance.tokens[position].text + "$").unicodeScalars)
            var gram = String.UnicodeScalarView()
            gram.append(contentsOf: scalars[start..<(start + size)])
            return "“\(String(gram))” in “\(provenance.written(position...position))”"
        case let .label(label): return label
        }
    }

    /// Whether a feature may stand as a finding's evidence: a word or word-pair feature, not of
    /// function words or numbers alone (only known when extracted with `naming`).
    func isEvidence(_ index: Int32) -> Bool {
        guard let provenance, let origin = provenance.origin(of: index) else { return false }
        let span: ClosedRange<Int>
        let stems = provenance.stems
        // The name must start with `w:` or `b:` as characters: a stem that starts with a combining
        // mark joins the colon ("w:" + "\u{345}"), and then it is no word feature.
        switch origin {
        case let .word(position, prefix):
            guard (prefix.description + stems[position]).hasPrefix("w:") else { return false }
            span = position...position
        case let .pair(position):
            guard ("b:" + stems[position - 1] + " " + stems[position]).hasPrefix("b:") else { return false }
            span = (position - 1)...position
        case .gram, .label: return false
        }
        return span.contains {
            !provenance.stems[$0].hasPrefix("<num>") && !NaiveBayesModel.isFunctionWord(provenance.stems[$0])
        }
    }

    /// What a feature stands for, to weigh a finding's evidence (`IncidentDetector`'s evidence floor).
    enum Source: Hashable, Sendable {
        /// The word at this position: its stem and its character grams.
        case word(Int)
        /// The pair of words ending at this position.
        case pair(Int)
        /// The lexicon's reading of a sign.
        case lexicon
        /// A cue across sentences (a claim, then the facts or a denial).
        case cue
        /// The entry's shape (its length, several sentences, a cancelled phrase): no evidence.
        case shape
    }

    /// What the feature at `index` stands for; `.shape` unless extracted with `naming`.
    func source(of index: Int32) -> Source {
        guard let provenance, let origin = provenance.origin(of: index) else { return .shape }
        switch origin {
        case let .word(position, _): return .word(position)
        case let .gram(position, _, _): return .word(position)
        case let .pair(position): return .pair(position)
        case let .label(label):
            if label.hasPrefix("lex:") { return .lexicon }
            return label.hasPrefix("a claim") ? .cue : .shape
        }
    }

    /// Extracts the features of `tokens` (with their Snowball `stems`), given the lexicon's reading.
    static func extract(
        tokens: [DetectorToken], stems snowball: [String], lexical: LexicalScore, text: String, naming: Bool = false
    ) -> DetectorFeatures {
        let count = min(tokens.count, snowball.count)
        // Numbers read as `<num>` and their letters (`45d` → `<num>d`); every other word as its stem.
        var stems = Array(snowball.prefix(count))
        var isNumber = [Bool](repeating: false, count: count)
        var stemBytes: [UInt8] = []
        stemBytes.reserveCapacity(count * 8)
        var stemEnds = [Int](repeating: 0, count: count + 1)
        var wordFlags = [UInt8](repeating: 0, count: count)
        for position in 0..<count {
            let word = tokens[position].text
            if let first = word.utf8.first, (0x30...0x39).contains(first) {
                let letters = word.unicodeScalars.filter { !(0x30...0x39).contains($0.value) && $0 != ":" }
                stems[position] = "<num>" + String(String.UnicodeScalarView(letters))
                // As characters: a combining mark after the digits joins `>` ("<num>" + "\u{345}…"),
                // and then the stem reads as a word.
                isNumber[position] = stems[position].hasPrefix("<num>")
            }
            stemBytes.append(contentsOf: stems[position].utf8)
            stemEnds[position + 1] = stemBytes.count
            wordFlags[position] = Flags.of(word)
        }
        var collector = Collector(naming: naming)
        stemBytes.withUnsafeBufferPointer { stemBuffer in
            var gramBytes: [UInt8] = []
            var gramStarts: [Int] = []
            var negatedUntil = -1
            var conditionalUntil = -1
            for position in 0..<count {
                let stem = stemEnds[position]..<stemEnds[position + 1]
                let clause = tokens[position].clause
                let negated = position <= negatedUntil
                let stop = wordFlags[position] & Flags.stop != 0
                // A number alone says nothing; next to a word it does ("45 days", "3am" stays a word class).
                if !stop, !isNumber[position] || stems[position].count > 5 {
                    let prefix: StaticString = negated ? "w:!" : "w:"
                    var hash = Hash(prefix)
                    hash.add(stemBuffer, stem)
                    collector.text(hash.index, 1, .word(position, prefix))
                }
                if !stop, position <= conditionalUntil {
                    var hash = Hash("w:?")
                    hash.add(stemBuffer, stem)
                    collector.text(hash.index, 1, .word(position, "w:?"))
                }
                if position > 0, tokens[position - 1].clause == clause,
                    !stop || wordFlags[position - 1] & Flags.stop == 0
                {
                    var hash = Hash("b:")
                    hash.add(stemBuffer, stemEnds[position - 1]..<stemEnds[position])
                    hash.add(0x20)
                    hash.add(stemBuffer, stem)
                    collector.text(hash.index, 1, .pair(position))
                }
                if !stop, !isNumber[position] {
                    // The scalars of `^word$`, by their UTF-8 offsets.
                    gramBytes.removeAll(keepingCapacity: true)
                    gramStarts.removeAll(keepingCapacity: true)
                    gramBytes.append(0x5E)
                    gramBytes.append(contentsOf: tokens[position].text.utf8)
                    gramBytes.append(0x24)
                    for (offset, byte) in gramBytes.enumerated() where byte & 0xC0 != 0x80 { gramStarts.append(offset) }
                    let scalars = gramStarts.count
                    gramStarts.append(gramBytes.count)
                    gramBytes.withUnsafeBufferPointer { gram in
                        for size in 3...4 where scalars >= size {
                            for start in 0...(scalars - size) {
                                var hash = Hash("c:")
                                hash.add(gram, gramStarts[start]..<gramStarts[start + size])
                                collector.text(hash.index, 0.5, .gram(position, start, size))
                            }
                        }
                    }
                }
                let flags = wordFlags[position]
                if flags & Flags.negation != 0 {
                    let reach = flags & Flags.nextWordNegation != 0 ? 1 : 3
                    var end = position
                    while end + 1 < count, end + 1 <= position + reach, tokens[end + 1].clause == clause { end += 1 }
                    negatedUntil = end
                }
                if flags & Flags.conditional != 0 { conditionalUntil = position + 6 }
            }
        }
        collector.normalizeText()
        // Lexicon features.
        for (sign, reading) in lexical.signs where reading.strength > 0 {
            let index = index(of: "lex:" + sign)
            collector.add(index, Float(reading.strength), naming ? .label("lex:" + sign) : nil)
            if naming { collector.labels[index] = "lexicon “\(reading.evidence)”" }
        }
        for sign in lexical.cancelled where lexical.signs[sign] == nil {
            collector.add(
                index(of: "raw:" + sign), 1,
                naming ? .label("a \(sign) phrase, cancelled (negated, conditional…)") : nil)
        }
        // Cues across adjacent sentences.
        let sentences = (tokens.prefix(count).last?.sentence ?? 0) + 3
        var claim = [Bool](repeating: false, count: sentences)
        var reality = [Bool](repeating: false, count: sentences)
        var negation = [Bool](repeating: false, count: sentences)
        stemBytes.withUnsafeBufferPointer { stemBuffer in
            for position in 0..<count {
                let sentence = tokens[position].sentence
                let stem = stemEnds[position]..<stemEnds[position + 1]
                if startsWithAny(stems[position], stemBuffer, stem, claimPrefixes) { claim[sentence] = true }
                if startsWithAny(stems[position], stemBuffer, stem, realityPrefixes) { reality[sentence] = true }
                if wordFlags[position] & Flags.negation != 0 { negation[sentence] = true }
            }
        }
        for sentence in claim.indices where claim[sentence] {
            if reality[sentence + 1] || reality[sentence + 2] {
                collector.add(
                    index(of: "x:claim>reality"), 1,
                    naming ? .label("a claim, then the facts in a next sentence") : nil)
            }
            if negation[sentence + 1] {
                collector.add(
                    index(of: "x:claim>negation"), 1,
                    naming ? .label("a claim, then a denial in the next sentence") : nil)
            }
        }
        if (tokens.prefix(count).last?.sentence ?? 0) >= 1 {
            collector.add(index(of: "x:sentences"), 1, naming ? .label("several sentences") : nil)
        }
        let length = count < 8 ? "short" : (count < 25 ? "medium" : "long")
        collector.add(index(of: "len:" + length), 1, naming ? .label("a \(length) entry") : nil)
        let (indices, values) = collector.merged()
        var result = DetectorFeatures(indices: indices, values: values)
        if naming {
            result.provenance = collector.provenance(text: text, tokens: Array(tokens.prefix(count)), stems: stems)
        }
        return result
    }

    private init(indices: [Int32], values: [Float]) {
        self.indices = indices
        self.values = values
    }

    /// Per-word flags: the function-word classes the features look for.
    private enum Flags {
        static let negation: UInt8 = 1
        static let nextWordNegation: UInt8 = 2
        static let conditional: UInt8 = 4
        static let stop: UInt8 = 8

        static func of(_ word: String) -> UInt8 {
            var copy = word
            return copy.withUTF8 { bytes in
                var flags: UInt8 = 0
                if IncidentPattern.negations.contains(bytes) { flags |= negation }
                if IncidentMatcher.nextWordNegations.contains(bytes) { flags |= nextWordNegation }
                if IncidentMatcher.conditionals.contains(bytes) { flags |= conditional }
                if DetectorFeatures.stopWordSet.contains(bytes) { flags |= stop }
                return flags
            }
        }
    }

    /// Collects features as they are met: each as one `UInt64`, the index in the high half and the
    /// value's bit pattern in the low half, so that sorting groups a feature's occurrences with the
    /// largest value last (the values are never negative).
    private struct Collector {
        var entries: [UInt64] = []
        let naming: Bool
        /// (index, order met, origin) of every feature, when naming.
        var origins: [(index: Int32, order: Int, origin: Origin)] = []
        var labels: [Int32: String] = [:]

        init(naming: Bool) {
            self.naming = naming
            entries.reserveCapacity(256)
        }

        @inline(__always) static func pack(_ index: Int32, _ value: Float) -> UInt64 {
            UInt64(UInt32(bitPattern: index)) << 32 | UInt64(value.bitPattern)
        }

        /// A text feature (normalised later).
        @inline(__always) mutating func text(_ index: Int32, _ value: Float, _ origin: @autoclosure () -> Origin) {
            entries.append(Self.pack(index, value))
            if naming { origins.append((index, origins.count, origin())) }
        }

        /// Any other feature (after `normalizeText`).
        mutating func add(_ index: Int32, _ value: Float, _ origin: Origin?) {
            entries.append(Self.pack(index, value))
            if let origin { origins.append((index, origins.count, origin)) }
        }

        /// Merges the text features met so far and divides them by their L2 norm (never by less
        /// than `minimumNorm`: a note of one or two words ("x", "123") carries little evidence, and
        /// must not weigh as much as a whole story).
        mutating func normalizeText() {
            let (indices, values) = merged()
            // The values are 1 and 0.5: their squares sum exactly, in any order.
            var norm: Float = 0
            for value in values { norm += value * value }
            norm = max(norm.squareRoot(), DetectorFeatures.minimumNorm)
            entries.removeAll(keepingCapacity: true)
            for (index, value) in zip(indices, values) { entries.append(Self.pack(index, value / norm)) }
        }

        /// The distinct indices, sorted, each with its largest value.
        func merged() -> ([Int32], [Float]) {
            let sorted = entries.sorted()
            var indices: [Int32] = []
            var values: [Float] = []
            indices.reserveCapacity(sorted.count)
            values.reserveCapacity(sorted.count)
            for (offset, entry) in sorted.enumerated() {
                let index = Int32(bitPattern: UInt32(truncatingIfNeeded: entry >> 32))
                let value = Float(bitPattern: UInt32(truncatingIfNeeded: entry))
                if offset + 1 < sorted.count, sorted[offset + 1] >> 32 == entry >> 32 { continue }
                indices.append(index)
                values.append(value)
            }
            return (indices, values)
        }

        func provenance(text: String, tokens: [DetectorToken], stems: [String]) -> Provenance {
            let sorted = origins.sorted { ($0.index, $0.order) < ($1.index, $1.order) }
            var indices: [Int32] = []
            var first: [Origin] = []
            for item in sorted where indices.last != item.index {
                indices.append(item.index)
                first.append(item.origin)
            }
            return Provenance(
                text: text, tokens: tokens, stems: stems, indices: indices, origins: first, labels: labels)
        }
    }
}
