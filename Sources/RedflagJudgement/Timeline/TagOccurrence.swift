import RedflagCore
import RedflagJournal

/// One occurrence of a tag in the source, with the timeline entries that carry it.
///
/// An incident is one tag occurrence (SIGNS.md, "Counting"). A tag written in an entry's own text
/// belongs to that entry (written twice in it, it is still one occurrence). A tag on a dated
/// heading, or in front matter `tags:`, is inherited by every entry under it but is written once:
/// it is one occurrence, counted once, for its section, and cited at the line it is written on.
public struct TagOccurrence: Hashable, Sendable {
    /// Where the occurrence was written: an entry's own text, or a heading / front-matter line.
    enum Key: Hashable {
        case entry(file: String, line: Int, column: Int)
        case inherited(file: String, line: Int, column: Int)
    }

    /// Every entry carrying the occurrence, in the order given (one for a tag in an entry's own text).
    public var entries: [TimelineEntry]
    /// The 1-based line of the heading (or front matter) the tag is written on, when the entries
    /// inherit it; nil for a tag in an entry's own text.
    public var sectionLine: Int?

    /// The first entry carrying the occurrence.
    public var first: TimelineEntry { entries[0] }

    /// The occurrence's date: its first entry's.
    public var date: CalendarDate? { first.entry.date }

    /// The occurrences among `entries` of the tags `matches` accepts, in order of their first entry.
    ///
    /// An entry with the tag in its own text yields one occurrence of its own; an entry that only
    /// inherits it joins the occurrence of the heading (or front matter) it inherits it from. An entry
    /// with both belongs to both.
    public static func group(_ entries: [TimelineEntry], where matches: (Tag) -> Bool) -> [TagOccurrence] {
        var order: [Key] = []
        var byKey: [Key: TagOccurrence] = [:]
        for item in entries {
            for key in keys(of: item.entry, where: matches) {
                if byKey[key] == nil {
                    order.append(key)
                    var line: Int?
                    if case let .inherited(_, tagLine, _) = key { line = tagLine }
                    byKey[key] = TagOccurrence(entries: [item], sectionLine: line)
                } else {
                    byKey[key]?.entries.append(item)
                }
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// The date of each occurrence `group(entries, where: matches)` gives, in the same order,
    /// without building the occurrences: what counting and scoring need.
    public static func dates(_ entries: [TimelineEntry], where matches: (Tag) -> Bool) -> [CalendarDate?] {
        var seen = Set<Key>()
        var dates: [CalendarDate?] = []
        for item in entries {
            for tag in item.entry.tags where matches(tag) {
                let key: Key =
                    isInherited(tag, by: item.entry)
                    ? .inherited(file: item.entry.file, line: tag.line, column: tag.column)
                    : .entry(file: item.entry.file, line: item.entry.line, column: item.entry.column)
                if seen.insert(key).inserted { dates.append(item.entry.date) }
            }
        }
        return dates
    }

    /// The occurrences `entry` carries among the tags `matches` accepts: its own (at most one),
    /// then each inherited one.
    static func keys(of entry: Entry, where matches: (Tag) -> Bool) -> [Key] {
        var keys: [Key] = []
        for tag in entry.tags where matches(tag) {
            let key: Key =
                isInherited(tag, by: entry)
                ? .inherited(file: entry.file, line: tag.line, column: tag.column)
                : .entry(file: entry.file, line: entry.line, column: entry.column)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// True when `tag` is written above `entry` (on its dated heading or in front matter), not in it.
    public static func isInherited(_ tag: Tag, by entry: Entry) -> Bool { tag.line < entry.line }
}
