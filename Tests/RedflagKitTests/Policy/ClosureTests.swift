import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagOutput

/// Closing the past: `#resolved/SIGN` and `#forgiven/SIGN` turn earlier incidents into history.
@Suite("Closings")
struct ClosureTests {
    static let lie = Make.entry(Make.day("2024-03-05"), "lie", text: "The CTO lied about the API. #lie")
    static let resolved = Make.entry(
        Make.day("2025-02-01"), "resolved/lie", text: "#resolved/lie CTO left the company.")
    static let praise = [Make.entry(Make.day("2025-06-01"), "praise"), Make.entry(Make.day("2025-09-01"), "paid")]

    @Test("a lie stays fire forever until a dated entry resolves it; the dossier keeps it as history")
    func resolvesALie() throws {
        #expect(Make.assess([Self.lie] + Self.praise).verdict == .fire)
        let assessment = Make.assess([Self.lie, Self.resolved] + Self.praise)
        #expect(assessment.verdict == .keep)
        #expect(assessment.incidents == 0)
        let closure = try #require(assessment.closures.first)
        #expect(closure.applied && closure.sign == "lie" && closure.kind == .resolved)
        #expect(closure.date == Make.day("2025-02-01"))
        #expect(closure.reason == "CTO left the company.")
        #expect(closure.closed.map(\.quote) == ["The CTO lied about the API. #lie"])
        let timeline = Make.timeline([Self.lie, Self.resolved] + Self.praise)
        let dossier = Dossier(
            timeline: timeline, assessment: Policy.standard.assess(timeline), policyDigest: "p", inputDigest: "i")
        let markdown = DossierMarkdownRenderer.render(dossier)
        #expect(markdown.contains("**#lie** closed on 2025-02-01 (resolved) because “CTO left the company.”"))
        #expect(markdown.contains("The CTO lied about the API."))
        #expect(DossierJSONRenderer.render(dossier).contains("\"applied\" : true"))
    }

