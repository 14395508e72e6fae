import Foundation
import RedflagCore
import RedflagDetector
import RedflagJournal

/// `untagged-incident`: an entry that reads like one of the signs but carries no sign tag.
///
/// The detector (`IncidentDetector`, trained on the journal's own tagged entries) names the sign and
/// a confidence; entries at or above `LintContext.reportThreshold` are reported. An entry with any
/// sign tag (its own, its dated heading's or its front matter's) is never reported. The detector
/// reads the entry's text without its tags.
public struct UntaggedIncidentRule: LintRule {
    public static let id = "untagged-incident"

    public init() {}

    public var description: RuleDescription {
        RuleDescription(
            id: Self.id, name: "Untagged incident",
            rationale: """
                An incident without its tag is invisible to the policy: the verdict and the dossier only \
                count tagged entries. The finding names the sign the entry reads like and how sure the \
                detector is; `--fix` adds the tag when it is sure enough. Suggestions follow the signs' \
                meanings (SIGNS.md): quotes compared before an agreement are not `#competitor`; an offer \
                called too expensive, and a fair question about a wrong invoice (your own mistake), are \
                not `#dispute`.
                """,
            severity: .warning,
            triggering: [
                RuleExample("## 2026-10-30\n\n↓- Invoice 2211 still not paid, 45 days overdue.\n"),
                RuleExample(
                    "## 2026-10-12\n\n↓Снова хочет скидку: требует пересчитать поддержку за октябрь, хотя это фикс.\n"),
                RuleExample(
                    "↓- 2026-06-03: They ignored my advice on the backups, now they want me to fix it asap.\n"),
                // A competitor's price used against work already agreed is sign 9.
                RuleExample(
                    "↓- 2026-04-15: Halfway through the agreed work, he says an agency would do it for €700 and "
                        + "asks me to match that.\n"),
                // Refusing to pay an agreed price after delivery is a dispute, whatever it is called.
                RuleExample(
                    "↓- 2026-03-09: After delivery he refuses to pay the agreed price, says it is too expensive now.\n"),
            ],
            nonTriggering: [
                RuleExample("- 2026-10-30: Invoice 2211 still not paid, 45 days overdue. #late\n"),
                RuleExample("- 2026-03-02: Paid early, no late fees, no reminders ever. #paid\n"),
                RuleExample("- 2026-03-02: I was late to the call (train, 10 min), she didn't mind.\n"),
                RuleExample("- 2026-03-02: Legal approved the contract.\n"),
                RuleExample("- 2026-03-02: He did not dispute anything.\n"),
                // Quotes compared before an agreement are fair practice, not #competitor (SIGNS.md, sign 9).
                RuleExample(
                    "- 2026-03-02: Before we signed, Anna compared my quote with two other studios' offers.\n"),
                RuleExample(
                    "- 2026-03-02: They asked two other agencies for quotes before hiring me.\n"),
                // An offer called too expensive is a no to an offer, not a #dispute of an invoice.
                RuleExample(
                    "- 2026-03-02: Sent the offer for the relaunch. Anna says it is too expensive for them this year.\n"
                ),
                // A fair question about a wrong invoice (my own mistake) is not a #dispute (sign 6).
                RuleExample(
                    "- 2026-03-02: Anna questioned invoice 1043: I had billed 12 hours instead of 10, my mistake. "
                        + "Sent a corrected invoice.\n"),
                RuleExample(
                    "- 2026-03-02: Client queried the invoice total, I had used the wrong VAT rate. Corrected it.\n"),
                RuleExample("## 2026-08-19 #abuse/physical\n\n- Threw the samples at the wall, shouting.\n"),
                RuleExample(
                    """
                    <!-- redflag-disable-next-line untagged-incident -- quoting the contract's late-fee clause -->
                    - 2026-03-02: "Invoices not paid within 30 days are overdue and incur fees."

                    """),
            ])
    }

