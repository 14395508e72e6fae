/// What the bytes of a notes file look like when they are not plain UTF-8: a cheap, linear guess
/// that lets a diagnostic say which encoding the file seems to be in and how to convert it.
///
/// Only the first `sampleSize` bytes are looked at, so guessing never costs more than that.
public enum TextEncodingGuess: Hashable, Sendable {
    /// Valid UTF-8 (possibly with a byte order mark).
    case utf8
    /// UTF-16 text, little- or big-endian, with or without a byte order mark.
    case utf16(bigEndian: Bool, byteOrderMark: Bool)
    /// UTF-32 text (it has a UTF-32 byte order mark).
    case utf32(bigEndian: Bool)
    /// Not text: NUL bytes or many control bytes, e.g. an image or an archive renamed `.md`.
    case binary
    /// An 8-bit encoding; `name` is its usual name for `iconv` (`WINDOWS-1251`, `KOI8-R`, `WINDOWS-1252`).
    case legacy(name: String, description: String)

    /// How many leading bytes the guess looks at.
    public static let sampleSize = 65_536

    /// Guesses the encoding of `bytes`. `isValidUTF8` is whether the whole input decodes as UTF-8.
    public static func guess(_ bytes: ArraySlice<UInt8>, isValidUTF8: Bool) -> TextEncodingGuess {
        let sample = bytes.prefix(sampleSize)
        if sample.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32(bigEndian: false) }
        if sample.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32(bigEndian: true) }
        if sample.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false, byteOrderMark: true) }
        if sample.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true, byteOrderMark: true) }
        var nulAtEven = 0
        var nulAtOdd = 0
        var controls = 0
        for (offset, byte) in sample.enumerated() {
            if byte == 0 {
                if offset % 2 == 0 { nulAtEven += 1 } else { nulAtOdd += 1 }
            } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B {
                controls += 1
            }
        }
        let pairs = max(1, sample.count / 2)
        // Mostly-ASCII UTF-16 has a NUL in nearly every other byte, and almost none in the others.
        if nulAtOdd * 10 >= pairs * 3, nulAtEven * 20 < pairs {
            return .utf16(bigEndian: false, byteOrderMark: false)
        }
        if nulAtEven * 10 >= pairs * 3, nulAtOdd * 20 < pairs {
            return .utf16(bigEndian: true, byteOrderMark: false)
        }
        let nuls = nulAtEven + nulAtOdd
        if nuls > 8 || (nuls > 0 && !isValidUTF8) || controls * 10 > sample.count {
            return .binary
        }
        if isValidUTF8 { return .utf8 }
        return legacyGuess(sample)
    }

    /// Cyrillic single-byte text has runs of high bytes (whole words); Western European text has
    /// single accented letters among ASCII ones. Windows-1251 puts lowercase Cyrillic (the most
    /// frequent letters) at 0xE0–0xFF, KOI8-R at 0xC0–0xDF.
    private static func legacyGuess(_ sample: ArraySlice<UInt8>) -> TextEncodingGuess {
        var high = 0
        var highInRun = 0
        var upperHalf = 0
        var lowerHalf = 0
        var previousHigh = false
        var countedPrevious = false
        for byte in sample {
            let isHigh = byte >= 0x80
            if isHigh {
                high += 1
                if byte >= 0xE0 { upperHalf += 1 } else if byte >= 0xC0 { lowerHalf += 1 }
                if previousHigh {
                    highInRun += countedPrevious ? 1 : 2
                    countedPrevious = true
                } else {
                    countedPrevious = false
                }
            }
            previousHigh = isHigh
        }
        guard high > 0 else { return .legacy(name: "WINDOWS-1252", description: "Windows-1252 (Western European)") }
        if highInRun * 2 >= high {
            return upperHalf >= lowerHalf
                ? .legacy(name: "WINDOWS-1251", description: "Windows-1251 (Cyrillic)")
                : .legacy(name: "KOI8-R", description: "KOI8-R (Cyrillic)")
        }
        return .legacy(name: "WINDOWS-1252", description: "Windows-1252 or Latin-1 (Western European)")
    }

    /// Words for a diagnostic: "UTF-16 (little-endian, with a byte order mark)".
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case let .utf16(bigEndian, byteOrderMark):
            "UTF-16 (\(bigEndian ? "big" : "little")-endian, \(byteOrderMark ? "with" : "without") a byte order mark)"
        case let .utf32(bigEndian): "UTF-32 (\(bigEndian ? "big" : "little")-endian)"
        case .binary: "binary data, not text"
        case let .legacy(_, description): description
        }
    }

    /// The `iconv -f` name to convert from, when there is one.
    public var iconvName: String? {
        switch self {
        case .utf8, .binary: nil
        case let .utf16(bigEndian, byteOrderMark): byteOrderMark ? "UTF-16" : bigEndian ? "UTF-16BE" : "UTF-16LE"
        case let .utf32(bigEndian): bigEndian ? "UTF-32BE" : "UTF-32LE"
        case let .legacy(name, _): name
        }
    }
}
