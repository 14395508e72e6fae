import RedflagCore
import RedflagJournal

/// The client's score at the end of one month: one point of the chart in triage and dossiers.
public struct ScorePoint: Hashable, Sendable, Codable {
    /// `YYYY-MM`.
    public var month: String
    /// The day judged: the month's last day, or as-of for the current month.
    public var asOf: CalendarDate
    /// 0–100, as `Assessment.score` on that day.
    public var score: Int
    public var verdict: Verdict

    public init(month: String, asOf: CalendarDate, score: Int, verdict: Verdict) {
        self.month = month
        self.asOf = asOf
        self.score = score
        self.verdict = verdict
    }
}

extension Policy {
    /// The number of months the score history covers.
    public static let scoreHistoryMonths = 12

    /// The client's score as of each month end of the last `months` months, oldest first; the
    /// current month is judged as of `timeline.asOf` ("now"), with `current` when it is given.
    /// Pure: each point scores the timeline as it stood that day (`Timeline.forAssessment`,
    /// `Policy.scoreOnly`).
    public func scoreHistory(
        _ timeline: Timeline, months: Int = Policy.scoreHistoryMonths, current: Assessment? = nil
    ) -> [ScorePoint] {
        let asOf = timeline.asOf
        let judged = timeline.judgedOnly()
        return (0..<max(0, months)).reversed().compactMap { back in
            var year = asOf.year
            var month = asOf.month - back
            while month < 1 {
                month += 12
                year -= 1
            }
            let day =
                back == 0
                ? asOf : CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            guard let day else { return nil }
            // Only the score and verdict are kept: the past months skip reasons and their quotes.
            let point =
                back == 0
                ? (current.map { (score: $0.score, verdict: $0.verdict) } ?? scoreOnly(timeline))
                : scoreOnly(judged.cut(asOf: day))
            return ScorePoint(month: day.monthKey, asOf: day, score: point.score, verdict: point.verdict)
        }
    }
}