    public func check(_ context: LintContext) -> [LintFinding] {
        // Files are independent once the detector is trained: they are read on every core, and their
        // findings joined in file order, so the output is the same whatever the number of threads.
        let files = context.files
        let results = FileFindings(count: files.count)
        ParallelWork.run(count: files.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            results.set(index, check(files[index], context: context))
        }
        return results.joined
    }

    /// The findings of one file.
    private func check(_ file: ParsedFile, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for entry in file.entries where !entry.tags.contains(where: context.isSign) {
            guard let best = context.suggestions(for: Self.prose(of: entry)).first,
                best.confidence >= context.reportThreshold
            else { continue }
            findings.append(
                finding(
                    file.path, line: entry.line, column: entry.column,
                    "untagged incident: “\(best.evidence.split(whereSeparator: \.isNewline).joined(separator: " "))” reads like #\(best.tag) "
                        + "(confidence \(Self.percent(best.confidence)))",
                    hint: "add #\(best.tag) to the entry, or put "
                        + "<!-- redflag-disable-next-line \(Self.id) -- why --> on the line before it",
                    suggestion: best, entryLines: entry.line...max(entry.line, entry.endLine)))
        }
        return findings
    }

    /// Each file's findings, set by the thread that checked it.
    private final class FileFindings: @unchecked Sendable {
        private let lock = NSLock()
        private var byFile: [[LintFinding]]

        init(count: Int) { byFile = Array(repeating: [], count: count) }

        func set(_ index: Int, _ findings: [LintFinding]) { lock.withLock { byFile[index] = findings } }

        var joined: [LintFinding] { lock.withLock { byFile.flatMap { $0 } } }
    }

    /// The entry's text without its tags and web addresses: the detector judges what was written;
    /// a tag the user chose (`#warned`, `#paid`) is not evidence of a sign, and neither is an
    /// address such as `https://example.com/terms#late-fees`.
    static func prose(of entry: Entry) -> String {
        var text = entry.text
        for raw in Set(entry.tags.map(\.raw)).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: "#" + raw, with: " ")
        }
        // Most entries hold no address at all: then splitting and joining would give the same text.
        guard mayHoldWebAddress(text) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !isWebAddress($0) }
            .joined(separator: " ")
    }

    /// False when `text` has neither a `:` (`://`, `mailto:`) nor `www.`: no word of it is a web address.
    static func mayHoldWebAddress(_ text: String) -> Bool {
        var run = 0  // consecutive "w" bytes
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") || (byte == UInt8(ascii: ".") && run >= 3) { return true }
            run = byte == UInt8(ascii: "w") ? run + 1 : 0
        }
        return false
    }

    /// `https://…`, `mailto:…`, `www.…`, with any surrounding brackets or punctuation.
    static func isWebAddress(_ word: Substring) -> Bool {
        let trimmed = word.drop { "<([\"'".contains($0) }
        return trimmed.contains("://") || trimmed.hasPrefix("www.") || trimmed.hasPrefix("mailto:")
    }

    /// `finding` with the features behind its suggestion appended to its hint (`lint --explain`):
    /// what added most to the sign's log-odds, strongest first.
    public static func explained(_ finding: LintFinding) -> LintFinding {
        guard finding.rule == id, let suggestion = finding.suggestion, !suggestion.reasons.isEmpty else {
            return finding
        }
        var result = finding
        let reasons = suggestion.reasons.map { reason in
            let weight = String(format: "%+.2f", reason.weight)
            return "\(reason.feature.split(whereSeparator: \.isNewline).joined(separator: " ")) \(weight)"
        }
        result.hint =
            (finding.hint.map { $0 + "; " } ?? "") + "why #\(suggestion.tag): " + reasons.joined(separator: ", ")
            + String(format: " (margin over the next sign %.0f%%)", suggestion.margin * 100)
        return result
    }

    static func percent(_ confidence: Double) -> String {
        "\(Int((confidence * 100).rounded()))%"
    }
}
