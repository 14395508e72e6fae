import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a dossier as one self-contained HTML page from the `dossier` template.
///
/// Inline CSS, an inline SVG chart, no script, no external request; a Content-Security-Policy
/// meta tag forbids scripts. Entry bodies are cmark's safe HTML; every other string is escaped.
public enum DossierHTMLRenderer {
    /// - Parameter indexLink: a relative link to the site's index page, shown when given.
    /// - Parameter provenance: when given (notes in git), a "Provenance" section before the footer.
    public static func render(
        _ dossier: Dossier, templates: HTMLTemplates, indexLink: String? = nil, provenance: Provenance? = nil
    ) -> String {
        var view = view(dossier, indexLink: indexLink)
        if let provenance {
            view.hasProvenance = true
            view.provenanceNote = ProvenanceRenderer.note(provenance)
            view.provenanceLate = ProvenanceRenderer.lateCount(provenance) ?? ""
            view.hasProvenanceLate = !view.provenanceLate.isEmpty
            view.provenance = provenance.items.map { item in
                HTMLView.ProvenanceView(
                    anchor: Dossier.anchor(file: item.entry.file, line: item.entry.line),
                    date: item.entry.date?.description ?? "undated", reference: item.entry.reference,
                    sentence: ProvenanceRenderer.sentence(item, markdown: false), late: item.late)
            }
        }
        return templates.render(view)
    }

    static func view(_ dossier: Dossier, indexLink: String?) -> HTMLView.DossierView {
        let assessment = dossier.assessment
        let timeline = dossier.timeline
        let client = dossier.client
        var facts: [HTMLView.FactView] = []
        func fact(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(.init(label: label, value: value)) }
        }
        fact("Aliases", client.aliases.joined(separator: ", "))
        fact("Contact", client.contact)
        fact("Billing", client.billing?.rawValue ?? "not given (\(PlainWords.billingAssumedText))")
        fact("Rate", client.rate)
        fact("Since", client.since?.description)
        fact("Status", client.status)
        fact("Span", DossierMarkdownRenderer.spanText(timeline.span))
        fact("Incidents", DossierMarkdownRenderer.incidentsText(dossier))
        fact("Trend", DossierMarkdownRenderer.trendText(timeline.trend))
        fact("Windows", timeline.windows.map { "\($0.incidents) in \($0.days) days" }.joined(separator: ", "))
        fact("Positive entries", String(timeline.positives.count))
        fact("Files", client.files.joined(separator: ", "))
        let sections = sectionAnchors(timeline)
        func entryView(_ item: TimelineEntry) -> HTMLView.EntryView {
            HTMLView.EntryView(
                item, sectionAnchors: sections[Dossier.anchor(file: item.entry.file, line: item.entry.line)] ?? [])
        }
        let months = dossier.months.map {
            HTMLView.MonthView(month: $0.month, count: $0.entries.count, entries: $0.entries.map(entryView))
        }
        let undated = timeline.undated.map(entryView)
        let chart = TimelineChart.svg(timeline)
        let todo = PlainWords.todo(assessment)
        let scoreChart = ScoreChart.svg(dossier.scoreHistory)
        let manifest = dossier.evidence
        let evidence =
            (manifest?.files.map { HTMLView.EvidenceView(reference: $0.path, sha256: $0.sha256, isFile: true) } ?? [])
            + (manifest?.entries.map {
                HTMLView.EvidenceView(reference: $0.reference, sha256: $0.sha256, isFile: false)
            }
                ?? [])
        return HTMLView.DossierView(
            title: "\(client.name): \(assessment.verdict.headline)",
            client: .init(id: client.id.rawValue, name: client.name),
            verdict: .init(assessment.verdict), score: assessment.score,
            summary: PlainWords.detail(assessment, positives: timeline.positives.count), todo: todo,
            hasTodo: !todo.isEmpty, billingNote: assessment.billingAssumed ? PlainWords.billingAssumedText : "",
            hasBillingNote: assessment.billingAssumed,
            noted: assessment.noted.enumerated().map {
                HTMLView.ReasonView($0.element, number: $0.offset + 1, billing: assessment.billing)
            },
            hasNoted: !assessment.noted.isEmpty,
            asOf: dossier.asOf.description, policyDigest: dossier.policyDigest, inputDigest: dossier.inputDigest,
            reasons: assessment.reasons.enumerated().map {
                HTMLView.ReasonView($0.element, number: $0.offset + 1, billing: assessment.billing)
            },
            hasReasons: !assessment.reasons.isEmpty, facts: facts,
            tagCounts: timeline.tagCounts.map {
                HTMLView.TagCountView(
                    tag: $0.qualifiedName, count: $0.count,
                    kind: $0.isIncident ? "incident" : Timeline.positiveTags.contains($0.tag) ? "positive" : "context")
            },
            chart: chart ?? "", hasChart: chart != nil, months: months, undated: undated, hasUndated: !undated.isEmpty,
            entryCount: HTMLView.count(timeline.entries.count + undated.count, "entry", "entries"),
            indexLink: indexLink ?? "", hasIndexLink: indexLink != nil,
            scoreChart: scoreChart ?? "", hasScoreChart: scoreChart != nil,
            scoreLine: ScoreChart.range(dossier.scoreHistory),
            closures: assessment.closures.map(closureView), hasClosures: !assessment.closures.isEmpty,
            evidence: evidence, hasEvidence: !evidence.isEmpty)
    }

    static func closureView(_ closure: Closure) -> HTMLView.ClosureView {
        HTMLView.ClosureView(
            sign: closure.sign.map { "#\($0)" } ?? "#\(closure.kind.tag)", kind: closure.kind.tag,
            date: closure.date?.description ?? "undated", reason: closure.reason, applied: closure.applied,
            note: closure.note ?? "", hasNote: closure.note != nil,
            anchor: Dossier.anchor(file: closure.entry.file, line: closure.entry.line),
            reference: closure.entry.reference, closed: closure.closed.map(HTMLView.CitationView.init))
    }

    /// Entry anchor → the anchors of the tagged headings (or front matter) it is the first entry of,
    /// so a reason citing a heading's line links to its section.
    static func sectionAnchors(_ timeline: Timeline) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var seen = Set<String>()
        for item in timeline.entries + timeline.undated {
            let entry = item.entry
            for tag in entry.tags where TagOccurrence.isInherited(tag, by: entry) {
                let section = Dossier.anchor(file: entry.file, line: tag.line)
                guard seen.insert(section).inserted else { continue }
                result[Dossier.anchor(file: entry.file, line: entry.line), default: []].append(section)
            }
        }
        return result
    }
}
