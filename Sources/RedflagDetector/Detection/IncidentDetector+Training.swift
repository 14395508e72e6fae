import RedflagCore
import RedflagJournal

extension IncidentDetector {
    /// One training example, read: its tags, and its words with their Snowball stems. Reading is
    /// most of training's cost and needs no shared state, so examples may be read on any thread
    /// (`example(_:)`) and then added to a `Training` in order.
    public struct TrainingExample: Sendable {
        let tags: Set<String>
        let tokens: [DetectorToken]
        let stems: [Word]
    }

    /// `labeled` read as a training example.
    public static func example(_ labeled: LabeledText) -> TrainingExample {
        let tokens = DetectorToken.tokenize(labeled.text)
        return TrainingExample(tags: labeled.tags, tokens: tokens, stems: NaiveBayesModel.stems(of: tokens))
    }

    /// The user's model being trained, one example at a time: the naive Bayes counts
    /// (`NaiveBayesTrainer`) and the stem pairs of the phrases they taught (`LearnedPhrases`). It
    /// holds counts, never the examples, so a notes directory of any size trains in the memory its
    /// vocabulary needs. Examples added in the same order train the same model, bit for bit.
    public struct Training: Sendable {
        var naiveBayes: NaiveBayesTrainer
        var phrases: LearnedPhrases

        init(signs: [String]) {
            naiveBayes = NaiveBayesTrainer(signs: Set(signs))
            phrases = LearnedPhrases(signs: Set(signs))
        }

        /// How many examples were added.
        public var count: Int { naiveBayes.size }

        /// Learns from one example, after those already added.
        public mutating func add(_ example: TrainingExample) {
            naiveBayes.add(tags: example.tags, tokens: example.tokens, stems: example.stems)
            phrases.add(tags: example.tags, tokens: example.tokens, stems: example.stems)
        }

        /// Learns from one example, after those already added.
        public mutating func add(_ example: LabeledText) { add(IncidentDetector.example(example)) }

        /// Learns from `other`'s examples, as if they were added here after these, in their order.
        public mutating func append(_ other: Training) {
            naiveBayes.append(other.naiveBayes)
            phrases.append(other.phrases)
        }
    }

    /// An empty training for this detector's signs.
    public func training() -> Training { Training(signs: signs) }

    /// A copy that has learned what `training` holds (instead of any earlier training). The
    /// compiled lexicon and the shipped model are shared.
    public func trained(by training: Training) -> IncidentDetector {
        var copy = self
        let model = training.naiveBayes.model()
        copy.model = model.classes.count >= 2 ? model : nil
        copy.learnedPhrases = training.phrases.result
        return copy
    }
}
