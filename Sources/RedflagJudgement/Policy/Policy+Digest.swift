internal import Crypto
import Foundation
import RedflagCore
import RedflagJournal

extension Policy {
    /// SHA-256 (lowercase hex) of the canonical serialisation of the rules in force.
    ///
    /// The serialisation is this policy as JSON with sorted keys, without the `origins` of its
    /// values: moving an override to another line of `redflag.yml` keeps the digest, changing any
    /// threshold, window, weight, switch or text changes it.
    public var digest: String {
        var canonical = self
        for index in canonical.rules.indices { canonical.rules[index].origins = [:] }
        canonical.softening.origins = [:]
        canonical.closing.origins = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(canonical)) ?? Data()
        return InputDigest.hex(SHA256.hash(data: data))
    }
}
