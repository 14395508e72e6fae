import RedflagCore
import RedflagJournal

extension Timeline {
    /// Builds the timeline of `client` from its entries, as of `asOf`. Pure.
    ///
    /// Entries of other clients are not filtered out: pass only this client's entries.
    public init(client: Client, entries: [Entry], asOf: CalendarDate) {
        let classified = entries.map { TimelineEntry($0, asOf: asOf) }
        let dated = classified.filter { $0.entry.date != nil }.sorted { Timeline.chronological($0.entry, $1.entry) }
        let undated = classified.filter { $0.entry.date == nil }.sorted { Timeline.chronological($0.entry, $1.entry) }
        let judged = dated.filter { !$0.isFuture }
        // One incident per tag occurrence: a tag on a dated heading counts once, for its section.
        // Only the occurrences' dates are needed here (`TagOccurrence.dates`).
        let incidents = TagOccurrence.dates(judged, where: Timeline.isSign)
        let bySign = Dictionary(
            uniqueKeysWithValues: Vocabulary.signs.map { sign in
                (sign, TagOccurrence.dates(judged, where: { $0.name == sign }))
            })

        func within(_ days: Int, endingDaysAgo offset: Int = 0) -> (CalendarDate?) -> Bool {
            let end = asOf.adding(days: -offset)
            let start = end.adding(days: -(days - 1))
            return { date in date.map { $0 >= start && $0 <= end } ?? false }
        }
        func signCounts(_ keep: (CalendarDate?) -> Bool) -> [String: Int] {
            bySign.compactMapValues { occurrences in
                let count = occurrences.filter(keep).count
                return count > 0 ? count : nil
            }
        }

        let windows = Timeline.windowLengths.map { days in
            WindowCount(
                days: days, incidents: incidents.filter(within(days)).count, bySign: signCounts(within(days)))
        }

        var monthOrder: [String] = []
        var byMonth: [String: [TimelineEntry]] = [:]
        for entry in judged {
            guard let key = entry.entry.date?.monthKey else { continue }
            if byMonth[key] == nil { monthOrder.append(key) }
            byMonth[key, default: []].append(entry)
        }
        let months = monthOrder.map { key in
            let inMonth: (CalendarDate?) -> Bool = { $0?.monthKey == key }
            return MonthCount(
                month: key, entries: byMonth[key]?.count ?? 0, incidents: incidents.filter(inMonth).count,
                bySign: signCounts(inMonth))
        }

        let counted = judged + undated
        let incidentDates = incidents.compactMap { $0 }
        self.init(
            client: client, asOf: asOf, entries: dated, undated: undated,
            tagCounts: Timeline.tagCounts(counted), months: months,
            firstIncident: incidentDates.min(), lastIncident: incidentDates.max(),
            windows: windows,
            trend: Trend(
                recent: incidents.filter(within(Timeline.trendPeriod)).count,
                previous: incidents.filter(within(Timeline.trendPeriod, endingDaysAgo: Timeline.trendPeriod)).count),
            positives: TagOccurrence.group(counted, where: Timeline.isPositive).map(\.first),
            span: Span(since: client.since, firstEntry: judged.first?.entry.date, lastEntry: judged.last?.entry.date))
    }

    /// True for one of the incident tags (`Vocabulary.signs`).
    public static func isSign(_ tag: Tag) -> Bool { Vocabulary.signs.contains(tag.name) }

    /// True for a positive tag (`positiveTags`).
    public static func isPositive(_ tag: Tag) -> Bool { positiveTags.contains(tag.name) }

    /// Entries that count for judgements: dated up to `asOf`, in date order, then undated ones.
    public var judged: [TimelineEntry] { entries.filter { !$0.isFuture } + undated }

    /// Entries dated after `asOf`.
    public var future: [TimelineEntry] { entries.filter(\.isFuture) }

    /// The incident count of the window of `days` days, when the timeline counts that window.
    public func incidents(within days: Int) -> Int? { windows.first { $0.days == days }?.incidents }

    /// Dated before undated; then date, file, line, column.
    static func chronological(_ lhs: Entry, _ rhs: Entry) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// Occurrences per tag and per `tag/subtype`: a tag on a dated heading counts once for its section.
    static func tagCounts(_ entries: [TimelineEntry]) -> [TagCount] {
        let names = Set(entries.flatMap { $0.entry.tags.map(\.name) })
        let qualified = Set(entries.flatMap { $0.entry.tags.filter { $0.subtype != nil }.map(\.qualifiedName) })
        return names.sorted().flatMap { name in
            let isIncident = Vocabulary.signs.contains(name)
            let total = TagCount(
                tag: name, subtype: nil, count: TagOccurrence.dates(entries, where: { $0.name == name }).count,
                isIncident: isIncident)
            let subtypes = qualified.filter { $0.hasPrefix(name + "/") }.sorted().map { full in
                TagCount(
                    tag: name, subtype: String(full.dropFirst(name.count + 1)),
                    count: TagOccurrence.dates(entries, where: { $0.qualifiedName == full }).count,
                    isIncident: isIncident)
            }
            return [total] + subtypes
        }
    }
}
