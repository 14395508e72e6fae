/// One word of an entry, as the incident detector sees it.
///
/// Words are maximal runs of Unicode letters and digits (an apostrophe between two letters stays
/// inside the word: `didn't`, `i'm`), lowercased, with `ё` folded to `е` and typographic apostrophes
/// folded to `'`. Punctuation that ends a clause (`. , ; : ! ? ( ) — –`, a line break, a spaced
/// hyphen) and the conjunctions `but`, `though`, `however`, `но`, `а`, `однако` start a new clause;
/// negation and first-person checks never look across a clause.
public struct DetectorToken: Hashable, Sendable {
    /// The normalised word.
    public var text: String
    /// 0-based clause number within the entry.
    public var clause: Int
    /// The word's range in the original text, for evidence.
    public var range: Range<String.Index>

    public init(text: String, clause: Int, range: Range<String.Index>) {
        self.text = text
        self.clause = clause
        self.range = range
    }

    /// Conjunctions that open a new clause (they are kept as tokens too).
    static let clauseConjunctions: Set<String> = ["but", "though", "however", "although", "но", "а", "однако", "зато"]

    /// Splits `text` into normalised words with clause numbers.
    public static func tokenize(_ text: String) -> [DetectorToken] {
        var tokens: [DetectorToken] = []
        var clause = 0
        var pendingBreak = false
        var current = ""
        var start: String.Index?
        var index = text.startIndex

        func flush(upTo end: String.Index) {
            guard let begin = start, !current.isEmpty else { return }
            // A trailing apostrophe is punctuation, not part of the word.
            while current.hasSuffix("'") { current.removeLast() }
            if !current.isEmpty {
                if pendingBreak, !tokens.isEmpty { clause += 1 }
                pendingBreak = false
                if clauseConjunctions.contains(current), !tokens.isEmpty, tokens.last?.clause == clause {
                    clause += 1
                }
                tokens.append(DetectorToken(text: current, clause: clause, range: begin..<end))
            }
            current = ""
            start = nil
        }

        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
                current += normalize(character)
            } else if character == ":", start != nil, current.last?.isNumber == true, next < text.endIndex,
                text[next].isNumber
            {
                // 23:50, 2:40am stay one word.
                current += ":"
            } else if character == "'" || character == "’" || character == "ʼ" {
                // Keep only between letters: look ahead.
                if start != nil, next < text.endIndex, text[next].isLetter {
                    current += "'"
                } else {
                    flush(upTo: index)
                }
            } else {
                flush(upTo: index)
                if isClauseBreak(character, in: text, at: index) { pendingBreak = true }
            }
            index = next
        }
        flush(upTo: text.endIndex)
        return tokens
    }

    /// Lowercases one character, folding `ё` to `е`.
    static func normalize(_ character: Character) -> String {
        let lowered = character.lowercased()
        return lowered == "ё" ? "е" : lowered
    }

    /// Lowercases a phrase the way `tokenize` lowercases words.
    static func normalize(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "’", with: "'")
    }

    private static func isClauseBreak(_ character: Character, in text: String, at index: String.Index) -> Bool {
        if ".,;:!?()[]{}—–\"«»“”\n\r•".contains(character) { return true }
        if character == "-" {
            // A spaced hyphen is a dash; a hyphen inside a word (e-mail, 30-day) is not.
            let before = index > text.startIndex ? text[text.index(before: index)] : " "
            let afterIndex = text.index(after: index)
            let after = afterIndex < text.endIndex ? text[afterIndex] : " "
            return before.isWhitespace || after.isWhitespace
        }
        return false
    }
}
