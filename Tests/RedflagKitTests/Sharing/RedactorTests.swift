import Foundation
import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagKit
@testable import RedflagOutput

/// `--redact`: no e-mail, phone, amount, IBAN, contact or listed name survives in any format;
/// tags, dates and times do.
@Suite("Redaction")
struct RedactorTests {
    /// Sensitive values of every kind, as the notes below write them.
    static let secrets = [
        "hans.weber@example.org", "j.doe+billing@mail.example.com", "+49 170 555 0142", "030 1234 5678",
        "(212) 555-0199", "+7 (495) 123-45-67", "€4,800", "1.200 €", "350 EUR", "$12,000", "15 000 руб.",
        "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "Hans Weber", "Weber", "Anna Petrova",
        "Петров", "Karl-Heinz Brandt",
    ]

    /// Values that must stay: tags, dates, times, counts.
    static let kept = ["#late", "#lie", "#abuse/verbal", "#paid", "2025-03-05", "2025-04-01", "14:30", "34 days"]

    static let notes: [String: String] = [
        "redflag.yml": "redact: [Anna Petrova, Петров, Karl-Heinz Brandt]\n",
        "acme.md": """
        ---
        client: Acme Weber GmbH
        contact: Hans Weber <hans.weber@example.org>, +49 170 555 0142
        billing: fixed
        rate: €90/h
        ---
        ## 2025-03-05 14:30 Call with Hans Weber
        Hans Weber said the invoice of €4,800 was "never received"; it was, to hans.weber@example.org. #lie

        ## 2025-04-01
        Paid 34 days late, 1.200 € of 350 EUR plus $12,000 from DE89 3704 0044 0532 0130 00. #late
        - Anna Petrova (their accountant, j.doe+billing@mail.example.com, 030 1234 5678) shouted at me. #abuse/verbal
        - Петров called from +7 (495) 123-45-67 about 15 000 руб. and GB29NWBK60161331926819. #late
        - Karl-Heinz Brandt, (212) 555-0199, was the one who paid at last after a very long wait, 2025-04-01. \
        Weber confirmed it to hans.weber@example.org #paid
        """,
    ]

