import RedflagCore
import RedflagJournal

/// A notes snippet for a rule's documentation and tests, with the expected finding positions
/// marked by `↓` just before the flagged character (as SwiftLint marks its examples).
///
/// Most examples are one file (`acme.md`); a rule about several files (`duplicate-client`) gives
/// more. Examples are linted with `--as-of 2026-11-29` (`RuleExample.asOf`).
public struct RuleExample: Hashable, Sendable {
    /// The marker placed before each expected finding.
    public static let marker = "↓"
    /// The as-of date examples are linted with.
    public static let asOf = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 20_786)

    /// Files of the example: path relative to the notes root → Markdown (with `↓` markers).
    public var files: [File]

    /// One file of an example.
    public struct File: Hashable, Sendable {
        public var path: String
        public var markdown: String
    }

    /// A one-file example (`acme.md`).
    public init(_ markdown: String) {
        files = [File(path: "acme.md", markdown: markdown)]
    }

    /// An example of several files, in the given order.
    public init(files: [(String, String)]) {
        self.files = files.map { File(path: $0.0, markdown: $0.1) }
    }

    /// The file text with the markers removed, and the marked positions (1-based line, 1-based
    /// UTF-8 byte column of the character after the marker).
    public static func strip(_ markdown: String) -> (text: String, positions: [(line: Int, column: Int)]) {
        var text = ""
        var positions: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for character in markdown {
            if String(character) == marker {
                positions.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += String(character).utf8.count
            }
        }
        return (text, positions)
    }
}
