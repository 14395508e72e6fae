import Foundation
import RedflagCore
import RedflagJournal

/// A normalised word as UTF-8 bytes: hashing and comparing bytes is much faster than comparing
/// Strings (which checks canonical equivalence), and the tokenizer already normalises case and ё.
typealias Word = [UInt8]

/// A `Word` as a dictionary key, hashed in one call over its bytes.
struct WordKey: Hashable, Sendable {
    var bytes: Word

    init(_ bytes: Word) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// A fixed set of words, written as strings: an open-addressing table over FNV-1a hashes of the
/// words' bytes, so that a lookup neither allocates nor runs `Hasher` (the detector asks it about
/// every word of every entry, several times).
struct WordSet: Sendable {
    /// The words, as bytes.
    private let words: [Word]
    /// Slot → 1 + index into `words`, 0 for an empty slot; a power of two, at most half full.
    private let slots: [Int32]

    init(_ strings: [String]) {
        var words: [Word] = []
        for word in strings.map({ Word($0.utf8) }) where !words.contains(word) { words.append(word) }
        var size = 8
        while size < words.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (offset, word) in words.enumerated() {
            var slot = word.withUnsafeBufferPointer { WordSet.hash($0) } & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(offset + 1)
        }
        self.words = words
        self.slots = slots
    }

    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: state ^ (state >> 32))
    }

    func contains(_ word: Word) -> Bool { word.withUnsafeBufferPointer { contains($0) } }

    func contains(_ word: ArraySlice<UInt8>) -> Bool { word.withUnsafeBufferPointer { contains($0) } }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let mask = slots.count - 1
        var slot = WordSet.hash(bytes) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return false }
            let word = words[entry - 1]
            if word.count == bytes.count, word.elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
    }
}

/// A compiled `IncidentCue` pattern: a sequence of slots matched word by word.
struct IncidentPattern: Hashable, Sendable {
    enum Alternative: Hashable, Sendable {
        case exact(Word)
        case prefix(Word)
        case negation
        case number
        case night

        func matches(_ word: Word) -> Bool {
            switch self {
            case let .exact(text): word == text
            case let .prefix(stem): word.count >= stem.count && word.starts(with: stem)
            case .negation: IncidentPattern.negations.contains(word)
            case .number: word.first.map { (0x30...0x39).contains($0) } ?? false
            case .night: IncidentPattern.isNightHour(word)
            }
        }
    }

    enum Slot: Hashable, Sendable {
        case word([Alternative])
        case gap(Int)
    }

    var slots: [Slot]
    /// True when the pattern applies after a first-person subject too (`@` prefix).
    var ignoresPerson: Bool
    /// True when the pattern itself starts with a negation (`~neg paid`, `не заплатил`): such a match is
    /// not checked for a preceding negation.
    var startsWithNegation: Bool

    /// Words that negate what follows within the same clause.
    static let negations = WordSet([
        "not", "no", "never", "without", "nor", "neither", "didn't", "doesn't", "don't", "isn't", "wasn't",
        "weren't", "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "cannot",
        "couldn't", "shouldn't", "didnt", "doesnt", "dont", "isnt", "wasnt", "werent", "hasnt", "havent",
        "wont", "cant", "couldnt", "zero", "не", "ни", "нет", "без", "никогда", "ничуть", "отнюдь", "никаких",
        "никакой", "никакого", "никакие", "никакая", "никакую",
    ])

    /// Compiles a cue text: `;` separates whole alternative phrases (`for free; free of charge`).
    static func compileAll(_ text: String) -> [IncidentPattern] {
        text.split(separator: ";").compactMap { IncidentPattern(String($0)) }
    }

