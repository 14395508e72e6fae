import Foundation

/// The version `redflag --version` prints.
///
/// `make release` (and `make install`) stamps it from `git describe` at build time: the Makefile's
/// `scripts/stamp-version.sh` writes `VersionStamp.swift` (not committed) and builds with
/// `-DREDFLAG_VERSION_STAMP`. A plain `swift build`, or a source tree that is no git checkout,
/// gets `base`.
enum Version {
    /// The version of the source, without build information.
    static let base = "0.2.0"

    /// The stamped version (`0.2.0+7657057`, `v0.3.0-4-g1a2b3c4-dirty`), else `base`.
    static var current: String {
        #if REDFLAG_VERSION_STAMP
            VersionStamp.describe
        #else
            base
        #endif
    }

    /// What the caches are keyed by: the version and the running executable's size and modification
    /// time. A development build reports the same version after every change of the parser, the
    /// policy or the renderers, and a cache written by the previous build must not be replayed.
    static let cacheKey: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return current }
        return "\(current)+\(size.int64Value):\(modified.timeIntervalSince1970)"
    }()
}
