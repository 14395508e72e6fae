import RedflagCore
import RedflagJournal
import RedflagJudgement

/// The triage cache's binary form of a `Triage.Row`, in the parse cache's encoding (`ParseCacheCodec`:
/// LEB128 varints, strings as a length and UTF-8 bytes, optionals behind a byte).
///
/// Written by hand rather than through `Codable`: decoding the JSON of every row was most of a warm
/// triage (1,953 files: 0.28 s of 0.36 s). Reading checks every length and every enumeration value,
/// so damaged bytes are an error (`ParseCacheCodec.Corrupt`), never a crash; the round trip is tested
/// equal on every client of the samples. Any change here, or to the shape of a row, must raise
/// `TriageCache.format`.
enum TriageRowCodec {
    typealias Corrupt = ParseCacheCodec.Corrupt

    static func encode(_ row: Triage.Row, into writer: inout ParseCacheCodec.Writer) {
        client(row.client, into: &writer)
        assessment(row.assessment, into: &writer)
        writer.int(row.incidents)
        writer.optional(row.lastIncident) { $0.date($1) }
        writer.int(row.closedIncidents)
        writer.int(row.positives)
        writer.array(row.signTotals) { writer, count in
            writer.string(count.tag)
            writer.optional(count.subtype) { $0.string($1) }
            writer.int(count.count)
            writer.bool(count.isIncident)
        }
        writer.array(row.scoreHistory) { writer, point in
            writer.string(point.month)
            writer.date(point.asOf)
            writer.int(point.score)
            writer.string(point.verdict.rawValue)
        }
    }

