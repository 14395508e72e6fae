import Foundation

/// A multinomial naive Bayes text classifier over word stems and adjacent stem pairs, with Laplace
/// smoothing, trained in-process from the user's tagged entries.
///
/// Classes are the sign tags seen in training plus `none` for entries labelled with no sign. Each
/// entry counts a feature once (binary multinomial, better for short notes). Priors are uniform: the
/// user's journal over-represents what they chose to tag, and the lexicon, not the prior, decides
/// whether an entry is an incident at all.
struct NaiveBayesModel: Sendable {
    static let noneClass = "none"

    /// Class names, sorted (`none` included when present).
    private(set) var classes: [String] = []
    /// Feature → per-class count, indexed like `classes`.
    private var counts: [String: [Int]] = [:]
    /// Per-class total feature count.
    private var totals: [Int] = []
    /// Number of training entries.
    private(set) var size = 0

    init(training: [LabeledText], signs: Set<String>) {
        var byClass: [String: Int] = [:]
        var labelled: [([String], [String])] = []
        for example in training {
            let tags = example.tags.filter { signs.contains($0) }.sorted()
            let labels = tags.isEmpty ? [NaiveBayesModel.noneClass] : tags
            for label in labels where byClass[label] == nil { byClass[label] = byClass.count }
            labelled.append((NaiveBayesModel.features(of: DetectorToken.tokenize(example.text)), labels))
        }
        classes = byClass.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        totals = Array(repeating: 0, count: classes.count)
        for (features, labels) in labelled {
            for label in labels {
                guard let column = position[label] else { continue }
                for feature in features {
                    counts[feature, default: Array(repeating: 0, count: classes.count)][column] += 1
                }
                totals[column] += features.count
            }
        }
        size = training.count
    }

    /// The evidence for each class: the log posterior odds of that class against all others, minus
    /// the prior log odds (0 means "no information"), divided by `temperature`. Only features seen in
    /// training count. Also returns, per class, the feature that argued most for it.
    func evidence(for tokens: [DetectorToken], temperature: Double) -> [String: (score: Double, feature: String?)] {
        guard classes.count >= 2 else { return [:] }
        let vocabulary = Double(counts.count)
        let known = Set(NaiveBayesModel.features(of: tokens)).filter { counts[$0] != nil }.sorted()
        guard !known.isEmpty else { return [:] }
        var logLikelihood = Array(repeating: 0.0, count: classes.count)
        var strongest: [(Double, String?)] = Array(repeating: (0, nil), count: classes.count)
        let denominators = totals.map { log(Double($0) + vocabulary) }
        for feature in known {
            guard let row = counts[feature] else { continue }
            let logs = row.indices.map { log(Double(row[$0]) + 1) - denominators[$0] }
            let mean = logs.reduce(0, +) / Double(logs.count)
            for column in logs.indices {
                logLikelihood[column] += logs[column]
                let lift = logs[column] - mean
                if row[column] >= 2, lift > strongest[column].0 { strongest[column] = (lift, feature) }
            }
        }
        let scaled = logLikelihood.map { $0 / temperature }
        let top = scaled.max() ?? 0
        let exps = scaled.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        let priorOdds = log(1 / Double(classes.count - 1))
        var result: [String: (score: Double, feature: String?)] = [:]
        for (column, name) in classes.enumerated() {
            let posterior = min(max(exps[column] / sum, 1e-9), 1 - 1e-9)
            result[name] = (log(posterior / (1 - posterior)) - priorOdds, strongest[column].1)
        }
        return result
    }

    /// Stems of the words, and pairs of adjacent stems within a clause (`"a b"`).
    static func features(of tokens: [DetectorToken]) -> [String] {
        var features: [String] = []
        features.reserveCapacity(tokens.count * 2)
        var previous: (String, Int)?
        for token in tokens {
            let stem = stem(token.text)
            features.append(stem)
            if let (word, clause) = previous, clause == token.clause { features.append(word + " " + stem) }
            previous = (stem, token.clause)
        }
        return features
    }

    /// A crude, fast stemmer: Cyrillic words keep their first five letters, Latin words lose a
    /// common English suffix.
    static func stem(_ word: String) -> String {
        if word.unicodeScalars.first.map({ (0x0400...0x04FF).contains($0.value) }) == true {
            return String(word.prefix(5))
        }
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
