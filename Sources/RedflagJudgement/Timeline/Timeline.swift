import RedflagCore
import RedflagJournal

/// The history of one client, as of a given day: the raw material of a verdict.
///
/// Built by `Timeline(client:entries:asOf:)`, a pure function. Dated entries are sorted by date,
/// then file, then line; undated entries are listed apart in file order. Entries dated after
/// `asOf` stay in `entries` with `isFuture == true` but are left out of every count, window,
/// trend and judgement.
///
/// An *incident* is an entry carrying at least one of the nine incident tags
/// (`Vocabulary.signs`). Positive entries carry `#paid`, `#referral` or `#praise`.
public struct Timeline: Hashable, Sendable, Codable {
    /// The rolling windows counted by every timeline, in days, ending at `asOf` (inclusive).
    public static let windowLengths = [30, 90, 180, 365]
    /// The length, in days, of each of the two periods compared by `trend`.
    public static let trendPeriod = 90
    /// Tags that count as positive context.
    public static let positiveTags = Sign.allCases.filter(\.isPositive).map(\.tag)

    /// Facts about the client from its front matter.
    public var client: Client
    /// The day the timeline is judged on; later entries are "future".
    public var asOf: CalendarDate
    /// Dated entries sorted by date, file, line (future ones included and flagged).
    public var entries: [TimelineEntry]
    /// Entries without a date, in file and line order.
    public var undated: [TimelineEntry]
    /// Entries per canonical tag (and per `tag/subtype`), among entries not in the future.
    public var tagCounts: [TagCount]
    /// Incidents and all entries per month (`YYYY-MM`), oldest month first, dated entries up to `asOf`.
    public var months: [MonthCount]
    /// The earliest dated incident up to `asOf`.
    public var firstIncident: CalendarDate?
    /// The latest dated incident up to `asOf`.
    public var lastIncident: CalendarDate?
    /// Incident counts within the rolling windows of `windowLengths`, ending at `asOf`.
    public var windows: [WindowCount]
    /// Incidents in the last 90 days against the 90 days before.
    public var trend: Trend
    /// Positive entries (`#paid`, `#referral`, `#praise`) up to `asOf`, undated ones included, by date.
    public var positives: [TimelineEntry]
    /// From the first dated entry (or `since:`) to the last dated entry up to `asOf`.
    public var span: Span

    public init(
        client: Client, asOf: CalendarDate, entries: [TimelineEntry], undated: [TimelineEntry],
        tagCounts: [TagCount], months: [MonthCount], firstIncident: CalendarDate?,
        lastIncident: CalendarDate?, windows: [WindowCount], trend: Trend, positives: [TimelineEntry],
        span: Span
    ) {
        self.client = client
        self.asOf = asOf
        self.entries = entries
        self.undated = undated
        self.tagCounts = tagCounts
        self.months = months
        self.firstIncident = firstIncident
        self.lastIncident = lastIncident
        self.windows = windows
        self.trend = trend
        self.positives = positives
        self.span = span
    }

    /// How many entries carry a tag (and, when given, a subtype).
    public struct TagCount: Hashable, Sendable, Codable {
        /// The canonical tag name.
        public var tag: String
        /// The subtype, nil for the total of the tag over all subtypes.
        public var subtype: String?
        /// Entries carrying it (an entry counts once per tag, or once per tag/subtype).
        public var count: Int
        /// True for one of the nine incident tags.
        public var isIncident: Bool

        public init(tag: String, subtype: String?, count: Int, isIncident: Bool) {
            self.tag = tag
            self.subtype = subtype
            self.count = count
            self.isIncident = isIncident
        }

        /// `tag` or `tag/subtype`.
        public var qualifiedName: String { subtype.map { "\(tag)/\($0)" } ?? tag }
    }

    /// Entries of one calendar month.
    public struct MonthCount: Hashable, Sendable, Codable {
        /// `YYYY-MM`.
        public var month: String
        /// Every dated entry of the month.
        public var entries: Int
        /// Incidents of the month.
        public var incidents: Int
        /// Incidents per canonical incident tag (an entry with two signs counts for both).
        public var bySign: [String: Int]

        public init(month: String, entries: Int, incidents: Int, bySign: [String: Int]) {
            self.month = month
            self.entries = entries
            self.incidents = incidents
            self.bySign = bySign
        }
    }

    /// Incidents within the `days` days ending at `asOf` (dates `asOf - days + 1 ... asOf`).
    public struct WindowCount: Hashable, Sendable, Codable {
        public var days: Int
        public var incidents: Int
        /// Incidents per canonical incident tag within the window.
        public var bySign: [String: Int]

        public init(days: Int, incidents: Int, bySign: [String: Int]) {
            self.days = days
            self.incidents = incidents
            self.bySign = bySign
        }
    }

    /// Incidents of the last `Timeline.trendPeriod` days against the same length before.
    public struct Trend: Hashable, Sendable, Codable {
        /// Rising when recent > previous, falling when recent < previous, steady when equal.
        public enum Direction: String, Hashable, Sendable, Codable {
            case rising, falling, steady
        }

        public var direction: Direction
        /// Incidents dated `asOf - 89 ... asOf`.
        public var recent: Int
        /// Incidents dated `asOf - 179 ... asOf - 90`.
        public var previous: Int

        public init(recent: Int, previous: Int) {
            self.recent = recent
            self.previous = previous
            direction = recent > previous ? .rising : recent < previous ? .falling : .steady
        }
    }

    /// The relationship's known extent.
    public struct Span: Hashable, Sendable, Codable {
        /// `since:` from front matter, when given.
        public var since: CalendarDate?
        /// The first dated entry up to `asOf`.
        public var firstEntry: CalendarDate?
        /// The last dated entry up to `asOf`.
        public var lastEntry: CalendarDate?
        /// The earlier of `since` and `firstEntry`, nil when neither is known.
        public var start: CalendarDate?
        /// Days from `start` to `lastEntry` (0 for one day), nil when either is unknown.
        public var days: Int?

        public init(since: CalendarDate?, firstEntry: CalendarDate?, lastEntry: CalendarDate?) {
            self.since = since
            self.firstEntry = firstEntry
            self.lastEntry = lastEntry
            let start = [since, firstEntry].compactMap { $0 }.min()
            self.start = start
            if let start, let lastEntry { days = max(0, start.days(until: lastEntry)) } else { days = nil }
        }
    }
}
