import RedflagCore

/// The lines of one linted file that findings point at: what a reporter shows of the file (the
/// text reporter's excerpt, SARIF's code-point column), without holding the whole text.
///
/// Lint keeps these instead of every file's `SourceText`, so a result (and the lint cache, which
/// stores results) is as large as the findings, not as the notes. Lines are 1-based; a line that
/// was not kept reads as empty, as `SourceText.line` reads a line out of range.
public struct ReportedLines: Hashable, Sendable {
    /// How many lines the file has (`SourceText.lineCount`).
    public var lineCount: Int
    /// The text of each kept line, without its line ending, by line number.
    public var lines: [Int: String]

    public init(lineCount: Int, lines: [Int: String]) {
        self.lineCount = lineCount
        self.lines = lines
    }

    /// The lines `numbers` of `source` (those in range).
    public init(_ source: SourceText, lines numbers: some Sequence<Int>) {
        lineCount = source.lineCount
        var lines: [Int: String] = [:]
        for number in numbers where number >= 1 && number <= source.lineCount && lines[number] == nil {
            lines[number] = source.line(number)
        }
        self.lines = lines
    }

    /// Line `number`'s text; empty when it was not kept or is out of range.
    public func line(_ number: Int) -> String { lines[number] ?? "" }
}
