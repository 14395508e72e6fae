import RedflagCore
import RedflagJournal

/// The counts of a `NaiveBayesModel`, taken one training example at a time (`add`), then finished
/// into the model (`model()`): nothing but the counts is held, whatever the number of examples.
///
/// Counts are kept for every class an example may name (the signs and `none`); the classes no
/// example named are dropped when the model is made. Features get their ids in the order the
/// examples bring them, so examples added in the same order make the same model, bit for bit, as
/// the whole list once did. `append` adds another trainer's examples after this one's: the same as
/// adding them here, in their order, once this one's are in.
struct NaiveBayesTrainer: Sendable {
    /// Every class an example may name, sorted: the signs and `none`.
    let classes: [String]
    /// Class name → column.
    private let position: [String: Int]
    /// Feature hash → dense id.
    private var ids = FeatureIDs()
    /// Dense id → feature.
    private var featureNames: [Word] = []
    /// Per feature id and class (`id * classes.count + class`): the number of examples with it.
    private var counts: [Int32] = []
    /// Per class: the sum over its examples of their distinct features.
    private var totals: [Int]
    /// Per class: whether an example named it.
    private var named: [Bool]
    /// Number of examples added.
    private(set) var size = 0

    /// A trainer with no example yet, for the classes `signs` and `none`.
    init(signs: Set<String>) {
        classes = (signs.union([NaiveBayesModel.noneClass])).sorted()
        position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        totals = Array(repeating: 0, count: classes.count)
        named = Array(repeating: false, count: classes.count)
    }

    /// Counts one example with sign tags `tags` (none of them a sign: `none`), whose text has
    /// `tokens` with their Snowball `stems`. Each feature counts once per example.
    mutating func add(tags: Set<String>, tokens: [DetectorToken], stems: [Word]) {
        let signs = tags.filter { position[$0] != nil && $0 != NaiveBayesModel.noneClass }.sorted()
        let labels = signs.isEmpty ? [NaiveBayesModel.noneClass] : signs
        let columns = labels.compactMap { position[$0] }
        let width = classes.count
        var entryIDs: [Int] = []
        for feature in NaiveBayesModel.features(of: tokens, stems: stems) {
            if let id = ids[feature.hash] {
                entryIDs.append(id)
            } else {
                let id = ids.insert(feature.hash)
                featureNames.append(NaiveBayesModel.name(of: feature, stems: stems))
                counts.append(contentsOf: repeatElement(0, count: width))
                entryIDs.append(id)
            }
        }
        entryIDs.sort()
        var previous = -1
        var unique = 0
        for id in entryIDs where id != previous {
            previous = id
            unique += 1
            for column in columns { counts[id * width + column] += 1 }
        }
        for column in columns {
            totals[column] += unique
            named[column] = true
        }
        size += 1
    }

    /// Adds `other`'s examples after this trainer's, as if they had been added here in their order:
    /// its features new to this trainer get the next ids, in the order `other` gave them theirs.
    mutating func append(_ other: NaiveBayesTrainer) {
        let width = classes.count
        let otherWidth = other.classes.count
        // Trainers of one detector share their classes; by name, in case they do not.
        let columns = other.classes.map { position[$0] }
        for id in 0..<other.ids.count {
            let hash = other.ids.key(id)
            let mine: Int
            if let known = ids[hash] {
                mine = known
            } else {
                mine = ids.insert(hash)
                featureNames.append(other.featureNames[id])
                counts.append(contentsOf: repeatElement(0, count: width))
            }
            for (theirs, column) in columns.enumerated() {
                guard let column else { continue }
                counts[mine * width + column] += other.counts[id * otherWidth + theirs]
            }
        }
        for (theirs, column) in columns.enumerated() {
            guard let column else { continue }
            totals[column] += other.totals[theirs]
            named[column] = named[column] || other.named[theirs]
        }
        size += other.size
    }

    /// The model of the examples added: the classes no example named are dropped.
    func model() -> NaiveBayesModel {
        let kept = classes.indices.filter { named[$0] }
        let width = kept.count
        var keptCounts: [Int32] = []
        keptCounts.reserveCapacity(ids.count * width)
        for id in 0..<ids.count {
            for column in kept { keptCounts.append(counts[id * classes.count + column]) }
        }
        return NaiveBayesModel(
            classes: kept.map { classes[$0] }, ids: ids, featureNames: featureNames, counts: keptCounts,
            totals: kept.map { totals[$0] }, size: size)
    }
}
