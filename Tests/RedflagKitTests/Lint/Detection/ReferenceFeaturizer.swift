import Foundation

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal

/// The detector's tokenizer and feature extractor as they were before they were made fast (main at
/// 0f3e144: scalar by scalar, names built as strings, dictionaries per entry), kept verbatim as the
/// reference the fast ones must equal exactly: the shipped model was trained on these features
/// (since issue 11f with the function words of `DetectorFeatures.stopWords` left out).
enum ReferenceFeaturizer {
    static let hashBits = 18
    static let dimension = 1 << hashBits
    static let minimumNorm: Float = 3

    /// A feature vector with every feature's name and the evidence features, as the reference made it.
    struct Features {
        var indices: [Int32]
        var values: [Float]
        var names: [Int32: String]
        var evidence: Set<Int32> = []
    }

    /// Splits `text` into normalised words with clause numbers.
    static func tokenize(_ text: String) -> [DetectorToken] {
        var tokens: [DetectorToken] = []
        var clause = 0
        var sentence = 0
        var pendingBreak = false
        var pendingSentence = false
        var current = String.UnicodeScalarView()
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex

        func flush(upTo end: String.Index) {
            guard let begin = start, !current.isEmpty else {
                start = nil
                return
            }
            // A trailing apostrophe is punctuation, not part of the word.
            while current.last == "'" { current.removeLast() }
            if !current.isEmpty {
                let word = String(current)
                if pendingBreak, !tokens.isEmpty { clause += 1 }
                if pendingSentence, !tokens.isEmpty { sentence += 1 }
                pendingBreak = false
                pendingSentence = false
                if DetectorToken.clauseConjunctions.contains(word), !tokens.isEmpty, tokens.last?.clause == clause {
                    clause += 1
                }
                var token = DetectorToken(text: word, clause: clause, range: begin..<end)
                token.sentence = sentence
                tokens.append(token)
            }
            current = String.UnicodeScalarView()
            start = nil
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let following = next < scalars.endIndex ? scalars[next] : " "
            if scalar == "#", start == nil, isWordScalar(following), !isDigit(following) {
                // A #tag is the user's label, not prose: skip it (invoice numbers like #1043 stay).
                var end = next
                while end < scalars.endIndex, isWordScalar(scalars[end]) || "-_/".unicodeScalars.contains(scalars[end])
                {
                    end = scalars.index(after: end)
                }
                index = end
                continue
            }
            if isWordScalar(scalar) {
                if start == nil { start = index }
                appendLowercased(scalar, to: &current)
            } else if scalar == ":", start != nil, current.last.map(isDigit) == true, isDigit(following) {
                // 23:50, 2:40am stay one word.
                current.append(":")
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" {
                // Kept only between letters.
                if start != nil, isWordScalar(following), !isDigit(following) {
                    current.append("'")
                } else {
                    flush(upTo: index)
                }
            } else {
                flush(upTo: index)
                if isClauseBreak(scalar, in: scalars, at: index) { pendingBreak = true }
                if sentenceScalars.contains(scalar) { pendingSentence = true }
            }
            index = next
        }
        flush(upTo: text.endIndex)
        return tokens
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Letters and digits; fast paths for ASCII and Cyrillic.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        if (0x0400...0x04FF).contains(value) { return scalar.properties.isAlphabetic }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Appends the lowercase form of a scalar, folding ё to е; fast paths for ASCII and Cyrillic.
    private static func appendLowercased(_ scalar: Unicode.Scalar, to view: inout String.UnicodeScalarView) {
        let value = scalar.value
        var lowered: UInt32?
        switch value {
        case 0x41...0x5A: lowered = value + 0x20
        case 0x61...0x7A, 0x30...0x39, 0x430...0x44F: lowered = value
        case 0x401, 0x451: lowered = 0x435  // Ё, ё → е
        case 0x410...0x42F: lowered = value + 0x20
        case 0x400...0x40F: lowered = value + 0x50
        default: lowered = nil
        }
        if let lowered, let result = Unicode.Scalar(lowered) {
            view.append(result)
        } else {
            view.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    private static let sentenceScalars = Set(".!?…\n".unicodeScalars)

    private static let breakScalars = Set(".,;:!?()[]{}—–\"«»“”\n\r•".unicodeScalars)

    private static func isClauseBreak(
        _ scalar: Unicode.Scalar, in scalars: String.UnicodeScalarView, at index: String.Index
    ) -> Bool {
        if breakScalars.contains(scalar) { return true }
        if scalar == "-" {
            // A spaced hyphen is a dash; a hyphen inside a word (e-mail, 30-day) is not.
            let before = index > scalars.startIndex ? scalars[scalars.index(before: index)] : " "
            let afterIndex = scalars.index(after: index)
            let after = afterIndex < scalars.endIndex ? scalars[afterIndex] : " "
            return before.properties.isWhitespace || after.properties.isWhitespace
        }
        return false
    }

    /// A feature's index: FNV-1a over the name's UTF-8 bytes, folded into the space.
    static func index(of name: String) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int32(truncatingIfNeeded: (hash ^ (hash >> 29)) & UInt64(dimension - 1))
    }

    /// Function words, which give no unigram, no character grams and no pair with one another.
    static let stopWords = Set(DetectorFeatures.stopWords)

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
    ) -> Features {
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
            let stop = stopWords.contains(token.text)
            // A number alone says nothing; next to a word it does ("45 days", "3am" stays a word class).
            if !stop, !stem.hasPrefix("<num>") || stem.count > 5 {
                add((negated ? "w:!" : "w:") + stem, position...position, into: &textual)
            }
            if !stop, conditional { add("w:?" + stem, position...position, into: &textual) }
            if position > 0, tokens[position - 1].clause == clause,
                !stop || !stopWords.contains(tokens[position - 1].text)
            {
                add("b:" + stems[position - 1] + " " + stem, (position - 1)...position, into: &textual)
            }
            if !stop, !stem.hasPrefix("<num>") {
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
        norm = max(norm.squareRoot(), minimumNorm)
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
        var result = Features(indices: sorted, values: sorted.map { all[$0] ?? 0 }, names: names)
        result.evidence = evidence
        return result
    }
}