    @Test("provenance lists the closing entry and the incidents it closed, in Markdown, JSON and HTML")
    func provenanceOfClosings() throws {
        let timeline = Make.timeline([Self.lie, Self.resolved] + Self.praise)
        let dossier = Dossier(
            timeline: timeline, assessment: Policy.standard.assess(timeline), policyDigest: "p", inputDigest: "i")
        #expect(dossier.assessment.reasons.isEmpty, "the lie is closed: no reason cites it")
        let commit = String(repeating: "c0ffee", count: 7).prefix(40)
        let provenance = Provenance(dossier) { _, _ in (String(commit), Make.day("2025-03-01")) }
        #expect(provenance.items.map(\.entry.line) == [1, 2])
        #expect(provenance.items.map(\.late) == [true, true])
        let markdown = DossierMarkdownRenderer.render(dossier, provenance: provenance)
        #expect(markdown.contains("- 2025-02-01 `c.md:2`: first committed 2025-03-01 (`c0ffeec0ff`), 28 days after"))
        #expect(markdown.contains("- 2024-03-05 `c.md:1`: first committed 2025-03-01"))
        let json = DossierJSONRenderer.render(dossier, provenance: provenance)
        #expect(json.contains("\"committed\" : \"2025-03-01\""))
        #expect(json.components(separatedBy: "\"imported\"").count == 3, "two provenance items")
        let html = DossierHTMLRenderer.render(dossier, templates: try HTMLTemplates.load(), provenance: provenance)
        #expect(
            html.contains("<a href=\"#e-c-md-2\">2025-02-01 · <span class=\"ref\">c.md:2</span></a>: first committed"))
    }

    @Test("triage: a closed incident is neither counted nor the last incident, and the row says it was closed")
    func triageShowsOpenIncidents() throws {
        let late = Make.entry(Make.day("2024-01-10"), "late")
        let timeline = Make.timeline([Self.lie, late, Self.resolved] + Self.praise)
        let dossiers = Dossier.all([timeline], policy: .standard, inputDigest: "i")
        let row = try #require(Triage(dossiers, asOf: Make.asOf, policyDigest: "p", inputDigest: "i").rows.first)
        #expect(row.incidents == 1 && row.closedIncidents == 1)
        #expect(row.lastIncident == Make.day("2024-01-10"), "the lie of 2024-03-05 is closed, the late payment not")
        #expect(row.signTotals.map(\.tag) == ["late"])
        // The dossier keeps the whole story.
        #expect(dossiers.first?.timeline.lastIncident == Make.day("2024-03-05"))
        #expect(dossiers.first?.timeline.tagCounts.contains { $0.tag == "lie" } == true)

        let closedOnly = Make.timeline([Self.lie, Self.resolved] + Self.praise)
        let triage = Triage(
            Dossier.all([closedOnly], policy: .standard, inputDigest: "i"), asOf: Make.asOf, policyDigest: "p",
            inputDigest: "i")
        let only = try #require(triage.rows.first)
        #expect(only.incidents == 0 && only.lastIncident == nil && only.closedIncidents == 1)
        let text = TriageRenderer.text(triage, color: false)
        #expect(text.contains("    0  -  "), "\(text)")
        #expect(text.contains("No open warning sign (1 incident closed); 2 good entries."), "\(text)")
        #expect(TriageRenderer.json(triage).contains("\"closedIncidents\" : 1"))
        // --redact masks the open timeline too (it keeps the entries' text).
        let masked = try #require(Redactor(names: ["CTO"]).redact(dossiers).first)
        #expect(!masked.openTimeline.entries.contains { $0.entry.text.contains("CTO") })
        #expect(dossiers.first?.openTimeline.entries.contains { $0.entry.text.contains("CTO") } == true)
    }

    @Test("the sentence form #resolved lie: reason closes the same way")
    func sentenceForm() throws {
        let closing = Make.entry(
            Make.day("2025-02-01"), "resolved", text: "#resolved lie: CTO left the company.")
        let assessment = Make.assess([Self.lie, closing])
        #expect(assessment.verdict == .keep)
        let closure = try #require(assessment.closures.first)
        #expect(closure.sign == "lie" && closure.applied && closure.reason == "CTO left the company.")
        #expect(ClosingTag.writtenSign(after: "resolved", in: "#resolved the lie: later") == nil)
        #expect(
            ClosingTag.writtenSign(after: "forgiven", in: "ok #forgiven abuse/physical: he left")?.sign
                == "abuse/physical"
        )
    }

    @Test("a closed incident no longer breaks the quiet period that softening asks for")
    func closedIncidentsDoNotBlockSoftening() {
        let history =
            [Make.ago(300, "late"), Make.ago(250, "late"), Make.ago(30, "unreasonable")]
            + [Make.ago(200, "praise"), Make.ago(100, "paid"), Make.ago(10, "referral")]
        let open = Make.assess(history)
        #expect(open.verdict == .watch && !open.softened)
        let closed = Make.assess(history + [Make.ago(20, "forgiven/unreasonable")])
        #expect(closed.verdict == .keep && closed.softened)
    }

    @Test("an incident after the closing counts again")
    func laterIncidentCounts() {
        let again = Make.entry(Make.day("2025-10-01"), "lie")
        #expect(Make.assess([Self.lie, Self.resolved, again]).verdict == .fire)
        #expect(Make.assess([Self.lie, Self.resolved, again]).incidents == 1)
    }

    @Test("policy.closing.hard: false keeps hard signs open, and says so")
    func hardSignsStayOpen() throws {
        var policy = Policy.standard
        policy.closing.hard = false
        let assessment = Make.assess([Self.lie, Self.resolved], policy: policy)
        #expect(assessment.verdict == .fire)
        let closure = try #require(assessment.closures.first)
        #expect(!closure.applied)
        #expect(closure.note?.contains("policy.closing.hard") == true)
        // A soft sign still closes.
        let late = Make.series("late", count: 3, start: 200)
        let forgiven = Make.entry(Make.day("2026-06-01"), "forgiven/late")
        #expect(Make.assess(late, policy: policy).verdict == .fire)
        #expect(Make.assess(late + [forgiven], policy: policy).verdict == .keep)
    }

    @Test("a closing without a sign, with an unknown sign or without a date closes nothing, and is shown")
    func invalidClosings() {
        for closing in [
            Make.entry(Make.day("2025-02-01"), "resolved"), Make.entry(Make.day("2025-02-01"), "resolved/nonsense"),
            Make.entry(nil, "forgiven/lie"),
        ] {
            let assessment = Make.assess([Self.lie, closing])
            #expect(assessment.verdict == .fire)
            #expect(assessment.closures.count == 1)
            #expect(assessment.closures.first?.applied == false)
            #expect(assessment.closures.first?.note != nil)
        }
    }

    @Test("an alias names the sign (#forgiven/liar); abuse/physical closes only physical abuse")
    func targets() {
        #expect(ClosingTag.target("liar")?.tag == "lie")
        #expect(ClosingTag.target("abuse/physical")?.subtype == "physical")
        #expect(ClosingTag.target("praise") == nil)
        let physical = Make.entry(Make.day("2025-01-01"), "abuse/physical")
        let verbal = Make.entry(Make.day("2025-01-02"), "abuse/verbal")
        let closing = Make.entry(Make.day("2025-02-01"), "forgiven/abuse/physical")
        let assessment = Make.assess([physical, verbal, closing])
        #expect(assessment.closures.first?.closed.count == 1)
        #expect(assessment.incidents == 1)
    }

    @Test("redflag.yml: closing: { hard: false } is read, and a bad value is an error naming the line")
    func configuration() throws {
        let configuration = try Configuration.parse("policy:\n  closing: { hard: false }\n")
        #expect(try Policy(configuration: configuration).closing.hard == false)
        let bad = try Configuration.parse("policy:\n  closing: { hard: maybe, hrad: true }\n")
        #expect(throws: PolicyError.self) { try Policy(configuration: bad) }
        #expect(try Policy(configuration: configuration).digest != Policy.standard.digest)
    }
}
