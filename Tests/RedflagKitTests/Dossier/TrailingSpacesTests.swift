import Foundation
import Testing

@testable import RedflagOutput

/// The text triage's trailing-space trim (one pass over the bytes) removes what the regular
/// expression ` +\n` → `\n` removed, and nothing else.
@Suite("Text triage trailing spaces")
struct TrailingSpacesTests {
    @Test("equal to the regular expression on random text with spaces, newlines, CR LF, tabs and emoji")
    func sameAsRegularExpression() {
        let pieces = [" ", "  ", "\n", "\r\n", "\t", "a", "é", "🙂", "e\u{301}", " \u{00A0}", "word", "\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let count = Int.random(in: 0..<40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = text.replacingOccurrences(of: " +\n", with: "\n", options: .regularExpression)
            #expect(TriageRenderer.withoutTrailingSpaces(text) == expected, "\(Array(text.utf8))")
        }
        #expect(TriageRenderer.withoutTrailingSpaces("a  \nb \n  \n c  ") == "a\nb\n\n c  ")
    }
}