    static func decode(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Triage.Row {
        let client = try client(&reader)
        let assessment = try assessment(&reader)
        let incidents = try reader.int()
        let lastIncident = try reader.optional { reader throws(Corrupt) in try reader.date() }
        let closedIncidents = try reader.int()
        let positives = try reader.int()
        let signTotals = try reader.array { reader throws(Corrupt) in
            Timeline.TagCount(
                tag: try reader.string(),
                subtype: try reader.optional { reader throws(Corrupt) in try reader.string() },
                count: try reader.int(), isIncident: try reader.bool())
        }
        let scoreHistory = try reader.array { reader throws(Corrupt) in
            ScorePoint(
                month: try reader.string(), asOf: try reader.date(), score: try reader.int(),
                verdict: try verdict(&reader))
        }
        return Triage.Row(
            client: client, assessment: assessment, incidents: incidents, lastIncident: lastIncident,
            closedIncidents: closedIncidents, positives: positives, signTotals: signTotals, scoreHistory: scoreHistory)
    }

    // MARK: - Parts

    private static func client(_ client: Client, into writer: inout ParseCacheCodec.Writer) {
        writer.string(client.id.rawValue)
        writer.string(client.name)
        writer.strings(client.aliases)
        writer.optional(client.contact) { $0.string($1) }
        writer.optional(client.since) { $0.date($1) }
        writer.optional(client.billing) { $0.string($1.rawValue) }
        writer.optional(client.rate) { $0.string($1) }
        writer.optional(client.status) { $0.string($1) }
        writer.array(client.extra.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.string(pair.value)
        }
        writer.strings(client.files)
    }

    private static func client(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Client {
        let id = ClientID(rawValue: try reader.string())
        let name = try reader.string()
        let aliases = try reader.strings()
        let contact = try reader.optional { reader throws(Corrupt) in try reader.string() }
        let since = try reader.optional { reader throws(Corrupt) in try reader.date() }
        let billing = try reader.optional { reader throws(Corrupt) in try Self.billing(&reader) }
        let rate = try reader.optional { reader throws(Corrupt) in try reader.string() }
        let status = try reader.optional { reader throws(Corrupt) in try reader.string() }
        var extra: [String: String] = [:]
        for (key, value) in try reader.array({ reader throws(Corrupt) in (try reader.string(), try reader.string()) }) {
            extra[key] = value
        }
        let files = try reader.strings()
        return Client(
            id: id, name: name, aliases: aliases, contact: contact, since: since, billing: billing, rate: rate,
            status: status, extra: extra, files: files)
    }

    private static func assessment(_ assessment: Assessment, into writer: inout ParseCacheCodec.Writer) {
        writer.string(assessment.client.rawValue)
        writer.date(assessment.asOf)
        writer.string(assessment.verdict.rawValue)
        writer.int(assessment.score)
        writer.bool(assessment.softened)
        writer.string(assessment.summary)
        writer.array(assessment.reasons) { reason($1, into: &$0) }
        writer.array(assessment.noted) { reason($1, into: &$0) }
        writer.int(assessment.incidents)
        writer.string(assessment.billing.rawValue)
        writer.bool(assessment.billingAssumed)
        writer.string(assessment.policyDigest)
        writer.array(assessment.closures) { writer, closure in
            writer.string(closure.kind.rawValue)
            writer.optional(closure.sign) { $0.string($1) }
            writer.optional(closure.date) { $0.date($1) }
            writer.string(closure.reason)
            cited(closure.entry, into: &writer)
            writer.array(closure.closed) { cited($1, into: &$0) }
            writer.bool(closure.applied)
            writer.optional(closure.note) { $0.string($1) }
        }
    }

    private static func assessment(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Assessment {
        let client = ClientID(rawValue: try reader.string())
        let asOf = try reader.date()
        let verdict = try verdict(&reader)
        let score = try reader.int()
        let softened = try reader.bool()
        let summary = try reader.string()
        let reasons = try reader.array { reader throws(Corrupt) in try reason(&reader) }
        let noted = try reader.array { reader throws(Corrupt) in try reason(&reader) }
        let incidents = try reader.int()
        let billing = try billing(&reader)
        let billingAssumed = try reader.bool()
        let policyDigest = try reader.string()
        let closures = try reader.array { reader throws(Corrupt) in
            guard let kind = Sign(rawValue: try reader.string()) else { throw Corrupt() }
            return Closure(
                kind: kind, sign: try reader.optional { reader throws(Corrupt) in try reader.string() },
                date: try reader.optional { reader throws(Corrupt) in try reader.date() }, reason: try reader.string(),
                entry: try cited(&reader), closed: try reader.array { reader throws(Corrupt) in try cited(&reader) },
                applied: try reader.bool(), note: try reader.optional { reader throws(Corrupt) in try reader.string() })
        }
        return Assessment(
            client: client, asOf: asOf, verdict: verdict, score: score, softened: softened, summary: summary,
            reasons: reasons, noted: noted, incidents: incidents, billing: billing, billingAssumed: billingAssumed,
            policyDigest: policyDigest, closures: closures)
    }

    private static func reason(_ reason: Reason, into writer: inout ParseCacheCodec.Writer) {
        writer.string(reason.rule)
        writer.string(reason.tag)
        writer.string(reason.principle)
        writer.string(reason.outcome.rawValue)
        writer.bool(reason.softened)
        writer.array(reason.entries) { cited($1, into: &$0) }
        writer.int(reason.count)
        writer.optional(reason.window) { $0.int($1) }
        writer.optional(reason.watchAt) { $0.int($1) }
        writer.optional(reason.fireAt) { $0.int($1) }
        writer.optional(reason.warned) { $0.date($1) }
        writer.bool(reason.repeatedAfterWarning)
        writer.bool(reason.owed)
        writer.optional(reason.nextThreshold) { writer, next in
            writer.string(next.outcome.rawValue)
            writer.int(next.more)
            writer.string(next.tag)
            writer.optional(next.window) { $0.int($1) }
            writer.bool(next.orAfterWarning)
            writer.string(next.sentence)
        }
        writer.string(reason.summary)
    }

    private static func reason(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Reason {
        let rule = try reader.string()
        let tag = try reader.string()
        let principle = try reader.string()
        let outcome = try verdict(&reader)
        let softened = try reader.bool()
        let entries = try reader.array { reader throws(Corrupt) in try cited(&reader) }
        let count = try reader.int()
        let window = try reader.optional { reader throws(Corrupt) in try reader.int() }
        let watchAt = try reader.optional { reader throws(Corrupt) in try reader.int() }
        let fireAt = try reader.optional { reader throws(Corrupt) in try reader.int() }
        let warned = try reader.optional { reader throws(Corrupt) in try reader.date() }
        let repeatedAfterWarning = try reader.bool()
        let owed = try reader.bool()
        let nextThreshold = try reader.optional { reader throws(Corrupt) in
            var next = NextThreshold(
                outcome: try verdict(&reader), more: try reader.int(), tag: try reader.string(),
                window: try reader.optional { reader throws(Corrupt) in try reader.int() },
                orAfterWarning: try reader.bool())
            next.sentence = try reader.string()
            return next
        }
        return Reason(
            rule: rule, tag: tag, principle: principle, outcome: outcome, softened: softened, entries: entries,
            count: count, window: window, watchAt: watchAt, fireAt: fireAt, warned: warned,
            repeatedAfterWarning: repeatedAfterWarning, owed: owed, nextThreshold: nextThreshold,
            summary: try reader.string())
    }

    private static func cited(_ entry: CitedEntry, into writer: inout ParseCacheCodec.Writer) {
        writer.string(entry.file)
        writer.int(entry.line)
        writer.optional(entry.date) { $0.date($1) }
        writer.string(entry.quote)
        writer.strings(entry.tags)
    }

    private static func cited(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> CitedEntry {
        CitedEntry(
            file: try reader.string(), line: try reader.int(),
            date: try reader.optional { reader throws(Corrupt) in try reader.date() }, quote: try reader.string(),
            tags: try reader.strings())
    }

    private static func verdict(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Verdict {
        guard let verdict = Verdict(rawValue: try reader.string()) else { throw Corrupt() }
        return verdict
    }

    private static func billing(_ reader: inout ParseCacheCodec.Reader) throws(Corrupt) -> Billing {
        guard let billing = Billing(rawValue: try reader.string()) else { throw Corrupt() }
        return billing
    }
}
