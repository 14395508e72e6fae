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

    @Test("without training the shipped model does not report 'ghosted'")
    func shippedAlone() {
        let detector = IncidentDetector()
        #expect(detector.trainingWeight == 0)
        #expect(
            (detector.suggestions(for: "Client ghosted me again").first?.confidence ?? 0)
                < LintConfiguration.defaultReportThreshold)
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

    @Test("training lowers the confidence of an entry worded like the user's everyday notes")
    func lowers() throws {
        var journal = Self.journal
        let text = "Reminder sent for the workshop invoice, they want the deck redone"
        for _ in 0..<6 {
            journal.append(LabeledText(text: "Reminder sent for the workshop invoice, deck redone", tags: []))
        }
        let plain = try #require(IncidentDetector().suggestions(for: text).first).confidence
        let trained = IncidentDetector(training: journal).suggestions(for: text).first?.confidence ?? 0
        #expect(trained < plain)
    }

    @Test("a little training data counts a little")
    func littleData() {
        let few = Array(Self.journal.prefix(10))
        #expect(IncidentDetector(training: few).trainingWeight == 10 / IncidentDetector.fullTrainingSize)
        // One class only: nothing to compare, the lexicon decides alone.
        #expect(IncidentDetector(training: [LabeledText(text: "late again", tags: ["late"])]).trainingWeight == 0)
    }

    /// A journal without the user's own idiom: other signs and everyday entries.
    static let withoutIdiom: [LabeledText] = journal.filter { !$0.text.lowercased().contains("ghosted") }

    @Test("a phrase the shipped model does not know becomes a finding once the user tags it twice, not before")
    func learnsAfterTwoTags() {
        let text = "Went full walrus today"
        func best(_ training: [LabeledText]) -> IncidentSuggestion? {
            IncidentDetector(training: training).suggestions(for: text).first.flatMap {
                $0.confidence >= LintConfiguration.defaultReportThreshold ? $0 : nil
            }
        }
        #expect(
            IncidentDetector().suggestions(for: text).first.map {
                $0.confidence < LintConfiguration.defaultReportThreshold
            } ?? true)
        #expect(best(Self.withoutIdiom) == nil)
        let tagged = [
            LabeledText(text: "Went full walrus at the standup", tags: ["abuse"]),
            LabeledText(text: "went full walrus again on the call", tags: ["abuse"]),
        ]
        #expect(best(Self.withoutIdiom + tagged.prefix(1)) == nil)
        let learned = best(Self.withoutIdiom + tagged)
        #expect(
            learned?.tag == "abuse", "\(IncidentDetector(training: Self.withoutIdiom + tagged).suggestions(for: text))")
        #expect(learned?.evidence.lowercased().contains("full") == true, "\(String(describing: learned))")
    }

    @Test("tags that are not signs teach no sign")
    func ignoresOtherTags() {
        let text = "Went full walrus today"
        var training = Self.withoutIdiom
        for _ in 0..<4 { training.append(LabeledText(text: "Went full walrus at the standup", tags: ["walrus"])) }
        let suggestions = IncidentDetector(training: training).suggestions(for: text)
        #expect(suggestions.allSatisfy { Vocabulary.signs.contains($0.tag) })
        #expect(suggestions.first.map { $0.confidence < LintConfiguration.defaultReportThreshold } ?? true)
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
