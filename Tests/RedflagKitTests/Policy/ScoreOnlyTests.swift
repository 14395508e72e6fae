import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement

/// `Policy.scoreOnly` (what the score history uses, twelve times per client) gives exactly the
/// score and verdict of the full `Policy.assess`, and `CitedEntry.quote`'s byte-level path quotes
/// exactly as the character-level one.
@Suite("Score-only assessment")
struct ScoreOnlyTests {
    /// The standard policy, and one where hard signs may be closed and softening needs less.
    static let policies: [Policy] = {
        var lenient = Policy.standard
        lenient.closing.hard = true
        lenient.softening.positives = 1
        return [.standard, lenient]
    }()

    @Test("on generated timelines, every month end and as-of: the score and verdict of the full assessment")
    func generatedTimelines() async {
        let tags =
            PolicyPropertyTests.anyTags + ["resolved/lie", "forgiven/late", "resolved/abuse", "resolved", "wordpress"]
        let journal = zip(Gen.int(in: -20...800), Gen.int(in: 0...(tags.count - 1))).array(of: 0...16)
        await propertyCheck(count: 50, input: journal, Gen.int(in: 0...2), Gen.int(in: 0...1)) {
            specs, billingIndex, policyIndex in
            let billing = [Billing.fixed, .hourly, nil][billingIndex]
            let policy = Self.policies[policyIndex]
            let entries = Make.numbered(specs.map { Make.ago($0.0, tags[$0.1]) })
            let timeline = Timeline(client: Make.client(billing: billing), entries: entries, asOf: Make.asOf)
            let full = policy.assess(timeline)
            let quick = policy.scoreOnly(timeline)
            #expect(quick.score == full.score)
            #expect(quick.verdict == full.verdict)
            for point in policy.scoreHistory(timeline) {
                let then = policy.assess(
                    Timeline(client: Make.client(billing: billing), entries: entries, asOf: point.asOf))
                #expect(point.score == then.score, "\(point.month)")
                #expect(point.verdict == then.verdict, "\(point.month)")
            }
        }
    }

    @Test("on journal-samples, every client at every month end: the score and verdict of the full assessment")
    func journalSamples() throws {
        let journal = NotesDirectory.load(root: PolicySamplesTests.samples)
        let policy = try Policy(configuration: journal.configuration)
        let asOf = Make.day("2026-11-29")
        var checked = 0
        for timeline in Timeline.all(in: journal, asOf: asOf) {
            for point in policy.scoreHistory(timeline) {
                let then = Timeline.all(in: journal, asOf: point.asOf).first { $0.client.id == timeline.client.id }
                let full = then.map(policy.assess)
                #expect(point.score == full?.score, "\(timeline.client.id.rawValue) \(point.month)")
                #expect(point.verdict == full?.verdict, "\(timeline.client.id.rawValue) \(point.month)")
                checked += 1
            }
        }
        #expect(checked == 12 * 10)
    }

    @Test("the dates of tag occurrences are those of the occurrences grouped, inherited tags included")
    func occurrenceDates() async {
        let tags = ["late", "lie", "abuse/verbal", "paid"]
        // Each entry: days ago, a tag, and whether the tag is inherited from a heading above (line 1).
        let specs = zip(Gen.int(in: 0...400), Gen.int(in: 0...(tags.count - 1)), Gen.bool).array(of: 0...20)
        await propertyCheck(count: 200, input: specs) { specs in
            let entries = specs.enumerated().map { index, spec in
                var entry = Make.ago(spec.0, tags[spec.1], line: index + 2)
                if spec.2 { entry.tags = entry.tags.map { tag in Make.tag(tag.qualifiedName, line: 1) } }
                return TimelineEntry(entry, asOf: Make.asOf)
            }
            let matchers: [(RedflagJournal.Tag) -> Bool] = [Timeline.isSign, { $0.name == "late" }, { _ in true }]
            for matches in matchers {
                #expect(
                    TagOccurrence.dates(entries, where: matches)
                        == TagOccurrence.group(entries, where: matches).map(\.date))
            }
        }
    }

    @Test("the byte-level quote equals the character-level one on any text")
    func quoteByBytes() async {
        // ASCII letters and whitespace (CR LF, vertical tab, the separators 0x1C–0x1F that are no
        // whitespace), NEL, no-break space, a combining accent, an emoji with a skin tone, a dash.
        let pieces = [
            "a", "b", "word", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}",
            "\u{A0}", "\u{301}", "👍🏽", "—", "é", "x",
        ]
        let ascii = 13  // the first pieces are ASCII: half the texts use only those, to take the byte path
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...200), Gen.bool
        ) { picks, asciiOnly in
            let text = picks.map { pieces[asciiOnly ? $0 % ascii : $0] }.joined()
            #expect(CitedEntry.quote(text) == CitedEntry.characterQuote(text), "\(text.debugDescription)")
        }
        let long = String(repeating: "lorem ipsum ", count: 30)
        #expect(CitedEntry.asciiQuote(long) == CitedEntry.characterQuote(long))
        #expect(CitedEntry.asciiQuote(long)?.hasSuffix("…") == true)
        #expect(CitedEntry.asciiQuote("café") == nil, "non-ASCII text is read by characters")
        #expect(CitedEntry.quote("  two\n\nlines  ") == "two lines")
    }
}
