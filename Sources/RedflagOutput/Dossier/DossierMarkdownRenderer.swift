import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a dossier as Markdown that reads well on GitHub and in a terminal pager.
///
/// Order: the verdict and its reasons (each citing `file:line` of every entry behind it), then the
/// summary (span, counts, trend, front-matter facts), then the timeline by month, newest month
/// first, with undated entries apart, and a footer with the as-of date and the digests.
public enum DossierMarkdownRenderer {
    /// `provenance`, when given (notes in git), adds a "Provenance" section before the footer.
    public static func render(_ dossier: Dossier, provenance: Provenance? = nil) -> String {
        let assessment = dossier.assessment
        let verdict = assessment.verdict
        var out = "# \(MarkdownText.inline(dossier.client.name)): \(verdict.symbol) \(verdict.headline)\n\n"
        out += "> " + MarkdownText.inline(plainSummary(dossier)) + "\n\n"
        out += "**Verdict: \(verdict.rawValue)** (score \(assessment.score)/100) as of \(dossier.asOf). "
        out += verdict.recommendation + "\n\n"
        if !dossier.scoreHistory.isEmpty {
            out += "**Score, last \(dossier.scoreHistory.count) months:** \(ScoreChart.line(dossier.scoreHistory))\n\n"
        }
        let todo = PlainWords.todo(assessment)
        if !todo.isEmpty {
            out += "**What to do:**\n\n" + todo.map { "- \(MarkdownText.inline($0))\n" }.joined() + "\n"
        }
        if assessment.billingAssumed { out += "*Billing: \(PlainWords.billingAssumed).*\n\n" }
        out += reasons(dossier)
        out += closures(dossier.assessment.closures)
        out += summary(dossier)
        out += timeline(dossier)
        if let provenance { out += ProvenanceRenderer.markdown(provenance) }
        out += evidence(dossier.evidence)
        out +=
            "---\n\n" + footer(asOf: dossier.asOf, policyDigest: dossier.policyDigest, inputDigest: dossier.inputDigest)
        // Printed on the terminal by default: no control or bidi character from the notes reaches it raw.
        return TerminalText.sanitized(out, keepingNewlines: true)
    }

    /// The closing lines every Markdown output that shows a verdict carries.
    static func footer(asOf: CalendarDate, policyDigest: String, inputDigest: String) -> String {
        "As of \(asOf) · policy digest `\(policyDigest)` · input digest `\(inputDigest)`\n"
    }

    /// What the verdict rests on in plain words, under the headline (`PlainWords.detail`).
    static func plainSummary(_ dossier: Dossier) -> String {
        PlainWords.detail(dossier.assessment, positives: dossier.timeline.positives.count)
    }

    static func reasons(_ dossier: Dossier) -> String {
        let assessment = dossier.assessment
        let reasons = assessment.reasons
        var out = "## Why\n\n"
        if reasons.isEmpty {
            out += "No warning sign has reached the point of watching this client.\n\n"
        }
        for (index, reason) in reasons.enumerated() {
            let outcome = reason.softened ? "\(reason.outcome.rawValue), softened to keep" : reason.outcome.rawValue
            out += "### \(index + 1). #\(reason.tag): \(outcome)\n\n"
            out += "\(MarkdownText.inline(PlainWords.summary(reason, billing: assessment.billing))).\n\n"
            out += "*\(MarkdownText.inline(reason.principle))*\n\n"
            if let advice = Advice.text(for: reason, billing: assessment.billing) {
                out += "- **What to do:** \(MarkdownText.inline(advice))\n"
            }
            if let next = reason.nextThreshold {
                out += "- **Next:** \(MarkdownText.inline(PlainWords.next(next, reason: reason)))\n"
            }
            if reason.softened { out += "- **Softened:** recent good entries and no recent incident\n" }
            out += evidence(reason)
            out += "\n"
        }
        if !assessment.noted.isEmpty {
            out += "### Noted, below any threshold\n\n"
            for reason in assessment.noted {
                out += "- \(MarkdownText.inline(PlainWords.summary(reason, billing: assessment.billing))).\n"
                for entry in reason.entries {
                    out +=
                        "  - \(entry.date?.description ?? "undated") `\(entry.reference)`: "
                        + "\(MarkdownText.inline(entry.quote))\n"
                }
            }
            out += "\n"
        }
        return out
    }

    /// "## Closed": each closing with the incidents it closed, or why it was not applied.
    static func closures(_ closures: [Closure]) -> String {
        guard !closures.isEmpty else { return "" }
        var out = "## Closed\n\nIncidents closed by a later entry are history: not counted, shown here.\n\n"
        for closure in closures {
            let sign = closure.sign.map { "#\($0)" } ?? "#\(closure.kind.tag)"
            let date = closure.date?.description ?? "undated"
            let reference = "(`\(closure.entry.reference)`)"
            if closure.applied {
                out += "- **\(MarkdownText.inline(sign))** closed on \(date) (\(closure.kind.tag)) because "
                out += "“\(MarkdownText.inline(closure.reason))” \(reference)\n"
            } else {
                out += "- **\(MarkdownText.inline(sign))**: #\(closure.kind.tag) on \(date) not applied: "
                out += "\(MarkdownText.inline(closure.note ?? "")) \(reference)\n"
            }
            if closure.applied, let note = closure.note { out += "  - \(MarkdownText.inline(note))\n" }
            for entry in closure.closed {
                out +=
                    "  - \(entry.date?.description ?? "undated") `\(entry.reference)`: "
                    + "\(MarkdownText.inline(entry.quote))\n"
            }
        }
        return out + "\n"
    }

