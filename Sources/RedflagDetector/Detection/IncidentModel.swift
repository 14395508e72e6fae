import Foundation
import RedflagCore
import RedflagJournal

/// The shipped incident model: a multinomial logistic regression over `DetectorFeatures`, with the
/// class `none` (not an incident) and one class per sign, trained by `scripts/train-detector.py` and
/// bundled as `Resources/model/detector.bin`.
///
/// The file (little-endian): `RFDM`, version 1, hash bits, the class names (a length byte and UTF-8
/// each, `none` first), the dequantisation scale, one Float32 bias per class, then the rows: their
/// count, their feature indices (UInt32, ascending) and per row one Int8 weight per class
/// (weight = Int8 × scale). Features the training never saw, or whose weights were near zero, have
/// no row.
struct IncidentModel: Sendable {
    static let noneClass = "none"

    /// Class names, `none` first.
    let classes: [String]
    let bias: [Double]
    let scale: Double
    /// Feature index → first weight of its row in `weights`, or -1.
    private let rowOf: [Int32]
    private let weights: [Int8]

    /// A model from the bytes of a model file, or nil when they are not one.
    init?(data: Data) {
        let bytes = [UInt8](data)
        var position = 0
        func uint32() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for shift in 0..<4 { value |= UInt32(bytes[position + shift]) << (8 * UInt32(shift)) }
            position += 4
            return value
        }
        func float() -> Double? { uint32().map { Double(Float(bitPattern: $0)) } }
        guard bytes.count >= 8, bytes[0..<4].elementsEqual("RFDM".utf8) else { return nil }
        position = 4
        guard uint32() == 1, let bits = uint32(), Int(bits) == DetectorFeatures.hashBits, let count = uint32(),
            (2...64).contains(count)
        else { return nil }
        var classes: [String] = []
        for _ in 0..<count {
            guard position < bytes.count else { return nil }
            let length = Int(bytes[position])
            position += 1
            guard position + length <= bytes.count else { return nil }
            classes.append(String(decoding: bytes[position..<(position + length)], as: UTF8.self))
            position += length
        }
        guard classes.first == IncidentModel.noneClass, let scale = float() else { return nil }
        var bias: [Double] = []
        for _ in 0..<count {
            guard let value = float() else { return nil }
            bias.append(value)
        }
        guard let rows = uint32().map(Int.init), position + rows * (4 + Int(count)) <= bytes.count else { return nil }
        var rowOf = [Int32](repeating: -1, count: DetectorFeatures.dimension)
        for row in 0..<rows {
            guard let index = uint32().map(Int.init), index < DetectorFeatures.dimension else { return nil }
            rowOf[index] = Int32(row * Int(count))
        }
        let weights = bytes[position..<(position + rows * Int(count))].map { Int8(bitPattern: $0) }
        self.classes = classes
        self.bias = bias
        self.scale = scale
        self.rowOf = rowOf
        self.weights = weights
    }

    /// The class scores (logits) of a feature vector, in `classes` order.
    func logits(_ features: DetectorFeatures) -> [Double] {
        var result = bias
        let width = classes.count
        // The same sums, in the same order, as indexing the arrays: only without bounds checks
        // (`rowOf` covers the whole hashed space, and every row has `width` weights).
        result.withUnsafeMutableBufferPointer { sums in
            rowOf.withUnsafeBufferPointer { rowOf in
                weights.withUnsafeBufferPointer { weights in
                    for (index, value) in zip(features.indices, features.values) {
                        let row = Int(rowOf[Int(index)])
                        guard row >= 0 else { continue }
                        let factor = Double(value) * scale
                        for column in 0..<width { sums[column] += factor * Double(weights[row + column]) }
                    }
                }
            }
        }
        return result
    }

    /// Each feature's contribution to class `column`'s logit, largest first.
    func contributions(_ features: DetectorFeatures, column: Int) -> [(index: Int32, value: Double)] {
        var result: [(index: Int32, value: Double)] = []
        for (index, value) in zip(features.indices, features.values) {
            let row = Int(rowOf[Int(index)])
            guard row >= 0 else { continue }
            let none = Double(weights[row])
            let own = Double(weights[row + column])
            // Against `none`: what the feature says for this sign rather than for "not an incident".
            result.append((index, Double(value) * scale * (own - none)))
        }
        return result.sorted { $0.value > $1.value }
    }

    /// The bundled model, read once; nil (and the detector falls back to the lexicon) when the file
    /// is missing or damaged, which `standardProblems` reports.
    static let standard: IncidentModel? = {
        guard let url = bundledURL, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return IncidentModel(data: data)
    }()

    static var bundledURL: URL? {
        Bundle.module.url(forResource: "detector", withExtension: "bin", subdirectory: "model")
            ?? Bundle.module.url(forResource: "detector", withExtension: "bin", subdirectory: "Resources/model")
    }

    /// Softmax of logits.
    static func probabilities(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
