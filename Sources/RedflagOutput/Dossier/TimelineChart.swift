import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The inline SVG chart of a dossier: incidents per month, stacked and coloured by sign, with
/// axis labels, a legend, and a `<title>`/`<desc>` for screen readers. Pure; every text escaped.
public enum TimelineChart {
    /// The fill colour of a sign's bars (`Sign.color`; a custom tag is grey).
    static func color(_ sign: String) -> String {
        Sign(rawValue: sign)?.color ?? "#444"
    }

    static let width = 760
    static let height = 260
    static let left = 44
    static let right = 12
    static let top = 16
    static let bottom = 58

    /// Every month (`YYYY-MM`) from `first` to `last`, both included.
    static func monthRange(from first: String, to last: String) -> [String] {
        guard var date = CalendarDate(iso: first + "-01"), let end = CalendarDate(iso: last + "-01") else { return [] }
        var months: [String] = []
        while date <= end && months.count < 600 {
            months.append(date.monthKey)
            let next = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
            guard let following = CalendarDate(year: next.0, month: next.1, day: 1) else { break }
            date = following
        }
        return months
    }

    /// The chart for `timeline`, or nil when it has no dated entry up to as-of.
    public static func svg(_ timeline: Timeline) -> String? {
        guard let first = timeline.months.first?.month else { return nil }
        let months = monthRange(from: first, to: timeline.asOf.monthKey)
        guard !months.isEmpty else { return nil }
        var bySign: [String: [String: Int]] = [:]
        for month in timeline.months { bySign[month.month] = month.bySign }
        let signs = Vocabulary.signs.filter { sign in timeline.months.contains { ($0.bySign[sign] ?? 0) > 0 } }
        let maximum = max(1, months.map { (bySign[$0] ?? [:]).values.reduce(0, +) }.max() ?? 1)
        let step = max(1, Int((Double(maximum) / 5).rounded(.up)))
        let yMax = ((maximum + step - 1) / step) * step
        let plotWidth = Double(width - left - right)
        let plotHeight = Double(height - top - bottom)
        let slot = plotWidth / Double(months.count)
        let barWidth = max(1, slot * 0.7)
        func y(_ value: Int) -> Double { Double(top) + plotHeight * (1 - Double(value) / Double(yMax)) }
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }

        let total = timeline.months.map(\.incidents).reduce(0, +)
        let busiest = timeline.months.max { $0.incidents < $1.incidents }
        var description = "\(total) incidents from \(months[0]) to \(months[months.count - 1])"
        if let busiest, busiest.incidents > 0 {
            description += "; the most in \(busiest.month) (\(busiest.incidents))"
        }
        description += ". Signs: " + (signs.isEmpty ? "none" : signs.map { "#" + $0 }.joined(separator: ", ")) + "."

        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
        out += "role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
        out += "<title id=\"chart-title\">Incidents per month, by sign</title>\n"
        out += "<desc id=\"chart-desc\">\(HTML.escape(description))</desc>\n"
        // Grid lines and y axis labels.
        for value in stride(from: 0, through: yMax, by: step) {
            let lineY = number(y(value))
            out += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(lineY)\" x2=\"\(width - right)\" y2=\"\(lineY)\"/>"
            out +=
                "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(value)</text>\n"
        }
        out +=
            "<text class=\"axis-title\" transform=\"translate(12 \(number(Double(top) + plotHeight / 2))) rotate(-90)\" "
        out += "text-anchor=\"middle\">Incidents</text>\n"
        // Bars, one stacked column per month.
        let labelEvery = max(1, Int((Double(months.count) / 10).rounded(.up)))
        for (index, month) in months.enumerated() {
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            var stacked = 0
            let counts = bySign[month] ?? [:]
            for sign in signs {
                let count = counts[sign] ?? 0
                guard count > 0 else { continue }
                let y0 = y(stacked + count)
                let barHeight = y(stacked) - y0
                stacked += count
                out += "<rect class=\"bar\" x=\"\(number(x))\" y=\"\(number(y0))\" width=\"\(number(barWidth))\" "
                out += "height=\"\(number(barHeight))\" fill=\"\(color(sign))\">"
                out += "<title>\(month): \(count) #\(HTML.escape(sign))</title></rect>\n"
            }
            if index % labelEvery == 0 {
                let labelX = number(Double(left) + slot * (Double(index) + 0.5))
                out +=
                    "<text class=\"tick\" x=\"\(labelX)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(month)</text>\n"
            }
        }
        out +=
            "<line class=\"axis\" x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\"/>\n"
        out += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\"/>\n"
        out += "<text class=\"axis-title\" x=\"\(number(Double(left) + plotWidth / 2))\" y=\"\(height - bottom + 34)\" "
        out += "text-anchor=\"middle\">Month</text>\n"
        // Legend.
        var legendX = Double(left)
        let legendY = height - 12
        for sign in signs {
            out +=
                "<rect x=\"\(number(legendX))\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"\(color(sign))\"/>"
            out +=
                "<text class=\"legend\" x=\"\(number(legendX + 16))\" y=\"\(legendY)\">#\(HTML.escape(sign))</text>\n"
            legendX += 16 + Double(sign.count + 1) * 7 + 14
        }
        if signs.isEmpty {
            out += "<text class=\"legend\" x=\"\(left)\" y=\"\(legendY)\">No incident in this period</text>\n"
        }
        out += "</svg>"
        return out
    }
}
