/// Client ids and output file names: lowercase ASCII letters, digits and single `-`.
public enum Slug {
    /// "Café Olé Studio" → "cafe-ole-studio"; "Рога и копыта" → "roga-i-kopyta". Never empty.
    public static func make(_ name: String) -> String {
        asciiSlug(name) ?? unicodeSlug(name)
    }

    /// `make(name)` for any name, scalar by scalar.
    static func unicodeSlug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            let pieces: String
            if let mapped = special[scalar] {
                pieces = mapped
            } else if scalar.isASCII {
                pieces = String(Character(scalar))
            } else {
                // Strip accents: decompose and keep the ASCII base letter, if any.
                let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
                pieces = String(decomposed.unicodeScalars.filter(\.isASCII).map(Character.init))
            }
            for character in pieces {
                if character.isASCII, character.isLetter || character.isNumber {
                    if pendingDash, !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.append(character)
                } else {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "client" : out
    }

    /// `make(name)` for an ASCII `name` (most file names), byte by byte; nil for any other.
    static func asciiSlug(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower)
            {
                if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(lower)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "client" : String(decoding: out, as: UTF8.self)
    }

    private static let special: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [
            "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "þ": "th",
        ]
        let cyrillic: [(Character, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"),
            ("ж", "zh"), ("з", "z"), ("и", "i"), ("й", "i"), ("к", "k"), ("л", "l"), ("м", "m"),
            ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"),
            ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"),
            ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "iu"), ("я", "ia"),
        ]
        for (letter, latin) in cyrillic {
            if let scalar = letter.unicodeScalars.first { table[scalar] = latin }
        }
        return table
    }()
}
