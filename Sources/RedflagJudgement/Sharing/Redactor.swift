import Foundation
import RedflagCore
import RedflagJournal

/// Masks what identifies people and money in a judgement before it is rendered (`--redact`).
///
/// Pure, and applied once, to the model (`Dossier`, `Triage`), so every renderer of every format
/// sees only masked text: e-mail addresses become `[email]`, phone numbers `[phone]`, money
/// amounts `[amount]`, IBANs `[iban]`, a client's front-matter `contact` `[contact]`, and the
/// names listed under `redact:` in `redflag.yml` (and the words of each contact's name) `[name]`.
/// Tags (`#late`), dates (`2025-03-05`, `05.03.2025`, `03/05/2025`) and times (`14:30`) are kept.
///
/// Quotes are rebuilt from the masked entry text, so a value cut by a quote's ellipsis cannot
/// leak half-masked. Client ids and file paths are masked only for the listed names and contact
/// words (a masked id stays unique).
public struct Redactor: Sendable {
    /// Names masked wherever they stand as words (case-insensitive), longest first.
    public let names: [String]
    /// Whole `contact` values masked as `[contact]`, longest first.
    public let contacts: [String]
    private let nameExpressions: [NSRegularExpression]

    /// A redactor for `names` and the `contact` values of `contacts`.
    public init(names: [String], contacts: [String] = []) {
        let wholeContacts = contacts.filter { $0.count >= 2 }
        // The words of a contact's name ("Hans Weber <hans@weber.de>" → Hans, Weber) are names too.
        let contactWords = wholeContacts.flatMap(Redactor.nameWords)
        var seen = Set<String>()
        self.names = (names + contactWords).filter { seen.insert($0.lowercased()).inserted }.sorted {
            $0.count > $1.count
        }
        self.contacts = Array(Set(wholeContacts)).sorted { $0.count > $1.count }
        nameExpressions = self.names.compactMap { name in
            try? NSRegularExpression(
                pattern: "(?<![\\p{L}\\p{N}_#/-])" + Redactor.namePattern(name) + "(?![\\p{L}\\p{N}_])",
                options: [.caseInsensitive])
        }
    }

    /// The redactor for a notes directory: `redact:` names and every client's contact.
    public init(configuration: Configuration, clients: [Client]) {
        self.init(names: configuration.redact, contacts: clients.compactMap(\.contact))
    }

    // MARK: - Text

