internal import Crypto
import RedflagCore
import RedflagJournal

/// The fingerprints of a dossier's evidence at generation time: the SHA-256 of each cited file and
/// of each cited entry's text, so that `redflag verify` can tell later which cited entries changed
/// or vanished.
///
/// An entry's text is its Markdown source exactly as written (`Entry.markdown`); a citation of a
/// tagged dated heading (a section) covers the heading's line and the first entry under it (what
/// the dossier quotes). Digests are lowercase hex of the UTF-8 bytes.
public struct EvidenceManifest: Hashable, Sendable, Codable {
    /// One cited file.
    public struct FileDigest: Hashable, Sendable, Codable {
        /// Path relative to the notes directory.
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One cited entry (or section).
    public struct EntryDigest: Hashable, Sendable, Codable {
        /// Path relative to the notes directory.
        public var file: String
        /// 1-based line the citation points at.
        public var line: Int
        public var date: CalendarDate?
        public var sha256: String

        public init(file: String, line: Int, date: CalendarDate?, sha256: String) {
            self.file = file
            self.line = line
            self.date = date
            self.sha256 = sha256
        }

        /// `file:line`.
        public var reference: String { "\(file):\(line)" }
    }

    /// The hash function, for readers of the JSON.
    public var algorithm: String
    /// Cited files, by path.
    public var files: [FileDigest]
    /// Cited entries, by file and line.
    public var entries: [EntryDigest]

    public init(files: [FileDigest], entries: [EntryDigest]) {
        algorithm = "sha256"
        self.files = files
        self.entries = entries
    }

    /// The manifest of `cited` entries, read from `journal` (the notes the dossier was made from).
    /// A citation whose file is not in the journal is left out.
    public init(citing cited: [CitedEntry], in journal: Journal) {
        var byPath: [String: ParsedFile] = [:]
        for file in journal.files { byPath[file.path] = file }
        self.init(citing: cited, file: { byPath[$0] }, source: \.source)
    }

    /// The manifest of `cited` entries: `file` finds a parsed file by path, `source` gives its text
    /// (asked once per cited file, and only for those; nil leaves the file's citations out). So a
    /// caller that dropped the files' text can read just the cited ones again.
    public init(
        citing cited: [CitedEntry], file: (String) -> ParsedFile?, source: (ParsedFile) -> SourceText?
    ) {
        var texts: [String: SourceText?] = [:]
        func text(of file: ParsedFile) -> SourceText? {
            if let known = texts[file.path] { return known }
            let read = source(file)
            texts[file.path] = read
            return read
        }
        var seen = Set<String>()
        var entries: [EntryDigest] = []
        var fileDigests: [String: String] = [:]
        for citation in cited.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
            guard seen.insert(citation.reference).inserted, let parsed = file(citation.file),
                let source = text(of: parsed),
                let cited = EvidenceManifest.citedText(in: parsed, source: source, line: citation.line)
            else { continue }
            if fileDigests[citation.file] == nil { fileDigests[citation.file] = EvidenceManifest.sha256(source.text) }
            entries.append(
                EntryDigest(
                    file: citation.file, line: citation.line, date: citation.date,
                    sha256: EvidenceManifest.sha256(cited)))
        }
        let files = fileDigests.keys.sorted().compactMap { path in
            fileDigests[path].map { FileDigest(path: path, sha256: $0) }
        }
        self.init(files: files, entries: entries)
    }

    /// The text a citation of `line` in `file` covers: the entry starting on that line, else (a
    /// tagged dated heading) the heading's line and the first entry under it; nil when neither.
    public static func citedText(in file: ParsedFile, line: Int) -> String? {
        citedText(in: file, source: file.source, line: line)
    }

    /// `citedText(in:line:)` with the file's text given apart (`source`).
    static func citedText(in file: ParsedFile, source: SourceText, line: Int) -> String? {
        if let entry = file.entries.first(where: { $0.line == line }) { return entry.markdown }
        guard line >= 1, line <= source.lineCount,
            let first = file.entries.filter({ $0.line > line }).min(by: { $0.line < $1.line })
        else { return nil }
        return source.line(line) + "\n" + first.markdown
    }

    /// Lowercase hex SHA-256 of `text`'s UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        InputDigest.hex(SHA256.hash(data: Array(text.utf8)))
    }

    // MARK: - Verification

    /// What became of one cited entry.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Same text at the same place.
        case intact
        /// Same text, now at another line (lines were added or removed above it).
        case moved
        /// The place still holds an entry, with other text.
        case changed
        /// The file, or any entry with this text or at this place, is gone.
        case vanished
    }

    /// The check of one cited entry.
    public struct Check: Hashable, Sendable, Codable {
        public var entry: EntryDigest
        public var status: Status
        /// The line the text is on now, for `moved`.
        public var nowAt: Int?

        public init(entry: EntryDigest, status: Status, nowAt: Int? = nil) {
            self.entry = entry
            self.status = status
            self.nowAt = nowAt
        }
    }

    /// Every cited entry checked against `journal` (the notes as they are now). Pure.
    public func verify(against journal: Journal) -> [Check] {
        var byPath: [String: ParsedFile] = [:]
        for file in journal.files { byPath[file.path] = file }
        return entries.map { cited in
            guard let file = byPath[cited.file] else { return Check(entry: cited, status: .vanished) }
            if let text = EvidenceManifest.citedText(in: file, line: cited.line),
                EvidenceManifest.sha256(text) == cited.sha256
            {
                return Check(entry: cited, status: .intact)
            }
            let candidates = Set(file.entries.map(\.line) + file.headings.map(\.line)).sorted()
            if let line = candidates.first(where: { line in
                EvidenceManifest.citedText(in: file, line: line).map(EvidenceManifest.sha256) == cited.sha256
            }) {
                return Check(entry: cited, status: .moved, nowAt: line)
            }
            if file.entries.contains(where: { $0.line == cited.line })
                || file.headings.contains(where: { $0.line == cited.line })
            {
                return Check(entry: cited, status: .changed)
            }
            return Check(entry: cited, status: .vanished)
        }
    }

    /// The cited files whose bytes differ now (or that are gone): expected when entries were added,
    /// so it is information, not a failure.
    public func changedFiles(in journal: Journal) -> [String] {
        var byPath: [String: ParsedFile] = [:]
        for file in journal.files { byPath[file.path] = file }
        return files.filter { file in
            byPath[file.path].map { EvidenceManifest.sha256($0.source.text) != file.sha256 } ?? true
        }.map(\.path)
    }
}
