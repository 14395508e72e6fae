import RedflagCore
import RedflagDetector
import RedflagJournal

/// What the rules look at: the journal, the as-of date and the trained detector.
public struct LintContext: Sendable {
    /// The whole notes (in a streamed lint, its files without their entries: see `LintSession`).
    public var journal: Journal
    /// The files the rules check: every file of `journal`, or, linting file by file
    /// (`LintSession.lint`), only the one being linted.
    public var files: [ParsedFile]
    /// "Today" for `future-date`, from `--as-of`.
    public var asOf: CalendarDate
    /// The detector, trained on the journal's own tagged entries.
    public var detector: any IncidentDetecting
    /// The lexicon's score of texts already read while choosing the training entries, by text.
    public var lexicalScores: [String: LexicalScore]
    /// Confidence at or above which `untagged-incident` reports an entry.
    public var reportThreshold: Double

    public init(
        journal: Journal, files: [ParsedFile]? = nil, asOf: CalendarDate, detector: any IncidentDetecting,
        lexicalScores: [String: LexicalScore] = [:], reportThreshold: Double
    ) {
        self.journal = journal
        self.files = files ?? journal.files
        self.asOf = asOf
        self.detector = detector
        self.lexicalScores = lexicalScores
        self.reportThreshold = reportThreshold
    }

    /// The detector's suggestions for an entry's text, best first; the lexicon's score is reused
    /// when the same text was read for training.
    public func suggestions(for text: String) -> [IncidentSuggestion] {
        if let score = lexicalScores[text] { return detector.suggestions(for: text, scored: score) }
        return detector.suggestions(for: text)
    }

    public var vocabulary: Vocabulary { journal.configuration.vocabulary }

    /// True when `tag` is one of the signs (an incident), by the vocabulary's kind.
    public func isSign(_ tag: Tag) -> Bool {
        tag.isKnown && vocabulary.kind(of: tag.name) == .incident
    }
}
