import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Deterministic JSON: sorted keys, no escaped slashes.
public enum JSON {
    public static func encode(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
