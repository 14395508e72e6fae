import RedflagCore
import RedflagJournal

/// One word of an entry, as the incident detector sees it.
///
/// `#tags` (a `#` followed by a letter) are skipped: they are the user's labels, not what the entry
/// says, and would leak the answer into training. Words are maximal runs of Unicode letters and digits (an apostrophe between two letters stays
/// inside the word: `didn't`, `i'm`), lowercased, with `ё` folded to `е` and typographic apostrophes
/// folded to `'`. Punctuation that ends a clause (`. , ; : ! ? ( ) — –`, a line break, a spaced
/// hyphen) and the conjunctions `but`, `though`, `however`, `но`, `а`, `однако` start a new clause;
/// negation and first-person checks never look across a clause.
struct DetectorToken: Hashable, Sendable {
    /// The normalised word.
    var text: String
    /// 0-based clause number within the entry.
    var clause: Int
    /// 0-based sentence number within the entry (`.`, `!`, `?`, `…` or a line break end one).
    var sentence: Int = 0
    /// The word's range in the original text, for evidence.
    var range: Range<String.Index>

    init(text: String, clause: Int, range: Range<String.Index>) {
        self.text = text
        self.clause = clause
        self.range = range
    }

    /// Conjunctions that open a new clause (they are kept as tokens too).
    static let clauseConjunctions: Set<String> = ["but", "though", "however", "although", "но", "а", "однако", "зато"]

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
                if clauseConjunctions.contains(word), !tokens.isEmpty, tokens.last?.clause == clause {
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

    /// Lowercases a phrase the way `tokenize` lowercases words.
    static func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\u{2019}" { view.append("'") } else { appendLowercased(scalar, to: &view) }
        }
        return String(view)
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
}
