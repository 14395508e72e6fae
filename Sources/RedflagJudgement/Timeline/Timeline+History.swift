import RedflagCore
import RedflagJournal

extension Timeline {
    /// This timeline as it stood on an earlier day `day`, with only what `Policy.assess` reads:
    /// the entries dated up to `day` (in the same order), the undated ones, and the positive
    /// entries. The statistics (`tagCounts`, `months`, `windows`, `trend`) are left empty: this is
    /// for the score history, which assesses a timeline twelve times and shows nothing else of it.
    /// Pure; for `day >= asOf` use the timeline itself.
    ///
    /// Entries without any built-in tag (a sign or a context tag) are left out too: the policy
    /// reads nothing else, and in most notes they are the many. A tag repeated in an entry's own
    /// text is kept once (it is one occurrence).
    func forAssessment(asOf day: CalendarDate) -> Timeline {
        judgedOnly().cut(asOf: day)
    }

    /// The entries `Policy.assess` reads, each tag once: the part of `forAssessment(asOf:)` that
    /// does not depend on the day, so the score history computes it once, not twelve times.
    func judgedOnly() -> Timeline {
        func judged(_ item: TimelineEntry) -> Bool {
            item.entry.tags.contains { Sign(rawValue: $0.name) != nil }
        }
        // A tag written twice in one entry is one occurrence (`TagOccurrence`): keep the first of
        // each, so that a pasted run of `#lie #lie …` is not walked twelve times.
        func distinctTags(_ item: TimelineEntry) -> TimelineEntry {
            var item = item
            var seen = Set<String>()
            item.entry.tags = item.entry.tags.filter { tag in
                let place = TagOccurrence.isInherited(tag, by: item.entry) ? "@\(tag.line):\(tag.column)" : ""
                return seen.insert(tag.qualifiedName + place).inserted
            }
            return item
        }
        var reduced = self
        reduced.entries = entries.filter(judged).map(distinctTags)
        reduced.undated = undated.filter(judged).map(distinctTags)
        return reduced
    }

    /// A `judgedOnly()` timeline as it stood on `day`: entries dated up to it, none in the future.
    func cut(asOf day: CalendarDate) -> Timeline {
        let dated = entries.filter { item in item.entry.date.map { $0 <= day } ?? false }.map { item in
            var item = item
            item.isFuture = false
            return item
        }
        let positives = TagOccurrence.group(dated + undated, where: Timeline.isPositive).map(\.first)
        return Timeline(
            client: client, asOf: day, entries: dated, undated: undated, tagCounts: [], months: [],
            firstIncident: nil, lastIncident: nil, windows: [], trend: Trend(recent: 0, previous: 0),
            positives: positives,
            span: Span(since: client.since, firstEntry: dated.first?.entry.date, lastEntry: dated.last?.entry.date))
    }
}
