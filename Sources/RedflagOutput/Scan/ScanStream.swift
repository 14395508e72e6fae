import RedflagCore
import RedflagJournal

/// `scan`'s output written a batch of entries at a time (the entries of one client, in output
/// order, as `Workspace.stream` hands them over), so that the whole output is never held: `header`,
/// then `render` for every batch, then `footer` give byte for byte what `ScanRenderer.render` gives
/// for all the entries at once (a test holds the two together).
public struct ScanStream: Sendable {
    public let format: ScanFormat
    /// True once an entry was rendered (the JSON form separates entries with commas).
    private var hasEntries = false

    public init(format: ScanFormat) {
        self.format = format
    }

    /// What comes before the first entry.
    public var header: String {
        format == .csv ? ScanRenderer.csvHeader : ""
    }

    /// `entries` (in output order, after every entry rendered before).
    public mutating func render(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "" }
        defer { hasEntries = true }
        switch format {
        case .jsonl:
            var out = ""
            out.reserveCapacity(entries.reduce(0) { $0 + $1.text.utf8.count + 256 })
            for entry in entries { JSONLine.append(entry, to: &out) }
            return out
        case .csv:
            return ScanRenderer.csvRows(entries)
        case .text:
            return entries.map(ScanRenderer.textLine).joined()
        case .json:
            // The batch as a pretty JSON array, its elements moved in from depth 1 to depth 2 (blank
            // lines, inside empty arrays, stay blank), without its brackets.
            let array = JSON.encode(entries.map(ScanRenderer.EntryJSON.init), pretty: true)
            var lines = array.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 2 else { return "" }
            lines.removeFirst()
            lines.removeLast()
            var out = hasEntries ? ",\n" : Self.jsonOpening
            for (index, line) in lines.enumerated() {
                if index > 0 { out += "\n" }
                if !line.isEmpty { out += "  " }
                out += line
            }
            return out
        }
    }

    /// What comes after the last entry.
    public var footer: String {
        guard format == .json else { return "" }
        return hasEntries ? Self.jsonClosing : ScanRenderer.render([], format: .json)
    }

    private static let jsonOpening = "{\n  \"entries\" : [\n"
    private static let jsonClosing = "\n  ],\n  \"schema\" : \(ScanRenderer.schemaVersion)\n}\n"
}
