import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// The naive Bayes layer: the user's tagged entries raise or lower the lexicon's confidence.
@Suite("Detection: learning from the user's tagged entries")
struct DetectionLearningTests {
    /// A journal where the user writes "ghosted" for clients who do not pay, plus other signs and
    /// some context-tagged (non-incident) entries.
    static let journal: [LabeledText] = {
        var entries: [LabeledText] = []
        let ghosted = [
            "Client ghosted after the invoice", "Ghosted again, invoice from May", "ghosted me on the final payment",
            "Totally ghosted, third week now", "AP ghosted the reminder", "ghosted after delivery, no money",
        ]
        entries += ghosted.map { LabeledText(text: $0, tags: ["late"]) }
        let others: [(String, String)] = [
            ("Yelled at the intern during review", "abuse"), ("Screamed at me over a typo", "abuse"),
            ("Lied about the budget", "lie"), ("Said it was sent, it was not", "lie"),
            ("Wants the redesign for free", "unreasonable"), ("Called at 2am about the logo", "unreasonable"),
            ("Disputed the invoice total", "dispute"), ("Refuses to pay for revisions", "dispute"),
            ("Changed his mind on the colours", "changed-mind"), ("Back to the old layout again", "changed-mind"),
            ("Ignored my advice on hosting, site down", "ignored-advice"),
            ("Another agency is cheaper, wants a discount", "competitor"),
            ("Threatened to sue over the delay", "legal"),
        ]
        for _ in 0..<8 { entries += others.map { LabeledText(text: $0.0, tags: [$0.1]) } }
        let context = [
            "Paid on time, thanks", "Great feedback on the launch", "Referred a friend", "Invoice paid early",
            "Happy with the mockups", "Kind words from the CEO",
        ]
        for _ in 0..<3 { entries += context.map { LabeledText(text: $0, tags: []) } }
        return entries
    }()

    @Test("without training the lexicon alone decides, and does not know 'ghosted'")
    func lexiconAlone() {
        let detector = IncidentDetector()
        #expect(detector.trainingWeight == 0)
        #expect((detector.suggestions(for: "Client ghosted me again").first?.confidence ?? 0) < 0.5)
    }

    @Test("a user's own word, tagged #late again and again, is learned as late")
    func learnsGhosted() throws {
        let detector = IncidentDetector(training: Self.journal)
        #expect(detector.trainingWeight == 1)
        let suggestion = try #require(detector.suggestions(for: "Client ghosted me again").first)
        #expect(suggestion.tag == "late")
        #expect(suggestion.confidence >= 0.5)
        #expect(suggestion.evidence.lowercased().contains("ghosted"))
    }

    @Test("training raises the confidence of a sign the user tags in that vocabulary")
    func raises() {
        let text = "Invoice ghosted, payment late again"
        let plain = IncidentDetector().suggestions(for: text).first { $0.tag == "late" }?.confidence ?? 0
        let trained =
            IncidentDetector(training: Self.journal).suggestions(for: text).first { $0.tag == "late" }?.confidence ?? 0
        #expect(trained > plain)
    }

    @Test("training lowers the confidence of a weak phrase in words the user marks as fine")
    func lowers() {
        var journal = Self.journal
        for _ in 0..<6 { journal.append(LabeledText(text: "Retainer paid, reminder sent for the workshop", tags: [])) }
        let text = "Reminder sent for the workshop"
        let plain = IncidentDetector().suggestions(for: text).first { $0.tag == "late" }?.confidence ?? 0
        let trained =
            IncidentDetector(training: journal).suggestions(for: text).first { $0.tag == "late" }?.confidence ?? 0
        #expect(trained < plain)
    }

    @Test("a little training data counts a little")
    func littleData() {
        let few = Array(Self.journal.prefix(10))
        #expect(IncidentDetector(training: few).trainingWeight == 0.1)
        // One class only: nothing to compare, the lexicon decides alone.
        #expect(IncidentDetector(training: [LabeledText(text: "late again", tags: ["late"])]).trainingWeight == 0)
    }

    @Test("training ignores tags that are not signs")
    func ignoresOtherTags() {
        let detector = IncidentDetector(training: [
            LabeledText(text: "paid", tags: ["paid"]), LabeledText(text: "lied", tags: ["lie"]),
        ])
        #expect(detector.suggestions(for: "paid") == IncidentDetector().suggestions(for: "paid"))
    }
}

@Suite("Detection: training data from journal entries")
struct DetectionTrainingDataTests {
    static func entry(_ text: String, _ tags: [String]) -> Entry {
        Entry(
            client: "acme", date: CalendarDate(iso: "2026-01-05"), file: "acme.md", line: 3, endLine: 3, text: text,
            markdown: text,
            tags: tags.map { Tag(name: $0, subtype: nil, raw: "#" + $0, line: 3, column: 1, isKnown: true) })
    }

    @Test("sign-tagged entries are positives, #paid/#praise/#referral-only entries negatives, the rest left out")
    func fromEntries() {
        let entries = [
            Self.entry("Ghosted again #late", ["late"]),
            Self.entry("Lied and yelled #lie #abuse #warned", ["lie", "abuse", "warned"]),
            Self.entry("Paid on time #paid", ["paid"]),
            Self.entry("Warned him #warned", ["warned"]),
            Self.entry("Untagged note", []),
        ]
        #expect(
            LabeledText.training(from: entries) == [
                LabeledText(text: "Ghosted again #late", tags: ["late"]),
                LabeledText(text: "Lied and yelled #lie #abuse #warned", tags: ["lie", "abuse"]),
                LabeledText(text: "Paid on time #paid", tags: []),
            ])
    }
}
