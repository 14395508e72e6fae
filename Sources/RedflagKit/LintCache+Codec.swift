import RedflagCore
import RedflagDetector
import RedflagJournal
import RedflagLint

/// The lint cache's binary form of a run (`LintRun` without its journal and rules), written with
/// the parse cache's primitives (`ParseCacheCodec`): LEB128 integers, length-prefixed UTF-8,
/// doubles as their bit patterns (so confidences replay exactly). Reading checks every length, so
/// damaged bytes are an error, never a crash. Any change here must raise `LintCache.format`.
extension LintCache {
    typealias Writer = ParseCacheCodec.Writer
    typealias Reader = ParseCacheCodec.Reader
    typealias Corrupt = ParseCacheCodec.Corrupt

    static func encode(_ run: LintRun, into writer: inout Writer) {
        writer.array(run.problems) { $0.diagnostic($1) }
        writer.strings(run.result.files)
        writer.array(run.result.findings) { writer, finding in encode(finding, into: &writer) }
        writer.array(run.result.sources.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.int(pair.value.lineCount)
            writer.array(pair.value.lines.sorted { $0.key < $1.key }) { writer, line in
                writer.int(line.key)
                writer.string(line.value)
            }
        }
    }

    /// The run encoded by `encode`; `reasons: false` leaves each suggestion's reasons out (they are
    /// shown only with `--explain`), which is most of the strings of a run.
    static func decodeRun(_ reader: inout Reader, reasons: Bool = true) throws(Corrupt) -> LintRun {
        let problems = try reader.array { reader throws(Corrupt) in try reader.diagnostic() }
        let files = try reader.strings()
        // Findings come file by file: each file's path is made once.
        var last: (bytes: ArraySlice<UInt8>, path: String) = ([], "")
        let findings = try reader.array { reader throws(Corrupt) in
            try decodeFinding(&reader, reasons: reasons) { reader throws(Corrupt) in
                let count = try reader.count()
                let bytes = reader.bytes[reader.index..<(reader.index + count)]
                reader.index += count
                if bytes.elementsEqual(last.bytes) { return last.path }
                last = (bytes, String(decoding: bytes, as: UTF8.self))
                return last.path
            }
        }
        let sources = try reader.array { reader throws(Corrupt) -> (String, ReportedLines) in
            let path = try reader.string()
            let lineCount = try reader.int()
            let lines = try reader.array { reader throws(Corrupt) in (try reader.int(), try reader.string()) }
            return (path, ReportedLines(lineCount: lineCount, lines: Dictionary(lines) { first, _ in first }))
        }
        let result = LintResult(
            findings: findings, files: files, sources: Dictionary(sources) { first, _ in first }, rules: [])
        return LintRun(result: result, problems: problems, journal: nil)
    }

    private static func encode(_ finding: LintFinding, into writer: inout Writer) {
        writer.string(finding.rule)
        writer.string(finding.severity.rawValue)
        writer.string(finding.range.start.file)
        writer.int(finding.range.start.line)
        writer.int(finding.range.start.column)
        writer.int(finding.range.endLine)
        writer.int(finding.range.endColumn)
        writer.string(finding.message)
        writer.optional(finding.hint) { $0.string($1) }
        writer.optional(finding.suggestion) { writer, suggestion in
            writer.string(suggestion.tag)
            writer.unsigned(suggestion.confidence.bitPattern)
            writer.string(suggestion.evidence)
            writer.unsigned(suggestion.margin.bitPattern)
            writer.array(suggestion.reasons) { writer, reason in
                writer.string(reason.feature)
                writer.unsigned(reason.weight.bitPattern)
            }
        }
        writer.bool(finding.spansEntry)
    }

    private static func decodeFinding(
        _ reader: inout Reader, reasons keepsReasons: Bool, path: (inout Reader) throws(Corrupt) -> String
    ) throws(Corrupt) -> LintFinding {
        let rule = try reader.string()
        guard let severity = Severity(rawValue: try reader.string()) else { throw Corrupt() }
        let file = try path(&reader)
        let line = try reader.int()
        let column = try reader.int()
        let endLine = try reader.int()
        let endColumn = try reader.int()
        let message = try reader.string()
        let hint = try reader.optional { reader throws(Corrupt) in try reader.string() }
        let suggestion = try reader.optional { reader throws(Corrupt) -> IncidentSuggestion in
            var suggestion = IncidentSuggestion(
                tag: try reader.string(), confidence: Double(bitPattern: try reader.unsigned()),
                evidence: try reader.string())
            suggestion.margin = Double(bitPattern: try reader.unsigned())
            if keepsReasons {
                suggestion.reasons = try reader.array { reader throws(Corrupt) in
                    IncidentSuggestion.Reason(
                        feature: try reader.string(), weight: Double(bitPattern: try reader.unsigned()))
                }
            } else {
                for _ in 0..<(try reader.count()) {
                    reader.index += try reader.count()
                    _ = try reader.unsigned()
                }
            }
            return suggestion
        }
        var finding = LintFinding(
            rule: rule, severity: severity, file: file, line: line, column: column, message: message, hint: hint,
            suggestion: suggestion)
        finding.range = SourceRange(
            start: SourceLocation(file: file, line: line, column: column), endLine: endLine, endColumn: endColumn)
        finding.spansEntry = try reader.bool()
        return finding
    }
}