    /// Compiles one pattern; nil when it has no word slot.
    init?(_ text: String) {
        var body = DetectorToken.normalize(text).trimmingCharacters(in: .whitespaces)
        ignoresPerson = body.hasPrefix("@")
        if ignoresPerson { body.removeFirst() }
        var slots: [Slot] = []
        for rawPart in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let part = IncidentPattern.expandingMacros(String(rawPart))
            if part.hasPrefix("..."), let limit = part == "..." ? 4 : Int(part.dropFirst(3)) {
                if case .word = slots.last { slots.append(.gap(limit)) }
                continue
            }
            let alternatives = part.split(separator: "|").compactMap { raw -> Alternative? in
                switch raw {
                case "~neg": return .negation
                case "~num": return .number
                case "~night": return .night
                default: break
                }
                // Inner punctuation (e-mail, 24/7) is written as separate words in patterns; keep letters,
                // digits and apostrophes only.
                let word = String(raw.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "*" })
                if word.hasSuffix("*") {
                    let stem = Array(word.dropLast().utf8)
                    return stem.isEmpty ? nil : .prefix(stem)
                }
                return word.isEmpty ? nil : .exact(Array(word.utf8))
            }
            if !alternatives.isEmpty { slots.append(.word(alternatives)) }
        }
        while case .gap = slots.last { slots.removeLast() }
        guard case let .word(first)? = slots.first else { return nil }
        self.slots = slots
        startsWithNegation = first.contains { alternative in
            switch alternative {
            case .negation: true
            case let .exact(word): IncidentPattern.negations.contains(word)
            default: false
            }
        }
    }

    /// The first slot's alternatives, for indexing.
    var firstAlternatives: [Alternative] {
        if case let .word(alternatives)? = slots.first { return alternatives }
        return []
    }

    /// The index one past the last word of a match that starts at `start`, nil when none.
    func match(_ words: [Word], at start: Int) -> Int? {
        match(words, slot: 0, at: start)
    }

    private func match(_ words: [Word], slot: Int, at position: Int) -> Int? {
        if slot == slots.count { return position }
        switch slots[slot] {
        case let .word(alternatives):
            guard position < words.count, alternatives.contains(where: { $0.matches(words[position]) }) else {
                return nil
            }
            return match(words, slot: slot + 1, at: position + 1)
        case let .gap(maximum):
            for skip in 0...maximum where position + skip <= words.count {
                if let end = match(words, slot: slot + 1, at: position + skip) { return end }
            }
            return nil
        }
    }

    /// Word classes usable in patterns as `%name` (also inside alternatives: `%money|bill`).
    static let macros: [String: String] = [
        "money":
            "payment*|invoice*|inv|money|deposit*|retainer*|balance|fee|fees|transfer*|funds|wire|cheque|check|bill|bills|оплат*|платеж*|деньг*|денег|перевод*|аванс*|предоплат*|гонорар*|транш*|счет|счета|счету",
        "rival":
            "competitor*|agency|agencies|studio*|freelancer*|dev|devs|developer*|designer*|shop|firm|vendor*|contractor*|marketplace|fiverr|upwork|offshore|конкурент*|подрядчик*|фрилансер*|агентств*|студи*|исполнител*|разработчик*|дизайнер*|программист*|команд*|кворк*|биржи|бирже",
        "cheaper":
            "cheaper|cheap|less|lower|half|third|fifth|quarter|tenth|price|prices|pricing|rate|rates|charge|charges|charging|quoted|quote*|discount*|cut|reduce|drop|дешевл*|дешевле|полцены|меньше|дороже|расценк*|цен*|ставк*|ставок|урез*|сниз*|скидк*|скидок|уступ*",
        "advice":
            "advice|advise*|recommend*|suggestion*|warning*|notes|audit|plan|checklist|guide|instructions|docs|documentation|совет*|рекомендац*|предупрежден*",
    ]

    static func expandingMacros(_ part: String) -> String {
        guard part.contains("%") else { return part }
        return part.split(separator: "|").map { alternative in
            alternative.hasPrefix("%")
                ? (macros[String(alternative.dropFirst())] ?? String(alternative)) : String(alternative)
        }.joined(separator: "|")
    }

    /// `midnight`, `3am`, `1am`, `11pm`, `2:40am`, `23:50`: hours between 23:00 and 05:59. `4h` is a
    /// duration in notes ("photos uploaded, 4h"), never a time of day.
    static let nightWords = WordSet(["midnight", "полночь", "полуночи"])

    static func isNightHour(_ bytes: Word) -> Bool {
        guard let first = bytes.first else { return false }
        if !(0x30...0x39).contains(first) { return nightWords.contains(bytes) }
        let word = String(decoding: bytes, as: UTF8.self)
        let digits = word.prefix { $0.isNumber }
        guard digits.count <= 2, let hour = Int(digits), hour <= 24 else { return false }
        var suffix = word.dropFirst(digits.count)
        if suffix.hasPrefix(":") {
            // 2:40am, 23:50
            suffix = suffix.dropFirst().drop { $0.isNumber }
            if suffix.isEmpty { return hour >= 23 || hour == 0 || hour == 24 }
        }
        switch suffix {
        case "am", "a": return hour == 12 || (1...5).contains(hour)
        case "pm", "p": return hour == 11 || hour == 12
        default: return false
        }
    }
}