    static func workspace() throws -> (Workspace, Journal, URL) {
        let root = try TestPaths.temporaryDirectory()
        for (name, text) in notes { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        let workspace = try Workspace.open(notes: root.path)
        return (workspace, workspace.load(), root)
    }

    /// Every format of every judging output, redacted.
    static func outputs() throws -> [String: String] {
        let (workspace, journal, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let judgement = workspace.redacted(workspace.judge(journal, asOf: Make.asOf), journal: journal)
        let templates = try HTMLTemplates.load()
        var out: [String: String] = [:]
        for dossier in judgement.dossiers {
            out["dossier.md"] = DossierMarkdownRenderer.render(dossier)
            out["dossier.json"] = DossierJSONRenderer.render(dossier)
            out["dossier.html"] = DossierHTMLRenderer.render(dossier, templates: templates)
        }
        for format in TriageFormat.allCases {
            out["triage.\(format.rawValue)"] = TriageRenderer.render(
                judgement.triage, format: format, templates: templates)
        }
        let site = Site(dossiers: judgement.dossiers, triage: judgement.triage, templates: templates)
        for page in site.pages { out["site/\(page.fileName)"] = page.html }
        return out
    }

    @Test("journal-samples: no contact's e-mail, phone or name survives in any redacted dossier or triage")
    func samples() throws {
        let workspace = try Workspace.open(notes: TestPaths.samples.path)
        let journal = workspace.load()
        let judgement = workspace.redacted(workspace.judge(journal, asOf: Make.asOf), journal: journal)
        let templates = try HTMLTemplates.load()
        var secrets: [String] = []
        for contact in journal.clients.compactMap(\.contact) {
            secrets += contact.split(whereSeparator: { " ,;<>()".contains($0) }).map(String.init).filter {
                $0.contains("@")
                    || $0.count >= 3 && ($0.first?.isUppercase ?? false)
                        && !Redactor.notNames.contains($0.lowercased())
            }
            secrets +=
                Redactor.phoneCandidate.map { expression in
                    expression.matches(in: contact, range: NSRange(contact.startIndex..., in: contact)).compactMap {
                        Range($0.range, in: contact).map { String(contact[$0]) }
                    }
                } ?? []
        }
        #expect(secrets.contains("+49 170 555 0142") && secrets.contains("<d.kessler@kessler-bau.example>") == false)
        #expect(secrets.contains { $0.contains("d.kessler@kessler-bau.example") })
        var outputs = TriageFormat.allCases.map {
            TriageRenderer.render(judgement.triage, format: $0, templates: templates)
        }
        for dossier in judgement.dossiers {
            outputs += [
                DossierMarkdownRenderer.render(dossier), DossierJSONRenderer.render(dossier),
                DossierHTMLRenderer.render(dossier, templates: templates),
            ]
        }
        for output in outputs {
            for secret in secrets { #expect(!output.contains(secret), "\(secret)") }
        }
    }

    @Test("the patterns compile")
    func patternsCompile() {
        #expect(Redactor.email != nil)
        #expect(Redactor.iban != nil)
        #expect(Redactor.money.allSatisfy { $0 != nil })
        #expect(Redactor.phoneCandidate != nil)
        #expect(Redactor.dateOrTime != nil)
    }

    @Test("no unredacted value in any format; tags, dates and times kept", arguments: ["md", "json", "html"])
    func everyFormat(_ format: String) throws {
        let outputs = try Self.outputs()
        #expect(outputs.keys.contains("dossier.\(format)"))
        #expect(outputs.count >= 10)
        for (name, text) in outputs {
            // Markdown escapes brackets and JSON/HTML may escape characters: compare on what a reader sees.
            let readable = text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "&#39;", with: "'")
            for secret in Self.secrets {
                #expect(!readable.localizedCaseInsensitiveContains(secret), "\(name) shows \(secret)")
            }
            if name.hasPrefix("dossier") {
                for value in Self.kept { #expect(readable.contains(value), "\(name) lost \(value)") }
                #expect(readable.contains("[email]") && readable.contains("[phone]"), "\(name)")
                #expect(readable.contains("[amount]") && readable.contains("[iban]") && readable.contains("[name]"))
            }
        }
    }

    @Test("a value cut by a quote's ellipsis is masked from the whole text, never left half")
    func cutQuotes() {
        let padding = String(repeating: "word ", count: 22)
        let entry = Make.entry(
            Make.day("2025-03-05"), "lie", text: padding + "then wrote from hans.weber@example.org again #lie")
        let dossier = Dossier(
            timeline: Make.timeline([entry]), assessment: Make.assess([entry]), policyDigest: "p", inputDigest: "i")
        #expect(dossier.assessment.reasons.first?.entries.first?.quote.hasSuffix("…") == true)
        let masked = Redactor(names: []).redact(dossier)
        let quote = masked.assessment.reasons.first?.entries.first?.quote ?? ""
        #expect(!quote.contains("hans"), "\(quote)")
    }

    @Test("any mix of values and plain words: every value masked, every tag and date kept")
    func property() async {
        let values = Self.secrets
        let plain = [
            "Paid", "late", "call", "#late", "#lie", "2025-03-05", "05.03.2025", "14:30", "3 times", "(again)",
        ]
        let tokens = Gen.int(in: 0...(values.count + plain.count - 1)).array(of: 1...12)
        let redactor = Redactor(
            names: ["Hans Weber", "Weber", "Anna Petrova", "Петров", "Karl-Heinz Brandt"],
            contacts: ["Hans Weber <hans.weber@example.org>"])
        await propertyCheck(count: 300, input: tokens) { picks in
            let words = picks.map { $0 < values.count ? values[$0] : plain[$0 - values.count] }
            let text = words.joined(separator: " ")
            let masked = redactor.redact(text)
            for (index, word) in words.enumerated() where picks[index] < values.count {
                #expect(!masked.localizedCaseInsensitiveContains(word), "\(text) → \(masked)")
            }
            // Tags, dates and times among the plain words survive.
            for (index, word) in words.enumerated() where picks[index] >= values.count {
                if word.hasPrefix("#") || word.first?.isNumber == true && word.contains(where: { ".:-".contains($0) }) {
                    #expect(masked.contains(word), "\(text) → \(masked)")
                }
            }
        }
    }

    @Test("inflected names are masked too: Webers, Игорем Петровичем, Ольгой")
    func inflections() {
        let redactor = Redactor(names: ["Weber", "Игорь", "Петрович", "Ольга"])
        #expect(redactor.redact("созвон с Игорем Петровичем и Ольгой #late") == "созвон с [name] [name] и [name] #late")
        #expect(redactor.redact("the Webers paid, Weber's fault") == "the [name] paid, [name]'s fault")
        #expect(redactor.redact("Webster") == "Webster")
    }

    @Test("client ids stay unique when a listed name is masked out of them")
    func uniqueIDs() {
        let one = Make.entry(Make.day("2025-03-05"), "lie")
        func dossier(_ id: String) -> Dossier {
            var timeline = Make.timeline([one])
            timeline.client = Client(id: ClientID(rawValue: id), name: id)
            return Dossier(timeline: timeline, assessment: Make.assess([one]), policyDigest: "p", inputDigest: "i")
        }
        let masked = Redactor(names: ["Weber", "Brandt"]).redact([dossier("weber"), dossier("brandt")])
        #expect(masked.map(\.client.id.rawValue) == ["redacted", "redacted-2"])
    }
}
