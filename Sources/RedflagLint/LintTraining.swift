import RedflagCore
import RedflagDetector
import RedflagJournal

/// The detector's training from the user's own notes, fed one file at a time in path order, so
/// that a notes directory of any size trains without holding its entries (`Workspace.lint` streams
/// plain notes this way; `JournalDetector` feeds a loaded journal's files the same way).
///
/// What is learned (the examples `Linter` documents): sign-tagged entries and entries tagged only
/// `#paid`, `#praise` or `#referral` (`LabeledText.training`), then, as "not an incident", the
/// untagged entries in which the lexicon alone sees nothing. The tagged examples of every file come
/// before the everyday ones, as they always did: they are counted apart and joined when the detector
/// is made (`trained()`), so the model is the same, bit for bit, as one trained on the whole list.
public struct LintTraining: Sendable {
    /// What one file teaches, read (tokens and stems) on any thread by `read(_:)`.
    public struct FileExamples: Sendable {
        var tagged: [IncidentDetector.TrainingExample] = []
        var everyday: [IncidentDetector.TrainingExample] = []
    }

    /// The detector before training: its lexicon chooses the everyday examples.
    public let detector: IncidentDetector
    private var tagged: IncidentDetector.Training
    private var everyday: IncidentDetector.Training

    /// An empty training for `detector`.
    public init(detector: IncidentDetector) {
        self.detector = detector
        tagged = detector.training()
        everyday = detector.training()
    }

    /// `detector`'s training on every file of `journal`, in path order.
    public init(journal: Journal, detector: IncidentDetector) {
        self.init(detector: detector)
        for file in journal.files { add(read(file)) }
    }

    /// The examples of `file`, read. The lexical score of every untagged entry's text is looked up
    /// in `scores` first, and put there: a caller that lints the same texts afterwards reuses them.
    public func read(_ file: ParsedFile, scores: inout [String: LexicalScore]) -> FileExamples {
        var examples = FileExamples()
        examples.tagged = LabeledText.training(from: file.entries).map(IncidentDetector.example)
        for entry in file.entries where entry.tags.isEmpty && !entry.text.isEmpty {
            let score = scores[entry.text] ?? detector.lexicalScore(for: entry.text)
            scores[entry.text] = score
            if !score.suggestsSign {
                examples.everyday.append(IncidentDetector.example(LabeledText(text: entry.text, tags: [])))
            }
        }
        return examples
    }

    /// The examples of `file`, read (the lexical scores are not kept).
    public func read(_ file: ParsedFile) -> FileExamples {
        var scores: [String: LexicalScore] = [:]
        return read(file, scores: &scores)
    }

    /// Learns `examples`, those of the file after the ones added before it (path order).
    public mutating func add(_ examples: FileExamples) {
        for example in examples.tagged { tagged.add(example) }
        for example in examples.everyday { everyday.add(example) }
    }

    /// The detector trained on every file added: the tagged examples, then the everyday ones.
    public func trained() -> IncidentDetector {
        var all = tagged
        all.append(everyday)
        return detector.trained(by: all)
    }
}