    /// "## Evidence manifest": the SHA-256 of each cited file and entry at generation time.
    static func evidence(_ manifest: EvidenceManifest?) -> String {
        guard let manifest, !manifest.entries.isEmpty else { return "" }
        var out = "## Evidence manifest\n\nSHA-256 of each cited file and entry when this dossier was made; "
        out += "`redflag verify DOSSIER.json` (from the JSON format) says which changed since.\n\n"
        out += "| Cited | SHA-256 |\n|---|---|\n"
        for file in manifest.files { out += "| `\(file.path)` (file) | `\(file.sha256)` |\n" }
        for entry in manifest.entries { out += "| `\(entry.reference)` | `\(entry.sha256)` |\n" }
        return out + "\n"
    }

    static func evidence(_ reason: Reason) -> String {
        var out = "- **Evidence** (\(reason.entries.count)):\n"
        for entry in reason.entries {
            let date = entry.date?.description ?? "undated"
            out += "  - \(date) `\(entry.reference)`: \(MarkdownText.inline(entry.quote))\n"
        }
        return out
    }

    static func summary(_ dossier: Dossier) -> String {
        let timeline = dossier.timeline
        let client = dossier.client
        var rows: [(String, String)] = [("Client", "\(MarkdownText.inline(client.name)) (`\(client.id)`)")]
        if !client.aliases.isEmpty {
            rows.append(("Aliases", client.aliases.map(MarkdownText.inline).joined(separator: ", ")))
        }
        if let contact = client.contact { rows.append(("Contact", MarkdownText.inline(contact))) }
        rows.append(("Billing", client.billing?.rawValue ?? "not given (\(PlainWords.billingAssumed))"))
        if let rate = client.rate { rows.append(("Rate", MarkdownText.inline(rate))) }
        if let since = client.since { rows.append(("Since", since.description)) }
        if let status = client.status { rows.append(("Status", MarkdownText.inline(status))) }
        rows.append(("Span", spanText(timeline.span)))
        rows.append(("Incidents", incidentsText(dossier)))
        rows.append(("Trend", trendText(timeline.trend)))
        rows.append(("Windows", timeline.windows.map { "\($0.incidents) in \($0.days) days" }.joined(separator: ", ")))
        rows.append(("Positive entries", String(timeline.positives.count)))
        rows.append(("Files", client.files.map { "`\($0)`" }.joined(separator: ", ")))
        var out = "## Summary\n\n| Fact | Value |\n|---|---|\n"
        for (key, value) in rows { out += "| \(key) | \(value) |\n" }
        out += "\n"
        if !timeline.tagCounts.isEmpty {
            out += "### Tags\n\nEach tag as often as it is written: a tag on a dated heading or in front matter "
            out += "counts once.\n\n| Tag | Count | Kind |\n|---|--:|---|\n"
            for count in timeline.tagCounts {
                let kind =
                    count.isIncident ? "incident" : Timeline.positiveTags.contains(count.tag) ? "positive" : "context"
                out += "| #\(MarkdownText.inline(count.qualifiedName)) | \(count.count) | \(kind) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func spanText(_ span: Timeline.Span) -> String {
        guard let start = span.start else { return "no dated entry" }
        guard let end = span.lastEntry, let days = span.days else { return "since \(start)" }
        return "\(start) to \(end) (\(days) days)"
    }

    static func incidentsText(_ dossier: Dossier) -> String {
        let timeline = dossier.timeline
        var text = String(dossier.assessment.incidents)
        let closed = dossier.assessment.closures.filter(\.applied).map(\.closed.count).reduce(0, +)
        if closed > 0 { text += " open, \(closed) closed" }
        if let first = timeline.firstIncident, let last = timeline.lastIncident {
            text += ", first \(first), last \(last)"
        }
        return text
    }

    static func trendText(_ trend: Timeline.Trend) -> String {
        "\(trend.direction.rawValue): \(HTMLView.count(trend.recent, "incident", "incidents")) in the last "
            + "\(Timeline.trendPeriod) days, "
            + "\(trend.previous) in the \(Timeline.trendPeriod) before"
    }

    static func timeline(_ dossier: Dossier) -> String {
        var out = "## Timeline\n\nNewest month first; entries in date order within a month.\n\n"
        let months = dossier.months
        if months.isEmpty && dossier.timeline.undated.isEmpty { out += "No entries.\n\n" }
        for month in months {
            let count = month.entries.count == 1 ? "1 entry" : "\(month.entries.count) entries"
            out += "### \(month.month) (\(count))\n\n"
            for entry in month.entries { out += line(entry) }
            out += "\n"
        }
        if !dossier.timeline.undated.isEmpty {
            out += "### Undated (\(dossier.timeline.undated.count))\n\n"
            for entry in dossier.timeline.undated { out += line(entry) }
            out += "\n"
        }
        return out
    }

    static func line(_ item: TimelineEntry) -> String {
        let entry = item.entry
        var out = "- **\(entry.date?.description ?? "undated")**"
        if let time = entry.time { out += " \(MarkdownText.inline(time))" }
        var seen = Set<String>()
        let tags = entry.tags.map(\.qualifiedName).filter { seen.insert($0).inserted }
        if !tags.isEmpty { out += " " + tags.map { "`#\($0)`" }.joined(separator: " ") }
        if item.isFuture { out += " *(after the as-of date: not judged)*" }
        if let title = entry.title, !title.isEmpty { out += " *\(MarkdownText.inline(title))*" }
        out += " (`\(entry.file):\(entry.line)`)"
        let text = NotesMarkup.inlineText(entry)
        if !text.isEmpty { out += "\\\n  " + text }
        return out + "\n"
    }
}
