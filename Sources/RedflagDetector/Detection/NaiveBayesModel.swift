import Foundation
import RedflagCore
import RedflagJournal

/// A multinomial naive Bayes text classifier over Snowball word stems and adjacent stem pairs, with Laplace
/// smoothing, trained in-process from the user's tagged entries (`NaiveBayesTrainer`, one example at a
/// time).
///
/// Classes are the sign tags seen in training plus `none` for entries labelled with no sign. Each
/// entry counts a feature once (binary multinomial, better for short notes). Priors are uniform: the
/// user's journal over-represents what they chose to tag, and the lexicon, not the prior, decides
/// whether an entry is an incident at all.
struct NaiveBayesModel: Sendable {
    static let noneClass = "none"

    /// Class names, sorted (`none` included when present).
    private(set) var classes: [String]
    /// Feature hash → dense id.
    private var ids: FeatureIDs
    /// Dense id → feature.
    private var featureNames: [Word]
    /// Per feature id and class (`id * classes.count + class`): the entry count, the smoothed log
    /// probability, and that log probability minus its mean over the classes (the feature's "lift").
    private var counts: [Int32]
    private var logProbability: [Double]
    private var lift: [Double]
    /// Number of training entries.
    private(set) var size: Int

    /// The model of counts taken by a `NaiveBayesTrainer`: `classes` (sorted, each named by an
    /// example), the features by id, their counts per class (`id * classes.count + class`), each
    /// class's total of distinct features over its examples, and the number of examples.
    init(classes: [String], ids: FeatureIDs, featureNames: [Word], counts: [Int32], totals: [Int], size: Int) {
        self.classes = classes
        self.ids = ids
        self.featureNames = featureNames
        self.counts = counts
        self.size = size
        let width = classes.count
        let vocabulary = Double(ids.count)
        let denominators = totals.map { log(Double($0) + vocabulary) }
        logProbability = Array(repeating: 0, count: counts.count)
        lift = Array(repeating: 0, count: counts.count)
        for id in 0..<ids.count {
            var sum = 0.0
            for column in 0..<width {
                let value = log(Double(counts[id * width + column]) + 1) - denominators[column]
                logProbability[id * width + column] = value
                sum += value
            }
            let mean = sum / Double(width)
            for column in 0..<width { lift[id * width + column] = logProbability[id * width + column] - mean }
        }
    }

    /// The evidence for each class: the log posterior odds of that class against all others, minus
    /// the prior log odds (0 means "no information"), divided by `temperature`. Only features seen in
    /// training count. Also returns, per class, the feature (seen at least twice with that class) that
    /// argued most for it.
    func evidence(for tokens: [DetectorToken], stems: [Word], temperature: Double) -> [String: Evidence] {
        let width = classes.count
        guard width >= 2 else { return [:] }
        var known = NaiveBayesModel.features(of: tokens, stems: stems).compactMap { ids[$0.hash] }
        guard !known.isEmpty else { return [:] }
        known.sort()
        var logLikelihood = Array(repeating: 0.0, count: width)
        var strongest: [(lift: Double, id: Int?)] = Array(repeating: (0, nil), count: width)
        var previous = -1
        for id in known where id != previous {
            previous = id
            for column in 0..<width {
                logLikelihood[column] += logProbability[id * width + column]
                let value = lift[id * width + column]
                if counts[id * width + column] >= 2, value >= NaiveBayesModel.minimumLift,
                    value > strongest[column].lift,
                    isMeaningful(id)
                {
                    strongest[column] = (value, id)
                }
            }
        }
        let scaled = logLikelihood.map { $0 / temperature }
        let top = scaled.max() ?? 0
        let exps = scaled.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        let priorOdds = log(1 / Double(width - 1))
        var result: [String: Evidence] = [:]
        for (column, name) in classes.enumerated() {
            let posterior = min(max(exps[column] / sum, 1e-9), 1 - 1e-9)
            let id = strongest[column].id
            result[name] = Evidence(
                score: log(posterior / (1 - posterior)) - priorOdds, feature: id.map { featureNames[$0] },
                support: id.map { Int(counts[$0 * width + column]) } ?? 0)
        }
        return result
    }

