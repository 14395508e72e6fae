import CStemmer
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Word stems from the Snowball stemmers (Debian's `libstemmer`): English for Latin words, Russian
/// for Cyrillic ones. The detector's features and the lexicon's stems use it, instead of
/// hand-written inflection lists.
///
/// A libstemmer stemmer is not thread-safe, so every thread has its own (`current`), with its own
/// cache of stems per word: no lock on the detector's hottest path. When the library cannot create
/// a stemmer (it always can for `english` and `russian`), a word is its own stem.
final class SnowballStemmer {
    /// The calling thread's stemmer, made on first use and freed with the thread.
    static var current: SnowballStemmer {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<SnowballStemmer>.fromOpaque(pointer).takeUnretainedValue()
        }
        let stemmer = SnowballStemmer()
        pthread_setspecific(threadKey, Unmanaged.passRetained(stemmer).toOpaque())
        return stemmer
    }

    /// The stem of a lowercased word, by the calling thread's stemmer.
    static func stem(_ word: String) -> String { current.stem(word) }

    private let english: OpaquePointer?
    private let russian: OpaquePointer?
    private var cache = StemCache()

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
        var bytes = word
        return bytes.withUTF8 { utf8 in
            let hash = StemCache.hash(utf8)
            if let known = cache.stem(of: utf8, hash: hash) { return known }
            let result = compute(word)
            if cache.count > 200_000 { cache = StemCache() }
            cache.insert(Array(utf8), hash: hash, stem: result)
            return result
        }
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

/// The key of each thread's `SnowballStemmer`; the thread's exit releases it.
private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    #if canImport(Glibc)
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<SnowballStemmer>.fromOpaque(pointer).release()
        }
    #else
        pthread_key_create(&key) { pointer in
            Unmanaged<SnowballStemmer>.fromOpaque(pointer).release()
        }
    #endif
    return key
}()

/// Stems by word, looked up by the word's UTF-8 bytes: an open-addressing table over FNV-1a hashes,
/// so that a lookup neither allocates nor runs `Hasher`.
private struct StemCache {
    private var words: [[UInt8]] = []
    private var stems: [String] = []
    private var hashes: [Int] = []
    /// Slot → 1 + index into `words`, 0 when empty; a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    var count: Int { words.count }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: state ^ (state >> 32))
    }

    func stem(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> String? {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let word = words[entry - 1]
            if hashes[entry - 1] == hash, word.count == bytes.count, word.elementsEqual(bytes) {
                return stems[entry - 1]
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ word: [UInt8], hash: Int, stem: String) {
        if (words.count + 1) * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for (offset, known) in hashes.enumerated() { place(offset, hash: known) }
        }
        words.append(word)
        stems.append(stem)
        hashes.append(hash)
        place(words.count - 1, hash: hash)
    }

    private mutating func place(_ offset: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(offset + 1)
    }
}
