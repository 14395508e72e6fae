import CStemmer
import Foundation

/// Word stems from the Snowball stemmers (Debian's `libstemmer`): English for Latin words, Russian
/// for Cyrillic ones. The detector's features and the lexicon's stems use it, instead of
/// hand-written inflection lists.
///
/// A libstemmer stemmer is not thread-safe, so each call takes a lock; stems are cached per word.
/// When the library cannot create a stemmer (it always can for `english` and `russian`), a word is
/// its own stem.
final class SnowballStemmer: @unchecked Sendable {
    /// The one shared instance.
    static let shared = SnowballStemmer()

    private let english: OpaquePointer?
    private let russian: OpaquePointer?
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    private init() {
        english = sb_stemmer_new("english", "UTF_8")
        russian = sb_stemmer_new("russian", "UTF_8")
    }

    deinit {
        sb_stemmer_delete(english)
        sb_stemmer_delete(russian)
    }

    /// The stem of a lowercased word: the Russian stemmer when the word has a Cyrillic letter,
    /// the English one when it has a Latin letter, the word itself otherwise (numbers, other scripts).
    func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[word] { return known }
        let result = compute(word)
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    private func compute(_ word: String) -> String {
        var cyrillic = false
        var latin = false
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x0400...0x04FF: cyrillic = true
            case 0x61...0x7A: latin = true
            default: break
            }
        }
        guard let stemmer = cyrillic ? russian : (latin ? english : nil) else { return word }
        let bytes = Array(word.utf8)
        let stemmed: String? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                let output = sb_stemmer_stem(stemmer, base, Int32(buffer.count))
            else { return nil }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self)
        }
        return stemmed.flatMap { $0.isEmpty ? nil : $0 } ?? word
    }
}
