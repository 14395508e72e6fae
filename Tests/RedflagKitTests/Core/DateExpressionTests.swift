import RedflagCore
import Testing

@Suite("Dates typed on the command line")
struct DateExpressionTests {
    let today = CalendarDate(daysSinceEpoch: CalendarDate(iso: "2026-11-29")?.daysSinceEpoch ?? 0)

    @Test(
        "words and offsets count from today",
        arguments: [
            ("today", "2026-11-29"), ("Yesterday", "2026-11-28"), ("tomorrow", "2026-11-30"), ("-7d", "2026-11-22"),
            ("+3d", "2026-12-02"), ("-2w", "2026-11-15"), ("-1m", "2026-10-29"), ("-9m", "2026-02-28"),
            ("-1y", "2025-11-29"), ("2024-02-29", "2024-02-29"),
        ])
    func accepted(text: String, expected: String) throws {
        #expect(try DateExpression.parse(text, today: today).description == expected)
    }

    @Test(
        "an impossible or malformed date says why",
        arguments: [
            ("2026-11-31", "November has 30 days"), ("2025-02-29", "2025 is not a leap year"),
            ("2026-13-01", "there is no month 13"), ("2026-04-00", "days start at 01"),
            ("05.03.2025", "use YYYY-MM-DD"), ("-7x", "use YYYY-MM-DD"), ("-d", "an offset is"),
        ])
    func refused(text: String, reason: String) {
        #expect {
            try DateExpression.parse(text, today: today)
        } throws: { error in
            (error as? DateExpression.Invalid)?.description.contains(reason) == true
        }
    }
}
