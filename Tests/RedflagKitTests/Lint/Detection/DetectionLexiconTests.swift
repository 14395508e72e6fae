import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// Triggering and non-triggering examples per sign, in English and Russian, with the lexicon alone.
@Suite("Detection: lexicon per sign")
struct DetectionLexiconTests {
    /// The lexicon alone: the shipped model left out, so these examples test the lexicon's reading
    /// (its phrases, negation, first person, false friends), which the model reads as features.
    static let detector = IncidentDetector(lexicon: .standard, model: nil)

    /// The best suggestion at or above the usual reporting threshold.
    static func best(_ text: String) -> IncidentSuggestion? {
        detector.suggestions(for: text).first.flatMap { $0.confidence >= 0.5 ? $0 : nil }
    }

    static let triggering: [(String, String)] = [
        ("abuse", "He yelled at me on the call because the banner had a typo"),
        ("abuse", "Called me an idiot in front of his team"),
        ("abuse", "Наорал на менеджера, потом оскорбил меня в чате"),
        ("lie", "Said the money was sent, turned out the transfer never existed"),
        ("lie", "He lied to the board about who approved the design"),
        ("lie", "Соврал, что договор подписан"),
        ("unreasonable", "Called at 3am to discuss a new idea"),
        ("unreasonable", "Wants 10 extra pages for the same price"),
        ("unreasonable", "Требует переделать бесплатно"),
        ("late", "Inv 2211 still unpaid, 45d over"),
        ("late", "Payment pushed to next month again"),
        ("late", "Опять перенесли оплату на след. неделю"),
        ("late", "Просрочил оплату на две недели"),
        ("dispute", "Disputes every line of the invoice"),
        ("dispute", "Refuses to pay for the second round of revisions"),
        ("dispute", "Начал торговаться после сдачи, просит скидку"),
        ("changed-mind", "Changed his mind about the logo again"),
        ("changed-mind", "Approved the layout, now wants something completely different"),
        ("changed-mind", "Передумал насчёт цветов"),
        ("ignored-advice", "Ignored my advice about backups, lost the data, now wants me to fix it"),
        ("ignored-advice", "Не послушали про тесты, теперь просят срочно исправить"),
        ("competitor", "Showed me a competitor's quote and wants me to cut my price to match it"),
        ("competitor", "Говорит, что конкурент сделает дешевле, просит скидку на подписанный этап"),
        ("legal", "Their lawyer threatened to sue over the delay"),
        ("legal", "Wants to be paid in cash off the books"),
        ("legal", "Грозится подать в суд"),
        // Paraphrases and story-shaped entries (the sign implied over two sentences).
        ("abuse", "Tore into me on the call about the kerning"),
        ("abuse", "Blew a fuse in the review and told me to shut up"),
        ("abuse", "Заорал на меня при всех из-за шрифта"),
        ("lie", "It turns out the 'signed PO' doesn't exist"),
        ("lie", "Выяснилось, что никакого бюджета на рекламу нет"),
        ("lie", "Уверял, что макеты одобрены директором, а директор их не видел"),
        ("unreasonable", "Wants me on call on my day off"),
        ("unreasonable", "Expects me to redo the deck for free because it's 'tiny'"),
        ("unreasonable", "Хочет сайт, каталог и соцсети за цену одной визитки"),
        ("late", "Client kept me waiting three months for the final payment"),
        ("late", "Бухгалтерия обещает разобраться, счёт с июня так и не оплачен"),
        ("dispute", "Challenging every line of the travel expenses"),
        ("changed-mind", "Swapped the hero image after the page was signed off, then back to the old one"),
        ("changed-mind", "Сначала хотел тёмную тему, теперь просит светлую"),
        (
            "ignored-advice",
            "Recommended a staging copy. They said no. Plugin update broke checkout, now want me to fix it tonight."
        ),
        ("ignored-advice", "Skipped the load test I asked for; the site went down at launch"),
        ("competitor", "A rival's proposal came in lower, so he wants me to match it"),
        ("competitor", "Says his nephew could do the remaining pages cheaper"),
        ("legal", "Wants a 'certified organic' badge on the label they don't have"),
        ("legal", "Просит принять оплату наличными, чтобы не светить доход"),
        ("late", "The deposit never landed, and they've gone quiet"),
        // Negated counter-evidence argues for the sign.
        ("late", "Снова не оплатили в срок"),
        ("late", "Again they did not pay on time, third month running"),
        // Russian genitive plurals: денег, скидок, правок, ставок.
        ("dispute", "Требует вернуть треть денег за проект"),
        ("legal", "Asked me to strip the agency watermark off their stock photos"),
        ("abuse", "Опять начал материть меня в чате"),
        ("late", "Six weeks since delivery of the invoice, and still nothing"),
        ("abuse", "В отзыве назвал мой перевод мусором"),
        ("dispute", "Says the setup hours shouldn't be billed"),
        ("changed-mind", "The approved homepage is being reworked again"),
        ("ignored-advice", "Recommended a code freeze before launch. They didn't, and now it's my problem."),
        ("legal", "Wants to install a cracked copy of the font on every laptop"),
        ("legal", "Хочет взять тексты из чужого канала для рассылки"),
    ]

