import Foundation
import RedflagKit
import Testing

/// Files that are not UTF-8 text: a diagnostic says what they look like and what to do; nothing
/// crashes; text in an 8-bit encoding is still read as far as it is safe.
@Suite("Hardening: encodings")
struct EncodingTests {
    static let note = "## 2026-01-05 Call\nThe client lied about the invoice #lie\n\n- 2026-01-06 paid late #late\n"

    @Test func invalidUTF8IsReadWithReplacementCharactersAndAWarning() {
        var bytes = Array("## 2026-01-05\nok #lie\n".utf8)
        bytes += [0xFF, 0xFE, 0x41, 0x0A, 0x23, 0x6C, 0x61, 0x74, 0x65, 0x0A]  // "\xFF\xFEA\n#late\n"
        let outcome = Hostile.run(bytes)
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie", "late"])
        let warning = outcome.file.diagnostics.first { $0.message.hasPrefix("invalid UTF-8") }
        #expect(warning?.line == 3)
        #expect(warning?.column == 1)
    }

    @Test func invalidUTF8AfterALoneCRIsOnTheRightLine() {
        let bytes = Array("a\rb\r".utf8) + [0xC3]
        let outcome = Hostile.run(bytes)
        #expect(outcome.file.diagnostics.first?.line == 3)
    }

    @Test func byteOrderMarkIsSkipped() {
        let outcome = Hostile.run([0xEF, 0xBB, 0xBF] + Array(Self.note.utf8))
        #expect(outcome.file.hasBOM)
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie", "late"])
        #expect(outcome.file.diagnostics.isEmpty)
    }

    static let wide: [(String, [UInt8], String)] = {
        let units: [UInt16] = Array(note.utf16)
        let little: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        var utf32: [UInt8] = [0xFF, 0xFE, 0, 0]
        for scalar in note.unicodeScalars {
            for shift in [0, 8, 16, 24] { utf32.append(UInt8(truncatingIfNeeded: scalar.value >> UInt32(shift))) }
        }
        return [
            ("utf-16le-bom", [0xFF, 0xFE] + little, "UTF-16 (little-endian, with a byte order mark)"),
            ("utf-16be-bom", [0xFE, 0xFF] + big, "UTF-16 (big-endian, with a byte order mark)"),
            ("utf-16le", little, "UTF-16 (little-endian, without a byte order mark)"),
            ("utf-16be", big, "UTF-16 (big-endian, without a byte order mark)"),
            ("utf-32le", utf32, "UTF-32 (little-endian)"),
        ]
    }()

    @Test(arguments: 0..<wide.count)
    func wideEncodingsAreNamedAndSkipped(index: Int) {
        let (name, bytes, expected) = Self.wide[index]
        let outcome = Hostile.run(bytes)
        #expect(outcome.file.entries.isEmpty, "\(name)")
        let error = outcome.file.diagnostics.first
        #expect(error?.severity == .error)
        #expect(error?.message.contains(expected) == true, "\(name): \(error?.message ?? "no diagnostic")")
        #expect(error?.hint?.contains("iconv -f UTF-") == true)
    }

