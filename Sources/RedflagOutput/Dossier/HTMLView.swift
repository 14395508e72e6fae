import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagLint
internal import RedflagMarkdown

/// The values HTML templates receive (documented in docs/dossier.md). Plain strings are escaped by
/// the templates; only `DossierView.chart` and `EntryView.body` are HTML, and they are safe.
///
/// Every value a template tests with a section (`{{#x}}`) is non-optional: a missing value would make
/// Mustache look it up in the enclosing context instead (an entry without a title would show the
/// page's title).
enum HTMLView {
    /// "1 entry", "2 entries".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    struct VerdictView {
        /// `keep`, `watch`, `fire`.
        var word: String
        /// `KEEP`, `WATCH`, `FIRE`.
        var label: String
        var symbol: String
        /// "Fire this client", "Watch this client", "Keep".
        var headline: String
        var recommendation: String
        var isFire: Bool
        var isWatch: Bool
        var isKeep: Bool

        init(_ verdict: Verdict) {
            word = verdict.rawValue
            label = verdict.label
            symbol = verdict.symbol
            headline = verdict.headline
            recommendation = verdict.recommendation
            isFire = verdict == .fire
            isWatch = verdict == .watch
            isKeep = verdict == .keep
        }
    }

    struct CitationView {
        var anchor: String
        var reference: String
        var date: String
        var quote: String

        init(_ cited: CitedEntry) {
            anchor = Dossier.anchor(file: cited.file, line: cited.line)
            reference = cited.reference
            date = cited.date?.description ?? "undated"
            quote = cited.quote
        }
    }

    struct ReasonView {
        var number: Int
        var rule: String
        var tag: String
        var outcome: VerdictView
        var softened: Bool
        var summary: String
        var principle: String
        var nextThreshold: String
        var hasNextThreshold: Bool
        var advice: String
        var hasAdvice: Bool
        var entries: [CitationView]
        /// "1 entry", "3 entries".
        var entryCount: String

        init(_ reason: Reason, number: Int, billing: Billing) {
            self.number = number
            rule = reason.rule
            tag = reason.tag
            outcome = VerdictView(reason.outcome)
            softened = reason.softened
            summary = PlainWords.summary(reason, billing: billing)
            principle = reason.principle
            nextThreshold = reason.nextThreshold.map { PlainWords.next($0, reason: reason) } ?? ""
            hasNextThreshold = reason.nextThreshold != nil
            let advice = Advice.text(for: reason, billing: billing)
            self.advice = advice ?? ""
            hasAdvice = advice != nil
            entries = reason.entries.map(CitationView.init)
            entryCount = HTMLView.count(reason.entries.count, "entry", "entries")
        }
    }

    struct TagView {
        var name: String
        var isIncident: Bool
        var isPositive: Bool
    }

    struct AnchorView {
        var id: String
    }

    struct EntryView {
        var anchor: String
        /// Anchors of the tagged dated headings (or front matter) this entry is the first of: a
        /// reason cites a heading's tag once, at the heading's line, and links here.
        var sectionAnchors: [AnchorView]
        var date: String
        var time: String
        var hasTime: Bool
        var title: String
        var hasTitle: Bool
        var reference: String
        var tags: [TagView]
        /// cmark's safe HTML of the entry's Markdown (raw HTML omitted, unsafe links removed).
        var body: String
        var isIncident: Bool
        var isPositive: Bool
        var isFuture: Bool

        init(_ item: TimelineEntry, sectionAnchors: [String] = []) {
            let entry = item.entry
            anchor = Dossier.anchor(file: entry.file, line: entry.line)
            self.sectionAnchors = sectionAnchors.map(AnchorView.init)
            date = entry.date?.description ?? "undated"
            time = entry.time ?? ""
            hasTime = entry.time != nil
            title = entry.title ?? ""
            hasTitle = !title.isEmpty
            reference = "\(entry.file):\(entry.line)"
            var seen = Set<String>()
            tags = entry.tags.filter { seen.insert($0.qualifiedName).inserted }.map {
                TagView(
                    name: $0.qualifiedName, isIncident: Vocabulary.signs.contains($0.name),
                    isPositive: Timeline.positiveTags.contains($0.name))
            }
            body = NotesMarkup.html(entry.markdown)
            isIncident = item.isIncident
            isPositive = item.isPositive
            isFuture = item.isFuture
        }
    }

    struct MonthView {
        var month: String
        var count: Int
        var entries: [EntryView]
    }

    struct FactView {
        var label: String
        var value: String
    }

    struct TagCountView {
        var tag: String
        var count: Int
        var kind: String
    }

    struct ClientView {
        var id: String
        var name: String
    }

    struct DossierView {
        var title: String
        var client: ClientView
        var verdict: VerdictView
        var score: Int
        /// What the verdict rests on, in plain words (`PlainWords.detail`).
        var summary: String
        /// What to do, from the reasons that decide the verdict.
        var todo: [String]
        var hasTodo: Bool
        /// "judged as fixed price: add billing: to the front matter", when the front matter gives none.
        var billingNote: String
        var hasBillingNote: Bool
        /// Signs seen below their watch threshold.
        var noted: [ReasonView]
        var hasNoted: Bool
        var asOf: String
        var policyDigest: String
        var inputDigest: String
        var reasons: [ReasonView]
        var hasReasons: Bool
        var facts: [FactView]
        var tagCounts: [TagCountView]
        /// The generated SVG chart; empty when there is no dated entry.
        var chart: String
        var hasChart: Bool
        var months: [MonthView]
        var undated: [EntryView]
        var hasUndated: Bool
        /// "22 entries".
        var entryCount: String
        /// Link back to the index page in a site; empty for a standalone dossier.
        var indexLink: String
        var hasIndexLink: Bool
        /// The score chart of the last 12 months (`ScoreChart.svg`, safe); empty without points.
        var scoreChart: String
        var hasScoreChart: Bool
        /// "12 → 72 (2025-04 … 2026-03)".
        var scoreLine: String
        var closures: [ClosureView]
        var hasClosures: Bool
        var evidence: [EvidenceView]
        var hasEvidence: Bool
        /// Each cited entry's first commit, when the notes are in git (`Provenance`).
        var provenance: [ProvenanceView] = []
        var hasProvenance = false
        /// What the provenance list means (threshold, first commit).
        var provenanceNote = ""
        /// "1 cited entry was written after the fact.", empty when none was.
        var provenanceLate = ""
        var hasProvenanceLate = false
    }

    /// One cited entry's provenance: `sentence` is `ProvenanceRenderer.sentence` without Markdown.
    struct ProvenanceView {
        var anchor: String
        var date: String
        var reference: String
        var sentence: String
        var late: Bool
    }

    struct ClosureView {
        var sign: String
        var kind: String
        var date: String
        var reason: String
        var applied: Bool
        var note: String
        var hasNote: Bool
        var anchor: String
        var reference: String
        var closed: [CitationView]
    }

    struct EvidenceView {
        var reference: String
        var sha256: String
        var isFile: Bool
    }

    struct TriageReasonView {
        var tag: String
        var outcome: String
    }

    struct TriageClientView {
        var id: String
        var name: String
        /// Relative link to the client's dossier in a site; empty for a standalone triage.
        var link: String
        var hasLink: Bool
        var verdict: VerdictView
        var score: Int
        var incidents: Int
        var lastIncident: String
        var summary: String
        var reasons: [TriageReasonView]
        var hasReasons: Bool
        /// The score chart of the last 12 months (`ScoreChart.svg`, safe).
        var scoreChart: String
        var hasScoreChart: Bool
    }

    struct TriageView {
        var title: String
        var asOf: String
        var policyDigest: String
        var inputDigest: String
        var tally: String
        var fire: Int
        var watch: Int
        var keep: Int
        var clients: [TriageClientView]
    }
}
