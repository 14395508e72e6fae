import RedflagCore
import RedflagJournal

/// Which notes file a new entry of a client goes to, following the layout the client already
/// uses: pure, from the client's file paths.
///
/// - A client kept in one file (`acme.md`, `Clients/Acme.md`): that file.
/// - A client kept in a folder (`helix/…`): the file of the entry's day in the pattern of the
///   folder's newest dated file name: daily (`2026-11-29.md`), monthly (`2026-11.md`) or yearly
///   (`2026.md`), in the same sub-folder, a year folder (`2026/`) following the year. A folder
///   without dated file names: the file with the newest dated entry, else its first file.
public struct CaptureTarget: Hashable, Sendable {
    /// How a file name carries a date.
    public enum Period: Hashable, Sendable {
        case day, month, year
    }

    /// The path relative to the notes directory.
    public var path: String
    /// True when the file does not exist yet.
    public var isNew: Bool
    /// True when the file's name is the entry's day: its entries need no dated heading.
    public var isDailyFile: Bool

    public init(path: String, isNew: Bool, isDailyFile: Bool) {
        self.path = path
        self.isNew = isNew
        self.isDailyFile = isDailyFile
    }

    /// The target of `client` for an entry dated `date`; `newestEntry` gives, for each of the
    /// client's files, the date of its newest dated entry (for folders without dated names).
    public static func choose(
        for client: Client, date: CalendarDate, newestEntry: [String: CalendarDate] = [:]
    ) -> CaptureTarget? {
        let files = client.files.sorted()
        guard let first = files.first else { return nil }
        let folder = clientFolder(client, files: files)
        guard let folder else {
            return CaptureTarget(path: first, isNew: false, isDailyFile: false)
        }
        // The newest dated file name decides the pattern.
        let named = files.compactMap { path -> (path: String, start: CalendarDate, period: Period)? in
            guard let (start, period) = dateInName(path) else { return nil }
            return (path, start, period)
        }
        if let newest = named.max(by: { ($0.start, $0.path) < ($1.start, $1.path) }) {
            let path = substitute(date, into: newest.path, period: newest.period, folder: folder)
            return CaptureTarget(path: path, isNew: !files.contains(path), isDailyFile: newest.period == .day)
        }
        let latest = files.max { (newestEntry[$0] ?? .distantPast) < (newestEntry[$1] ?? .distantPast) }
        return CaptureTarget(path: latest ?? first, isNew: false, isDailyFile: false)
    }

    /// The client's folder (`helix`, `Clients/Acme`) when its notes are a folder; nil for one file.
    static func clientFolder(_ client: Client, files: [String]) -> String? {
        if files.count == 1, let only = files.first, let name = only.split(separator: "/").last,
            ClientID(slugging: name.dropLast(name.hasSuffix(".md") ? 3 : 0)) == client.id
        {
            return nil
        }
        // The shortest folder of the client's files whose name is the client's.
        for path in files {
            let parts = path.split(separator: "/").dropLast()
            for depth in parts.indices where ClientID(slugging: parts[depth]) == client.id {
                return parts[...depth].joined(separator: "/")
            }
        }
        return nil
    }

    /// The date a file name stands for, and its period: `2026-11-29.md`, `2026-11.md`, `2026.md`.
    static func dateInName(_ path: String) -> (CalendarDate, Period)? {
        guard let name = path.split(separator: "/").last, name.lowercased().hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts[0].count == 4, let year = Int(parts[0])
        else { return nil }
        switch parts.count {
        case 1:
            return CalendarDate(year: year, month: 1, day: 1).map { ($0, .year) }
        case 2 where parts[1].count == 2:
            return Int(parts[1]).flatMap { CalendarDate(year: year, month: $0, day: 1) }.map { ($0, .month) }
        case 3 where parts[1].count == 2 && parts[2].count == 2:
            guard let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
            return CalendarDate(year: year, month: month, day: day).map { ($0, .day) }
        default:
            return nil
        }
    }

    /// `pattern` with its date replaced by `date`'s (at `period`), and a year folder inside the
    /// client's folder replaced by the year.
    static func substitute(_ date: CalendarDate, into pattern: String, period: Period, folder: String) -> String {
        let iso = date.description
        let year = String(iso.prefix(4))
        let name: String
        switch period {
        case .day: name = iso + ".md"
        case .month: name = iso.prefix(7) + ".md"
        case .year: name = year + ".md"
        }
        let folderDepth = folder.split(separator: "/").count
        var parts = pattern.split(separator: "/").map(String.init)
        for index in parts.indices.dropLast() where index >= folderDepth {
            if parts[index].count == 4, parts[index].allSatisfy({ $0.isASCII && $0.isNumber }) { parts[index] = year }
        }
        parts[parts.count - 1] = name
        return parts.joined(separator: "/")
    }
}

extension CalendarDate {
    /// Before every real date: for sorting files with no dated entry first.
    static let distantPast = CalendarDate(daysSinceEpoch: -1_000_000)
}
