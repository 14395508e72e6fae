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
        let incidents = judged.filter(\.isIncident)

        func within(_ days: Int, endingDaysAgo offset: Int = 0) -> [TimelineEntry] {
            let end = asOf.adding(days: -offset)
            let start = end.adding(days: -(days - 1))
            return incidents.filter { entry in entry.entry.date.map { $0 >= start && $0 <= end } ?? false }
        }

        let windows = Timeline.windowLengths.map { days in
            let inside = within(days)
            return WindowCount(days: days, incidents: inside.count, bySign: Timeline.signCounts(inside))
        }

        var monthOrder: [String] = []
        var byMonth: [String: [TimelineEntry]] = [:]
        for entry in judged {
            guard let key = entry.entry.date?.monthKey else { continue }
            if byMonth[key] == nil { monthOrder.append(key) }
            byMonth[key, default: []].append(entry)
        }
        let months = monthOrder.map { key in
            let all = byMonth[key] ?? []
            let monthIncidents = all.filter(\.isIncident)
            return MonthCount(
                month: key, entries: all.count, incidents: monthIncidents.count,
                bySign: Timeline.signCounts(monthIncidents))
        }

        let counted = judged + undated
        self.init(
            client: client, asOf: asOf, entries: dated, undated: undated,
            tagCounts: Timeline.tagCounts(counted), months: months,
            firstIncident: incidents.first?.entry.date, lastIncident: incidents.last?.entry.date,
            windows: windows,
            trend: Trend(
                recent: within(Timeline.trendPeriod).count,
                previous: within(Timeline.trendPeriod, endingDaysAgo: Timeline.trendPeriod).count),
            positives: (judged + undated).filter(\.isPositive),
            span: Span(since: client.since, firstEntry: judged.first?.entry.date, lastEntry: judged.last?.entry.date))
    }

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

    static func signCounts(_ entries: [TimelineEntry]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in entries {
            for sign in entry.signs { counts[sign, default: 0] += 1 }
        }
        return counts
    }

    static func tagCounts(_ entries: [TimelineEntry]) -> [TagCount] {
        var totals: [String: Int] = [:]
        var bySubtype: [String: [String: Int]] = [:]
        for entry in entries {
            var seenTags = Set<String>()
            var seenQualified = Set<String>()
            for tag in entry.entry.tags {
                if seenTags.insert(tag.name).inserted { totals[tag.name, default: 0] += 1 }
                if let subtype = tag.subtype, seenQualified.insert(tag.qualifiedName).inserted {
                    bySubtype[tag.name, default: [:]][subtype, default: 0] += 1
                }
            }
        }
        return totals.keys.sorted().flatMap { name in
            let isIncident = Vocabulary.signs.contains(name)
            let total = TagCount(tag: name, subtype: nil, count: totals[name] ?? 0, isIncident: isIncident)
            let subtypes = (bySubtype[name] ?? [:]).sorted { $0.key < $1.key }.map {
                TagCount(tag: name, subtype: $0.key, count: $0.value, isIncident: isIncident)
            }
            return [total] + subtypes
        }
    }
}