    @Test("each sign is suggested for a plain description of it", arguments: triggering)
    func triggers(sign: String, text: String) throws {
        let suggestion = try #require(Self.best(text), "no suggestion for: \(text)")
        #expect(suggestion.tag == sign, "\(text) → \(suggestion)")
        #expect(!suggestion.evidence.isEmpty)
        #expect(text.contains(suggestion.evidence))
    }

    static let nearMisses: [String] = [
        // From issue 4.
        "Paid early, no late fees",
        "Walked the site to get the lie of the land",
        "Legal approved the contract",
        "I was late to the call",
        "Their competitor launched a site — nice reference",
        "They did not dispute the invoice",
        "Не опоздал с оплатой",
        // Ordinary notes and other near-misses.
        "Sent the first draft, they liked it",
        "Invoice paid in full before the due date",
        "Built the overdue-invoices dashboard for their accounting team",
        "The problem lies in the caching layer",
        "I changed my mind about the framework, switching to Vue",
        "Я передумал насчёт фреймворка",
        "Я опоздал на созвон на 5 минут",
        "If they ever pay late we'll add a late fee clause",
        "Если задержат оплату, добавлю пени",
        "Followed our recommendation and added backups",
        "Weekend launch agreed in advance at double rate",
        "Судя по метрикам, всё хорошо",
        "Stayed late to finish the migration",
        "Food court meeting with the founders",
        "Never had a payment issue with them",
        "Ни разу не задержали оплату",
        "Daily standup moved to 10am, fine by me",
        "Cleaned up the mess in the repo after the merge, my own fault",
        "I said we need a staging server; they agreed and set it up the next day",
        "Met the real owner of the bakery today, lovely guy",
        "His nephew will do the photos for the menu, I do the layout",
        "Told me there was no rush on the icons",
        "Contract has a clause about liability caps, standard",
        "Redid the header twice on my own initiative, looks better",
        "We discussed the competitor's pricing page for inspiration",
        "Sent the quote for the landing page, budget fits",
        "Бухгалтер сказал, что оплата уйдёт в пятницу по графику",
        "Сначала сделаю макет главной, потом каталог",
        "Юрист прислал договор, пункт про штрафы убрали по моей просьбе",
        "Сравнивали цены конкурентов для их питча",
        "Saturday shoot booked and prepaid in March",
        "Paid 3 days late, they warned us in advance about the bank holiday",
        "We agreed on a 5% discount for paying the whole year upfront",
        "Signed quote came back within an hour, great",
        "Saturday: tidied the files because I wanted to, nobody asked",
        "Timeline depends on whether they approve the copy",
        "Payment reminder set up in my invoicing app",
        "Call about GDPR consent for their shop; they want to do it properly",
    ]

    @Test("near-misses and negations do not fire", arguments: nearMisses)
    func nearMiss(text: String) {
        #expect(Self.best(text) == nil, "\(text) → \(String(describing: Self.best(text)))")
    }

    @Test("negation flips a phrase: 'disputed' fires, 'did not dispute' does not")
    func negation() {
        #expect(Self.best("They disputed the invoice")?.tag == "dispute")
        #expect(Self.best("They did not dispute the invoice") == nil)
        #expect(Self.best("Опоздал с оплатой")?.tag == "late")
        #expect(Self.best("Не опоздал с оплатой") == nil)
        // "не" binds to the next word only: the legal phrase after it still counts.
        #expect(Self.best("Заказчик не платит налоги и просит оплату на карту жены")?.tag == "legal")
    }

    @Test("a first-person subject describes the user, not the client; legal still counts")
    func firstPerson() {
        #expect(Self.best("He was late with the payment again")?.tag == "late")
        #expect(Self.best("I was late with the mockups") == nil)
        #expect(Self.best("We could be liable for their data leak")?.tag == "legal")
    }

    @Test("text with no words, and plain notes, give no suggestion")
    func empty() {
        #expect(Self.detector.suggestions(for: "").isEmpty)
        #expect(Self.detector.suggestions(for: "—  123 !!").isEmpty)
        #expect(Self.detector.suggestions(for: "Kickoff went well, clear brief").isEmpty)
    }

    @Test("suggestions are sorted best first, and strong phrases pass the fix threshold")
    func ordering() throws {
        let suggestions = Self.detector.suggestions(
            for: "Still unpaid, 60 days overdue, and now he lied about sending it")
        #expect(suggestions.count >= 2)
        #expect(zip(suggestions, suggestions.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(Set(suggestions.prefix(2).map(\.tag)) == ["late", "lie"])
        #expect(try #require(suggestions.first).confidence >= 0.8)
        // A weak hint stays below the fix threshold.
        let weak = Self.detector.suggestions(for: "They mentioned a competitor").first
        #expect((weak?.confidence ?? 0) < 0.5)
    }

    @Test("ё and е, typographic apostrophes and case do not matter")
    func normalisation() {
        #expect(Self.best("Счёт висит, деньги не пришли")?.tag == "late")
        #expect(Self.best("СЧЕТ ВИСИТ, ДЕНЬГИ НЕ ПРИШЛИ")?.tag == "late")
        #expect(Self.best("They didn’t dispute anything") == nil)
    }

    @Test("the detector is deterministic")
    func deterministic() {
        let text = "Changed his mind again and refuses to pay for the redo"
        #expect(IncidentDetector().suggestions(for: text) == IncidentDetector().suggestions(for: text))
    }
}
