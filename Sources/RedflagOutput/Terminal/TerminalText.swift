import RedflagCore

/// Text from notes made safe to print on a terminal.
///
/// A note can hold anything a keyboard, a paste or a sync can put there: escape sequences that
/// move the cursor, recolour or retitle the terminal, control bytes, a NUL, bidi controls that
/// show text in another order than it is (`U+202E`). Every renderer whose output is meant for a
/// terminal passes each piece of note-derived text (entry text, client names, file names, tags,
/// messages that quote them) through `sanitized(_:)`, which shows such characters escaped as
/// `\u{1B}`. redflag's own colour codes are added after, so they stay intact. JSON, SARIF, HTML
/// and CSV escape by their own rules instead.
public enum TerminalText {
    /// `text` with every character that `isEscaped` names written as `\u{HEX}`. Tabs stay;
    /// newlines stay only with `keepingNewlines` (for multi-line output such as Markdown).
    public static func sanitized(_ text: String, keepingNewlines: Bool = false) -> String {
        // Printable ASCII (and tabs, and newlines when kept) is left as it is: checked by bytes.
        if isPlainASCII(text, keepingNewlines: keepingNewlines) { return text }
        guard text.unicodeScalars.contains(where: { isEscaped($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isEscaped(scalar, keepingNewlines: keepingNewlines) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when every byte of `text` is printable ASCII or a tab (or a line feed, when kept): such
    /// text has nothing to escape, and each of its characters is one byte and one column wide.
    static func isPlainASCII(_ text: String, keepingNewlines: Bool = false) -> Bool {
        text.utf8.allSatisfy { byte in
            (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || (keepingNewlines && byte == 0x0A)
        }
    }

    /// True for what a terminal would act on or show misleadingly: C0 controls but the tab (and
    /// the line feed when kept), DEL, C1 controls (`U+0080`–`U+009F`, `U+009B` is a one-byte CSI),
    /// the bidi controls (`U+061C`, `U+200E`, `U+200F`, `U+202A`–`U+202E`, `U+2066`–`U+2069`)
    /// and the line and paragraph separators (`U+2028`, `U+2029`).
    public static func isEscaped(_ scalar: Unicode.Scalar, keepingNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepingNewlines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `\u{1B}`: the scalar's code in upper-case hexadecimal, at least two digits.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }

    /// A source line and the caret line under its UTF-8 byte `column` (1-based), both safe for a
    /// terminal, the caret under the same character it points at in the sanitized line (an
    /// escaped character is as wide as its escape; wide characters count two; leading tabs are
    /// repeated so the caret follows the line's indentation).
    public static func excerpt(_ line: String, column: Int) -> (text: String, caret: String) {
        var width = 0
        var consumed = 0
        let plain = isPlainASCII(line)
        // Plain ASCII: one byte, one column per character, so the caret sits under byte `column`.
        if plain { width = max(0, min(column - 1, line.utf8.count)) }
        if !plain {
            for character in line {
                let size = character.utf8.count
                if consumed + size >= column { break }
                consumed += size
                width += Self.width(of: character)
            }
        }
        let indent = line.prefix { $0 == "\t" }
        let padding = String(indent) + String(repeating: " ", count: max(0, width - indent.count))
        return (plain ? line : sanitized(line), padding + "^")
    }

    /// Terminal columns `character` takes once sanitized (a tab counts one, as in the caret line).
    static func width(of character: Character) -> Int {
        if character == "\t" { return 1 }
        if character.unicodeScalars.contains(where: { isEscaped($0) }) {
            return sanitized(String(character)).unicodeScalars.count
        }
        return SourceText.displayWidth(character)
    }
}
