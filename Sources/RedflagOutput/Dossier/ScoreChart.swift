import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// The client's score over the last 12 months as a small chart: block characters for terminals and
/// Markdown, an inline SVG for HTML. Pure; the SVG holds only numbers, months and fixed words.
public enum ScoreChart {
    /// The eight block heights, lowest first.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per point, its height the score on the absolute 0–100 scale: `▁▁▂▅▇█`.
    public static func sparkline(_ points: [ScorePoint]) -> String {
        String(points.map { blocks[min(blocks.count - 1, max(0, $0.score) * blocks.count / 101)] })
    }

    /// "▁▁▂▅▇█ 12 → 72 (2025-04 … 2026-03)"; empty without points.
    public static func line(_ points: [ScorePoint]) -> String {
        guard !points.isEmpty else { return "" }
        return "\(sparkline(points)) \(range(points))"
    }

    /// "12 → 72 (2025-04 … 2026-03)", what the HTML chart shows beside it; empty without points.
    public static func range(_ points: [ScorePoint]) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        return "\(first.score) → \(last.score) (\(first.month) … \(last.month))"
    }

    static let width = 240
    static let height = 48
    static let pad = 4

    /// A polyline of the scores over a faint keep/watch/fire band, with a `<title>` listing every
    /// point for screen readers; nil without points.
    public static func svg(_ points: [ScorePoint]) -> String? {
        guard let last = points.last else { return nil }
        let plotWidth = Double(width - 2 * pad)
        let plotHeight = Double(height - 2 * pad)
        func x(_ index: Int) -> Double {
            points.count == 1 ? Double(width) / 2 : Double(pad) + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ score: Int) -> Double { Double(pad) + plotHeight * (1 - Double(min(100, max(0, score))) / 100) }
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let summary = points.map { "\($0.month): \($0.score)" }.joined(separator: ", ")
        var out = "<svg class=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
        out += "width=\"\(width)\" height=\"\(height)\" role=\"img\">"
        out += "<title>\(HTML.escape("Score over the last \(points.count) months (0–100): \(summary)"))</title>"
        // The verdict bands: fire from 60, watch from 25.
        let fireTop = number(y(100))
        let watchTop = number(y(Policy.scoreBand(.fire).lowerBound))
        let keepTop = number(y(Policy.scoreBand(.watch).lowerBound))
        out +=
            "<rect x=\"0\" y=\"\(fireTop)\" width=\"\(width)\" height=\"\(number(y(60) - y(100)))\" fill=\"#fdecea\"/>"
        out +=
            "<rect x=\"0\" y=\"\(watchTop)\" width=\"\(width)\" height=\"\(number(y(25) - y(60)))\" fill=\"#fff4dc\"/>"
        out += "<rect x=\"0\" y=\"\(keepTop)\" width=\"\(width)\" height=\"\(number(y(0) - y(25)))\" fill=\"#e7f5ea\"/>"
        let coordinates = points.enumerated().map { "\(number(x($0.offset))),\(number(y($0.element.score)))" }
        out +=
            "<polyline fill=\"none\" stroke=\"#1d1d1f\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>"
        let color =
            switch last.verdict {
            case .fire: "#b3261e"
            case .watch: "#8a5300"
            case .keep: "#1e6b34"
            }
        out +=
            "<circle cx=\"\(number(x(points.count - 1)))\" cy=\"\(number(y(last.score)))\" r=\"3.5\" fill=\"\(color)\"/>"
        out += "</svg>"
        return out
    }
}
