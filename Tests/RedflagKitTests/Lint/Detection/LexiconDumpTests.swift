import Foundation
import Testing

@testable import RedflagDetector

/// Throwaway: writes the Swift-literal standard lexicon as the bundled YAML files.
@Suite("Lexicon dump (temporary)")
struct LexiconDumpTests {
    @Test("dump the standard lexicon as YAML")
    func dump() throws {
        guard let out = ProcessInfo.processInfo.environment["LEXICON_DUMP"] else { return }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let lexicon = IncidentLexicon.standard
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func patterns(_ key: String, _ byLanguage: [String: [String]]?) -> String {
            guard let byLanguage, !byLanguage.isEmpty else { return "" }
            var text = "\(key):\n"
            for language in byLanguage.keys.sorted() {
                text += "  \(language):\n"
                for pattern in byLanguage[language] ?? [] { text += "    - \(quoted(pattern))\n" }
            }
            return text
        }
        for sign in lexicon.signs {
            var text = ""
            text += "personal: \(lexicon.personal.contains(sign))\n"
            if let general = lexicon.precedence[sign] { text += "outranks: [\(general.joined(separator: ", "))]\n" }
            text += "cues:\n"
            for language in (lexicon.cues[sign] ?? [:]).keys.sorted() {
                text += "  \(language):\n"
                var weight: Double?
                for cue in lexicon.cues[sign]?[language] ?? [] {
                    if cue.weight != weight {
                        weight = cue.weight
                        text += "    - weight: \(cue.weight)\n      phrases:\n"
                    }
                    text += "        - \(quoted(cue.pattern))\n"
                }
            }
            text += patterns("exclusions", lexicon.exclusions[sign])
            text += patterns("counter-evidence", lexicon.counterEvidence[sign])
            try text.write(toFile: "\(out)/\(sign).yml", atomically: true, encoding: .utf8)
        }
        #expect(Set(lexicon.precedence.keys).isSubset(of: Set(lexicon.signs)))
        #expect(Set(lexicon.exclusions.keys).isSubset(of: Set(lexicon.signs)))
        #expect(Set(lexicon.counterEvidence.keys).isSubset(of: Set(lexicon.signs)))
        #expect(lexicon.personal.isSubset(of: Set(lexicon.signs)))
    }
}