    /// Windows-1251: А–Я at 0xC0–0xDF, а–я at 0xE0–0xFF, ё at 0xB8; ASCII as is.
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x410...0x44F: UInt8(0xC0 + scalar.value - 0x410)
            case 0x451: 0xB8
            default: UInt8(truncatingIfNeeded: scalar.value)
            }
        }
    }

    /// KOI8-R for the lowercase letters used here; ASCII as is.
    static func koi8r(_ text: String) -> [UInt8] {
        let table: [Character: UInt8] = [
            "а": 0xC1, "г": 0xC7, "е": 0xC5, "ё": 0xA3, "и": 0xC9, "к": 0xCB, "л": 0xCC, "н": 0xCE, "о": 0xCF,
            "с": 0xD3, "т": 0xD4, "ч": 0xDE,
        ]
        return text.flatMap { table[$0].map { [$0] } ?? Array(String($0).utf8) }
    }

    @Test func windows1251IsNamedAndReadAsFarAsSafe() throws {
        let text = "## 2026-01-05 Звонок\nКлиент солгал о счёте и накричал на меня #lie\n"
        let bytes = Self.windows1251(text)
        let outcome = Hostile.run(bytes)
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
        #expect(outcome.file.entries.first?.date?.description == "2026-01-05")
        let warning = try #require(outcome.file.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.hint?.contains("Windows-1251 (Cyrillic)") == true, "\(warning.hint ?? "")")
        #expect(warning.hint?.contains("iconv -f WINDOWS-1251 -t UTF-8") == true)
    }

    @Test func koi8rAndLatin1AreTold() throws {
        let koi8Outcome = Hostile.run(Self.koi8r("клиент солгал о счёте #lie\n"))
        #expect(koi8Outcome.file.diagnostics.first?.hint?.contains("KOI8-R") == true)
        let latin = try #require("Le client a menti à propos de la facture, très énervé #lie\n".data(using: .isoLatin1))
        let latinOutcome = Hostile.run(latin.map { $0 })
        #expect(latinOutcome.file.diagnostics.first?.hint?.contains("Windows-1252") == true)
        #expect(latinOutcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
    }

    @Test func binaryJunkIsSkippedWithAnError() {
        for seed in UInt64(1)...8 {
            let outcome = Hostile.run(Hostile.randomBytes(count: 20_000, seed: seed))
            #expect(outcome.file.entries.isEmpty)
            #expect(outcome.file.diagnostics.first?.message.contains("binary data, not text") == true)
        }
    }

    /// Random bytes that are all printable or line endings: not "binary", so they go through cmark,
    /// the tag scanner, lint and every renderer.
    @Test func textLikeJunkGoesThroughEveryStage() {
        let alphabet = Array("#-*_[]()<>!`\\ \t\r\n>0123456789aé/:&;\"'".utf8)
        for seed in UInt64(1)...8 {
            let bytes = Hostile.randomBytes(count: 20_000, seed: seed).map { alphabet[Int($0) % alphabet.count] }
            Hostile.run(bytes)
        }
    }

    @Test func strayNULIsWarnedAboutAndColumnsCountTheFileBytes() {
        let outcome = Hostile.run(Array("2026-01-05 a\u{0}b #lie\n".utf8))
        let tag = outcome.file.entries.first?.tags.first
        #expect(tag?.raw == "lie")
        // The NUL stays in the source: the column counts the file's own bytes.
        #expect(tag?.column == 16)
        #expect(tag.map { outcome.file.source.line(1).utf8.dropFirst($0.column - 1).starts(with: "#lie".utf8) } == true)
        #expect(outcome.file.diagnostics.contains { $0.message.contains("NUL") && $0.line == 1 })
    }

    @Test func manyNULsMakeABinaryFile() {
        let outcome = Hostile.run(Array(Self.note.utf8) + [UInt8](repeating: 0, count: 100))
        #expect(outcome.file.entries.isEmpty)
        #expect(outcome.file.diagnostics.first?.message.contains("binary") == true)
    }

    @Test func guessesFromTheFirstBytesOnly() {
        #expect(TextEncodingGuess.guess(Array("plain".utf8)[...], isValidUTF8: true) == .utf8)
        #expect(TextEncodingGuess.guess([0xFF, 0xFE, 0x41, 0x00][...], isValidUTF8: false).iconvName == "UTF-16")
        #expect(TextEncodingGuess.guess([0x41, 0x00, 0x42, 0x00][...], isValidUTF8: true).iconvName == "UTF-16LE")
        #expect(TextEncodingGuess.guess([0x00, 0x41, 0x00, 0x42][...], isValidUTF8: true).iconvName == "UTF-16BE")
        #expect(TextEncodingGuess.guess([0x01, 0x02, 0x03, 0x04][...], isValidUTF8: true) == .binary)
    }
}
