import RedflagCore
import RedflagJudgement

/// Colour and column layout for terminal text: the one place that writes ANSI codes or pads.
///
/// Colour is on only when the command layer says the stream is a terminal and `NO_COLOR` is unset;
/// with it off, every function returns plain text, so renderers never branch on it themselves.
public struct TerminalStyle: Hashable, Sendable {
    /// True to emit ANSI colour codes.
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// Plain text, no colour.
    public static let plain = TerminalStyle(color: false)

    /// The ANSI styles redflag uses.
    public enum Paint: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case boldRed = "1;31"
        case boldYellow = "1;33"
        case boldCyan = "1;36"
    }

    /// `text` in `paint` (unchanged when colour is off).
    public func paint(_ text: String, _ paint: Paint) -> String {
        color ? "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `error:`, `warning:` or `note:`, coloured by severity.
    public func severityLabel(_ severity: Severity) -> String {
        let label = severity.rawValue + ":"
        switch severity {
        case .error: return paint(label, .boldRed)
        case .warning: return paint(label, .boldYellow)
        case .note: return paint(label, .boldCyan)
        }
    }

    /// `FIRE`, `WATCH` or `KEEP`, coloured by verdict and padded to `width` columns.
    public func verdictLabel(_ verdict: Verdict, width: Int) -> String {
        let paint: Paint =
            switch verdict {
            case .fire: .boldRed
            case .watch: .boldYellow
            case .keep: .green
            }
        return self.paint(verdict.label, paint) + Self.fill(verdict.label, width)
    }

    /// `text` padded with spaces to `width` characters (left-aligned, or right-aligned).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        right ? fill(text, width) + text : text + fill(text, width)
    }

    /// The spaces that bring `text` to `width` characters.
    private static func fill(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count))
    }
}
