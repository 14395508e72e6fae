internal import Crypto
import RedflagCore
import RedflagJournal

/// SHA-256 over the notes that produced an output, so a verdict can be tied to its inputs.
public enum InputDigest {
    /// The digest (lowercase hex) of `files`: sorted by path, each fed as its path's UTF-8 bytes,
    /// a NUL byte, its text's UTF-8 length as 8 big-endian bytes, then the text's bytes. The order
    /// the files are given in does not matter; any change of a path or a byte does.
    public static func of(_ files: [(path: String, text: String)]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let text = Array(file.text.utf8)
            hasher.update(data: Array(file.path.utf8) + [0])
            let length = UInt64(text.count)
            hasher.update(data: (0..<8).reversed().map { UInt8(truncatingIfNeeded: length >> (8 * $0)) })
            hasher.update(data: text)
        }
        return hex(hasher.finalize())
    }

    /// The digest of a loaded notes directory: every file's source text, and `redflag.yml` when present.
    public static func of(_ journal: Journal) -> String {
        var files = journal.files.map { (path: $0.path, text: $0.source.text) }
        if let file = journal.configuration.file {
            files.append((path: file, text: journal.configuration.text))
        }
        return of(files)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