    /// How many features the model knows.
    var featureCount: Int { ids.count }

    /// The text of feature `id` (`"stem"` or `"stem stem"`).
    func feature(_ id: Int) -> Word { featureNames[id] }

    /// Feature `id`'s entry count, smoothed log probability and lift in class `column`.
    func values(_ id: Int, _ column: Int) -> (count: Int32, logProbability: Double, lift: Double) {
        let index = id * classes.count + column
        return (counts[index], logProbability[index], lift[index])
    }

    /// A feature: a word stem (`second == nil`) or a pair of adjacent stems, by token index, with the
    /// 64-bit FNV-1a hash of its text (`"stem"` or `"stem stem"`); computed without allocating.
    struct Feature {
        var hash: UInt64
        var first: Int
        var second: Int?
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    private static func fnv(_ hash: UInt64, _ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value = hash
        for byte in bytes { value = (value ^ UInt64(byte)) &* prime }
        return value
    }

    /// Stems of function words, which never stand as evidence on their own.
    static let functionWords = WordSet(
        [
            "the", "a", "an", "and", "or", "but", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him",
            "his", "she", "her", "they", "them", "their", "it", "its", "to", "of", "in", "on", "at", "for", "with",
            "from", "by", "is", "was", "were", "be", "been", "are", "this", "that", "so", "as", "not", "no",
            "again", "now", "still", "и", "в", "на", "с", "что", "я", "мы", "он", "она", "они", "их", "его", "ее",
            "не", "а", "но", "по", "за", "к", "у", "о", "от", "до", "из", "это", "так", "уже", "еще", "опять",
            "снова", "теперь",
        ].map { SnowballStemmer.stem($0) })

    /// Whether a Snowball stem is a function word's.
    static func isFunctionWord(_ stem: String) -> Bool {
        var copy = stem
        return copy.withUTF8 { functionWords.contains($0) }
    }

    /// How much more likely than average (in log) a feature must be in a class to be that class's
    /// evidence word: function words ("the", "their") never are.
    static let minimumLift = 1.0

    /// Whether a feature may stand as evidence: not made of function words only.
    private func isMeaningful(_ id: Int) -> Bool {
        !featureNames[id].split(separator: 0x20).allSatisfy { NaiveBayesModel.functionWords.contains(Word($0)) }
    }

    /// What the model says about one class for one entry.
    struct Evidence {
        /// Posterior log odds minus prior log odds, at the given temperature.
        var score: Double
        /// The entry's feature (seen at least twice with the class, with a lift of at least
        /// `minimumLift`) that argued most for it.
        var feature: Word?
        /// How many training entries of the class had that feature.
        var support: Int
    }

    /// Stems of the words (Snowball), and pairs of adjacent stems within a clause.
    static func features(of tokens: [DetectorToken], stems: [Word]) -> [Feature] {
        var features: [Feature] = []
        features.reserveCapacity(tokens.count * 2)
        for index in tokens.indices {
            let stem = stems[index]
            let hash = fnv(offsetBasis, stem[...])
            features.append(Feature(hash: hash, first: index, second: nil))
            if index > 0, tokens[index - 1].clause == tokens[index].clause {
                let pair = fnv(fnv(fnv(offsetBasis, stems[index - 1][...]), [0x20]), stem[...])
                features.append(Feature(hash: pair, first: index - 1, second: index))
            }
        }
        return features
    }

    /// The text of a feature, for evidence.
    static func name(of feature: Feature, stems: [Word]) -> Word {
        guard let second = feature.second else { return stems[feature.first] }
        return stems[feature.first] + [0x20] + stems[second]
    }

    /// The Snowball stems of the tokens, as bytes.
    static func stems(of tokens: [DetectorToken]) -> [Word] {
        tokens.map { Word(SnowballStemmer.stem($0.text).utf8) }
    }

    /// The stem of a word as bytes.
    static func stem(_ word: String) -> Word {
        Word(SnowballStemmer.stem(DetectorToken.normalize(word)).utf8)
    }
}
