extension NaiveBayesModel {
    /// Every value the model holds, as bytes: its classes, size, features in id order with their
    /// names, counts, log probabilities and lifts (the bit patterns of the `Double`s). Two models
    /// with the same fingerprint give bit-identical evidence for every text; tests compare it with
    /// the one main's batch training made.
    var fingerprint: [UInt8] {
        var bytes: [UInt8] = []
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(UInt64(classes.count))
        for name in classes { bytes += Array(name.utf8) + [0] }
        append(UInt64(size))
        append(UInt64(featureCount))
        for id in 0..<featureCount {
            bytes += feature(id) + [0]
            for column in classes.indices {
                let value = values(id, column)
                append(UInt64(bitPattern: Int64(value.count)))
                append(value.logProbability.bitPattern)
                append(value.lift.bitPattern)
            }
        }
        return bytes
    }
}
