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

    /// `clauseConjunctions` as bytes, for the tokenizer.
    private static let conjunctionWords = WordSet(Array(clauseConjunctions))

    /// Splits `text` into normalised words with clause numbers.
    ///
    /// Reads the text's UTF-8 bytes, decoding scalars in place, with fast paths for ASCII and
    /// Cyrillic; a word's lowercased bytes are collected in one reused buffer.
    static func tokenize(_ text: String) -> [DetectorToken] {
        var copy = text
        return copy.withUTF8 { tokenize(text, bytes: $0) }
    }

    private static func tokenize(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> [DetectorToken] {
        var tokens: [DetectorToken] = []
        var clause = 0
        var sentence = 0
        var pendingBreak = false
        var pendingSentence = false
        var current: [UInt8] = []
        current.reserveCapacity(32)
        // The last scalar appended to `current`.
        var last: UInt32 = 0
        var start: Int?
        let utf8 = text.utf8
        let count = bytes.count

        func flush(upTo end: Int) {
            guard let begin = start, !current.isEmpty else {
                start = nil
                return
            }
            // A trailing apostrophe is punctuation, not part of the word.
            while current.last == 0x27 { current.removeLast() }
            if !current.isEmpty {
                if pendingBreak, !tokens.isEmpty { clause += 1 }
                if pendingSentence, !tokens.isEmpty { sentence += 1 }
                pendingBreak = false
                pendingSentence = false
                if conjunctionWords.contains(current), !tokens.isEmpty, tokens.last?.clause == clause {
                    clause += 1
                }
                let range =
                    utf8.index(utf8.startIndex, offsetBy: begin)..<utf8.index(utf8.startIndex, offsetBy: end)
                var token = DetectorToken(text: String(decoding: current, as: UTF8.self), clause: clause, range: range)
                token.sentence = sentence
                tokens.append(token)
            }
            current.removeAll(keepingCapacity: true)
            start = nil
        }

        var index = 0
        while index < count {
            let (scalar, length) = decode(bytes, at: index)
            let next = index + length
            let following: UInt32 = next < count ? decode(bytes, at: next).scalar : 0x20
            if scalar == 0x23, start == nil, isWordScalar(following), !isDigit(following) {
                // A #tag is the user's label, not prose: skip it (invoice numbers like #1043 stay).
                var end = next
                while end < count {
                    let (value, size) = decode(bytes, at: end)
                    guard isWordScalar(value) || value == 0x2D || value == 0x5F || value == 0x2F else { break }
                    end += size
                }
                index = end
                continue
            }
            if isWordScalar(scalar) {
                if start == nil { start = index }
                last = appendLowercased(scalar, to: &current)
            } else if scalar == 0x3A, start != nil, isDigit(last), isDigit(following) {
                // 23:50, 2:40am stay one word.
                current.append(0x3A)
                last = 0x3A
            } else if scalar == 0x27 || scalar == 0x2019 || scalar == 0x02BC {
                // Kept only between letters.
                if start != nil, isWordScalar(following), !isDigit(following) {
                    current.append(0x27)
                    last = 0x27
                } else {
                    flush(upTo: index)
                }
            } else {
                flush(upTo: index)
                if isClauseBreak(scalar, bytes: bytes, at: index, following: following) { pendingBreak = true }
                if isSentenceBreak(scalar) { pendingSentence = true }
            }
            index = next
        }
        flush(upTo: count)
        return tokens
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        return (
            (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
                | UInt32(bytes[index + 3]) & 0x3F, 4
        )
    }

    private static func isDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }

    /// Letters and digits; fast paths for ASCII and Russian.
    private static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        if (0x410...0x44F).contains(value) || value == 0x401 || value == 0x451 { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isWordScalar(scalar)
    }

    /// The lowercase form of an ASCII letter or digit or of a Cyrillic letter, folding ё to е; nil
    /// for any other scalar (the caller asks Unicode).
    private static func fastLowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: value + 0x20
        case 0x61...0x7A, 0x30...0x39, 0x430...0x44F: value
        case 0x401, 0x451: 0x435  // Ё, ё → е
        case 0x410...0x42F: value + 0x20
        case 0x400...0x40F: value + 0x50
        default: nil
        }
    }

    /// Appends the UTF-8 bytes of the lowercase form of a scalar, folding ё to е; returns the last
    /// scalar appended.
    private static func appendLowercased(_ value: UInt32, to bytes: inout [UInt8]) -> UInt32 {
        let lowered = fastLowercase(value)
        if let lowered {
            append(lowered, to: &bytes)
            return lowered
        }
        guard let scalar = Unicode.Scalar(value) else { return value }
        var appended = value
        for mapped in scalar.properties.lowercaseMapping.unicodeScalars {
            append(mapped.value, to: &bytes)
            appended = mapped.value
        }
        return appended
    }

    /// Appends the UTF-8 encoding of a scalar.
    @inline(__always)
    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | (value >> 12) & 0x3F))
            bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// `. ! ? …` and a line break end a sentence.
    private static func isSentenceBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x0A: true
        default: false
        }
    }

    /// Punctuation that ends a clause (`. , ; : ! ? ( ) [ ] { } — – " « » “ ” •`, line breaks), and
    /// a hyphen with a space on either side.
    private static func isClauseBreak(
        _ value: UInt32, bytes: UnsafeBufferPointer<UInt8>, at index: Int, following: UInt32
    ) -> Bool {
        switch value {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2014, 0x2013, 0x22, 0xAB,
            0xBB, 0x201C, 0x201D, 0x0A, 0x0D, 0x2022:
            return true
        case 0x2D:
            // A spaced hyphen is a dash; a hyphen inside a word (e-mail, 30-day) is not.
            var before = index - 1
            while before > 0, bytes[before] & 0xC0 == 0x80 { before -= 1 }
            let previous: UInt32 = index > 0 ? decode(bytes, at: before).scalar : 0x20
            return isWhitespace(previous) || isWhitespace(following)
        default:
            return false
        }
    }

    private static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

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
        let lowered = fastLowercase(value)
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
}