    /// `text` with every sensitive value masked; tags, dates and times kept.
    public func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var out = text
        for contact in contacts {
            out = out.replacingOccurrences(of: contact, with: "[contact]", options: [.caseInsensitive])
        }
        out = Redactor.replace(Redactor.email, in: out, with: "[email]")
        out = Redactor.outsideDates(out) { segment in
            var masked = Redactor.replace(Redactor.iban, in: segment, with: "[iban]")
            for money in Redactor.money { masked = Redactor.replace(money, in: masked, with: "[amount]") }
            return Redactor.maskPhones(masked)
        }
        for expression in nameExpressions {
            out = Redactor.replace(expression, in: out, with: "[name]")
        }
        return out
    }

    /// A path or an id: only the listed names and contact words are masked (as `redacted`), so the
    /// result stays a usable path or slug.
    public func redactReference(_ reference: String) -> String {
        var out = reference
        for expression in nameExpressions {
            out = Redactor.replace(expression, in: out, with: "redacted")
        }
        for name in names {
            let slug = Slug.make(name)
            guard slug.count >= 2 else { continue }
            out = out.replacingOccurrences(of: slug, with: "redacted", options: [.caseInsensitive])
        }
        return out
    }

    // MARK: - Model

    /// Every dossier masked; client ids stay unique (`redacted`, `redacted-2`, …).
    public func redact(_ dossiers: [Dossier]) -> [Dossier] {
        var used = Set<String>()
        return dossiers.map { dossier in
            var masked = redact(dossier)
            masked.client.id = Redactor.unique(masked.client.id, used: &used)
            masked.assessment.client = masked.client.id
            masked.timeline.client.id = masked.client.id
            masked.openTimeline.client.id = masked.client.id
            return masked
        }
    }

    /// The triage with every row masked; client ids stay unique.
    public func redact(_ triage: Triage) -> Triage {
        var masked = triage
        var used = Set<String>()
        masked.rows = triage.rows.map { row in
            var row = row
            row.client = redact(row.client)
            row.client.id = Redactor.unique(row.client.id, used: &used)
            row.assessment = redact(row.assessment, entries: [:])
            row.assessment.client = row.client.id
            return row
        }
        return masked
    }

    /// One dossier masked: the client's facts, every entry, every reason and quote.
    public func redact(_ dossier: Dossier) -> Dossier {
        var masked = dossier
        let timeline = dossier.timeline
        var byPlace: [String: [Entry]] = [:]
        for item in timeline.entries + timeline.undated {
            byPlace[item.entry.file, default: []].append(item.entry)
        }
        masked.client = redact(dossier.client)
        masked.timeline.client = masked.client
        masked.timeline.entries = timeline.entries.map(redact)
        masked.timeline.undated = timeline.undated.map(redact)
        masked.timeline.positives = timeline.positives.map(redact)
        // The timeline without closed incidents (triage rows) is masked the same way.
        let open = dossier.openTimeline
        masked.openTimeline.client = masked.client
        masked.openTimeline.entries = open.entries.map(redact)
        masked.openTimeline.undated = open.undated.map(redact)
        masked.openTimeline.positives = open.positives.map(redact)
        masked.assessment = redact(dossier.assessment, entries: byPlace)
        masked.evidence = dossier.evidence.map(redact)
        return masked
    }

    /// A dossier's provenance (`git blame` of its cited entries) masked like the dossier: each cited
    /// entry's path and quote. `dossier` is the unmasked dossier it was made from.
    public func redact(_ provenance: Provenance, of dossier: Dossier) -> Provenance {
        var byPlace: [String: [Entry]] = [:]
        for item in dossier.timeline.entries + dossier.timeline.undated {
            byPlace[item.entry.file, default: []].append(item.entry)
        }
        var masked = provenance
        masked.items = provenance.items.map { item in
            var item = item
            item.entry = redact(item.entry, entries: byPlace)
            return item
        }
        return masked
    }

    func redact(_ client: Client) -> Client {
        var masked = client
        masked.id = ClientID(rawValue: redactReference(client.id.rawValue))
        masked.name = redact(client.name)
        masked.aliases = client.aliases.map(redact)
        masked.contact = client.contact.map { _ in "[contact]" }
        masked.rate = client.rate.map(redact)
        masked.status = client.status.map(redact)
        masked.extra = client.extra.mapValues(redact)
        masked.files = client.files.map(redactReference)
        return masked
    }

    func redact(_ item: TimelineEntry) -> TimelineEntry {
        var masked = item
        masked.entry = redact(item.entry)
        return masked
    }

    func redact(_ entry: Entry) -> Entry {
        var masked = entry
        masked.client = ClientID(rawValue: redactReference(entry.client.rawValue))
        masked.file = redactReference(entry.file)
        masked.title = entry.title.map(redact)
        masked.text = redact(entry.text)
        masked.markdown = redact(entry.markdown)
        masked.links = entry.links.map(redact)
        masked.headingLinks = entry.headingLinks.map(redact)
        masked.tags = entry.tags.map { tag in
            var tag = tag
            tag.range.start.file = redactReference(tag.range.start.file)
            return tag
        }
        return masked
    }

    func redact(_ assessment: Assessment, entries: [String: [Entry]]) -> Assessment {
        var masked = assessment
        masked.client = ClientID(rawValue: redactReference(assessment.client.rawValue))
        masked.summary = redact(assessment.summary)
        masked.reasons = assessment.reasons.map { redact($0, entries: entries) }
        masked.noted = assessment.noted.map { redact($0, entries: entries) }
        masked.closures = assessment.closures.map { closure in
            var closure = closure
            closure.entry = redact(closure.entry, entries: entries)
            closure.reason = redact(closure.reason)
            closure.closed = closure.closed.map { redact($0, entries: entries) }
            return closure
        }
        return masked
    }

    func redact(_ reason: Reason, entries: [String: [Entry]]) -> Reason {
        var masked = reason
        masked.entries = reason.entries.map { redact($0, entries: entries) }
        masked.summary = redact(reason.summary)
        return masked
    }

    /// A citation masked, its quote rebuilt from the masked text of the entry (or section) it cites.
    func redact(_ cited: CitedEntry, entries: [String: [Entry]]) -> CitedEntry {
        var masked = cited
        masked.file = redactReference(cited.file)
        let inFile = entries[cited.file] ?? []
        if let entry = inFile.first(where: { $0.line == cited.line }) {
            masked.quote = CitedEntry.quote(redact(entry.text))
        } else if let first = inFile.filter({ $0.line > cited.line }).min(by: { $0.line < $1.line }) {
            let text = [first.title, first.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
            masked.quote = CitedEntry.quote(redact(text))
        } else {
            // Not found: drop the last word of a cut quote (it may be half a value), then mask.
            var quote = cited.quote
            if quote.hasSuffix("…") {
                quote = String(quote.dropLast())
                if let space = quote.lastIndex(of: " ") { quote = String(quote[..<space]) }
                quote += "…"
            }
            masked.quote = redact(quote)
        }
        return masked
    }

    func redact(_ manifest: EvidenceManifest) -> EvidenceManifest {
        var masked = manifest
        masked.files = manifest.files.map { file in
            var file = file
            file.path = redactReference(file.path)
            return file
        }
        masked.entries = manifest.entries.map { entry in
            var entry = entry
            entry.file = redactReference(entry.file)
            return entry
        }
        return masked
    }

    // MARK: - Patterns

    static let email = pattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
    static let iban = pattern("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b")
    /// A currency: symbol, ISO code or word (English, German, Russian).
    static let currency =
        "(?:[€$£₽¥₴]|\\b(?:EUR|USD|GBP|RUB|CHF|UAH|PLN|euros?|dollars?|pounds?|Euro)\\b|руб(?:лей|ля|ль|\\.)?|р\\.)"
    static let amount = "\\d+(?:[ ,.' ]\\d{3})*(?:[.,]\\d{1,2})?(?: ?(?:[kKmM]|тыс\\.?|млн)(?![\\p{L}]))?"
    /// An amount then its currency (`1.200 €`), then a currency then its amount (`€4,800`): in
    /// this order, so that a currency between two amounts leaves neither number behind.
    static let money = [
        pattern("(?<![\\p{L}\\p{N}])" + amount + " ?" + currency),
        pattern(currency + " ?-?" + amount),
    ]
    /// A run of digits and phone separators: a phone number (or several) when it holds 7 digits or more.
    static let phoneCandidate = pattern("(?<![\\p{L}\\p{N}@/#_])\\+?\\(?\\d[\\d ().-]{5,}\\d(?![\\p{L}\\p{N}_])")
    /// Dates and times, kept verbatim: ISO, dotted and slashed dates, `HH:MM`.
    static let dateOrTime = pattern(
        "\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b|\\b\\d{4}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b"
    )

    /// A pattern of this file, compiled; nil never happens for these constants (a test checks each).
    static func pattern(_ source: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: source)
    }

    static func replace(_ expression: NSRegularExpression?, in text: String, with mask: String) -> String {
        guard let expression else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(
            in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: mask))
    }

    /// Applies `mask` to the parts of `text` between dates and times, leaving those as written.
    static func outsideDates(_ text: String, _ mask: (String) -> String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var out = ""
        var cursor = text.startIndex
        for match in dateOrTime?.matches(in: text, range: whole) ?? [] {
            guard let range = Range(match.range, in: text) else { continue }
            out += mask(String(text[cursor..<range.lowerBound])) + text[range]
            cursor = range.upperBound
        }
        return out + mask(String(text[cursor...]))
    }

    static func maskPhones(_ text: String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var out = ""
        var cursor = text.startIndex
        for match in phoneCandidate?.matches(in: text, range: whole) ?? [] {
            guard let range = Range(match.range, in: text) else { continue }
            let digits = text[range].filter(\.isASCIIDigitCharacter).count
            // 7 to 15 digits is a phone number; more is several side by side (or an account number).
            guard digits >= 7 else { continue }
            out += text[cursor..<range.lowerBound] + "[phone]"
            cursor = range.upperBound
        }
        return out + text[cursor...]
    }

    /// A name as a pattern that also finds its inflected forms: `Weber` or `Webers`; a Cyrillic
    /// name's stem with up to three more letters (`Петрович` → `Петровичем`, `Игорь` → `Игорем`,
    /// `Ольга` → `Ольгой`), a final vowel, `ь` or `й` dropped first.
    static func namePattern(_ name: String) -> String {
        let isCyrillic = name.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        guard isCyrillic else { return NSRegularExpression.escapedPattern(for: name) + "\\p{L}?" }
        var stem = name
        if stem.count >= 4, let last = stem.last, "аеёиоуыэюяьйАЕЁИОУЫЭЮЯЬЙ".contains(last) { stem.removeLast() }
        return NSRegularExpression.escapedPattern(for: stem) + "\\p{L}{0,3}"
    }

    /// The words of a contact's name: what is left once e-mails, phones and punctuation are gone,
    /// words of at least three letters that start with a capital.
    static func nameWords(_ contact: String) -> [String] {
        let handles = contact.split(whereSeparator: { $0.isWhitespace || ",;()<>".contains($0) }).map(String.init)
            .filter { $0.hasPrefix("@") && $0.count >= 3 }
        let bare = maskPhones(replace(email, in: contact, with: " "))
        let words = bare.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "@" && $0 != "_" })
            .map(String.init).filter {
                $0.count >= 3 && ($0.first?.isUppercase ?? false) && !notNames.contains($0.lowercased())
            }
        return handles + words
    }

    /// Capitalised words of a contact line that are no one's name.
    static let notNames: Set<String> = [
        "telegram", "whatsapp", "signal", "skype", "office", "mobile", "phone", "email", "mail", "only", "frau",
        "herr", "mrs", "miss", "accounts", "accounting", "ceo", "cto", "cfo",
    ]

    static func unique(_ id: ClientID, used: inout Set<String>) -> ClientID {
        var candidate = id.rawValue
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(id.rawValue)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return ClientID(rawValue: candidate)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
