import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint

/// Renders a triage as one self-contained HTML page from the `triage` template (the site's index).
public enum TriageHTMLRenderer {
    /// - Parameter links: client id → relative link to its dossier; nil for a standalone page.
    public static func render(_ triage: Triage, templates: HTMLTemplates, links: [String: String]?) -> String {
        let clients = triage.rows.map { row in
            let reasons = row.topReasons.map { HTMLView.TriageReasonView(tag: $0.tag, outcome: $0.outcome.rawValue) }
            return HTMLView.TriageClientView(
                id: row.client.id.rawValue, name: row.client.name, link: links?[row.client.id.rawValue] ?? "",
                hasLink: links?[row.client.id.rawValue] != nil,
                verdict: .init(row.assessment.verdict), score: row.assessment.score, incidents: row.incidents,
                lastIncident: row.lastIncident?.description ?? "—", summary: TriageRenderer.plainDetail(row),
                reasons: reasons, hasReasons: !reasons.isEmpty, scoreChart: ScoreChart.svg(row.scoreHistory) ?? "",
                hasScoreChart: !row.scoreHistory.isEmpty)
        }
        let view = HTMLView.TriageView(
            title: "Triage as of \(triage.asOf)", asOf: triage.asOf.description, policyDigest: triage.policyDigest,
            inputDigest: triage.inputDigest, tally: TriageRenderer.tally(triage), fire: triage.count(.fire),
            watch: triage.count(.watch), keep: triage.count(.keep), clients: clients)
        return templates.render(view)
    }
}
