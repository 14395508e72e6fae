import RedflagCore
import RedflagJournal

/// A unified diff of a file before and after `--fix`, for `--dry-run`. Pure.
///
/// Lines are compared one to one (fixes add text inside lines, never lines); when the line counts
/// differ, the whole file is one hunk. Line endings (LF, CRLF or a lone CR) are not shown, so the
/// diff reads the same whatever the file's endings.
public enum UnifiedDiff {
    public static func render(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> String {
        let before = lines(old)
        let after = lines(new)
        guard before != after else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        guard before.count == after.count else {
            out += "@@ -1,\(before.count) +1,\(after.count) @@\n"
            out += before.map { "-\($0)\n" }.joined() + after.map { "+\($0)\n" }.joined()
            return out
        }
        let changed = before.indices.filter { before[$0] != after[$0] }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(before.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            out += "@@ -\(hunk.lowerBound + 1),\(hunk.count) +\(hunk.lowerBound + 1),\(hunk.count) @@\n"
            for index in hunk {
                if before[index] == after[index] {
                    out += " \(before[index])\n"
                } else {
                    out += "-\(before[index])\n+\(after[index])\n"
                }
            }
        }
        return out
    }

    /// Lines as cmark and `SourceText` cut them (at `\n`, `\r\n` or a lone `\r`), without their
    /// endings; a final line ending adds no empty line.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        guard !bytes.isEmpty else { return [] }
        let starts = SourceText.lineStarts(of: bytes)
        return starts.indices.map { index in
            var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            if end > starts[index], bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if end > starts[index], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return String(decoding: bytes[starts[index]..<end], as: UTF8.self)
        }
    }
}
