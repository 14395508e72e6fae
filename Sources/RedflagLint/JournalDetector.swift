import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal

/// The detector the rules ask (`LintContext.detector`): the built-in one with the user's lexicon,
/// trained on the journal's own tagged entries (`LintTraining`) the first time it is asked, so
/// that a lint run with `untagged-incident` off never loads the model, compiles the lexicon or
/// trains.
///
/// The lexical scores read while choosing the training entries are kept, so that the rule's
/// question about the same text reuses them: the lexicon reads each entry once.
final class JournalDetector: IncidentDetecting, @unchecked Sendable {
    private let journal: Journal?
    private let lexicon: IncidentLexicon
    private let lock = NSLock()
    /// Set once, under `lock`.
    private var state: (detector: IncidentDetector, scores: [String: LexicalScore])?

    /// The detector for `journal`, trained when first asked.
    init(journal: Journal, lexicon: IncidentLexicon) {
        self.journal = journal
        self.lexicon = lexicon
    }

    /// The detector `detector`, already trained (a streamed lint trains it file by file).
    init(trained detector: IncidentDetector, lexicon: IncidentLexicon) {
        journal = nil
        self.lexicon = lexicon
        state = (detector, [:])
    }

    /// The detector with `lexicon`, untrained, made when first asked.
    init(lexicon: IncidentLexicon) {
        journal = nil
        self.lexicon = lexicon
    }

    private var trained: (detector: IncidentDetector, scores: [String: LexicalScore]) {
        lock.withLock {
            if let state { return state }
            let untrained = IncidentDetector(lexicon: lexicon)
            var made = (detector: untrained, scores: [String: LexicalScore]())
            if let journal {
                // File by file, in path order (`LintTraining`); the lexical scores are kept for the rule.
                var training = LintTraining(detector: untrained)
                var scores: [String: LexicalScore] = [:]
                for file in journal.files { training.add(training.read(file, scores: &scores)) }
                made = (training.trained(), scores)
            }
            state = made
            return made
        }
    }

    func lexicalScore(for text: String) -> LexicalScore {
        let (detector, scores) = trained
        return scores[text] ?? detector.lexicalScore(for: text)
    }

    func suggestions(for text: String, scored score: LexicalScore) -> [IncidentSuggestion] {
        trained.detector.suggestions(for: text, scored: score)
    }

    func suggestions(for text: String) -> [IncidentSuggestion] {
        let (detector, scores) = trained
        guard let score = scores[text] else { return detector.suggestions(for: text) }
        return detector.suggestions(for: text, scored: score)
    }

    func trained(on examples: [LabeledText]) -> JournalDetector {
        JournalDetector(trained: IncidentDetector(lexicon: lexicon).trained(on: examples), lexicon: lexicon)
    }
}
