internal import Crypto
import RedflagCore
import RedflagJournal

/// SHA-256 over the notes that produced an output, so a verdict can be tied to its inputs.
///
/// Built from each file's own SHA-256 (`ParsedFile.digest`, computed as the file is parsed and kept
/// by the parse cache), so that it never needs the text of every file at once, nor of any file an
/// unchanged cache answers for.
public enum InputDigest {
    /// The digest (lowercase hex) of files given by path and their own SHA-256 (lowercase hex):
    /// sorted by path, each fed as its path's UTF-8 bytes, a NUL byte, then its 64 hex digits. The
    /// order the files are given in does not matter; any change of a path or a byte does.
    public static func of(digests files: [(path: String, digest: String)]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.update(data: Array(file.path.utf8) + [0] + Array(file.digest.utf8))
        }
        return hex(hasher.finalize())
    }

    /// The digest of files given by path and text: as `of(digests:)`, each file's own digest the
    /// SHA-256 of its text's UTF-8 bytes.
    public static func of(_ files: [(path: String, text: String)]) -> String {
        of(digests: files.map { (path: $0.path, digest: hex(SHA256.hash(data: Array($0.text.utf8)))) })
    }

    /// The digest of a loaded notes directory: every file's bytes, and `redflag.yml` when present.
    public static func of(_ journal: Journal) -> String {
        var files = journal.files.map { file in
            // A file built in memory (tests, editors) has no digest: its text stands for its bytes.
            (
                path: file.path,
                digest: file.digest.isEmpty ? hex(SHA256.hash(data: Array(file.source.text.utf8))) : file.digest
            )
        }
        if let file = journal.configuration.file {
            files.append((path: file, digest: hex(SHA256.hash(data: Array(journal.configuration.text.utf8)))))
        }
        return of(digests: files)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
