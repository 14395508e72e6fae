import Foundation
import RedflagCore
import RedflagJournal

extension Policy {
    /// Half-life of an incident's weight in the score, in days.
    public static let scoreHalfLife = 180.0
    /// The raw-score scale of the saturating curve `1 - exp(-raw / scale)`.
    public static let scoreScale = 4.0
    /// Age, in days, given to undated incidents in the score.
    public static let undatedAge = 365
    /// The score band of each verdict: a fire always outranks a watch, a watch a keep.
    public static func scoreBand(_ verdict: Verdict) -> ClosedRange<Int> {
        switch verdict {
        case .keep: 0...24
        case .watch: 25...59
        case .fire: 60...100
        }
    }

    /// Judges `timeline` under this policy. Pure: "today" is `timeline.asOf`.
    ///
    /// Incidents are tag occurrences (`TagOccurrence`): a tag on a dated heading counts once, for
    /// its section, however many entries are under it.
    public func assess(_ timeline: Timeline) -> Assessment {
        let asOf = timeline.asOf
        // Closed incidents are history: their sign tags are left out of every count below.
        let closures = closures(timeline)
        let (judged, soften) = openJudged(timeline, closedBy: closures)
        let billing = timeline.client.billing

        var reasons: [Reason] = []
        var noted: [Reason] = []
        var raw = 0.0
        for rule in rules where rule.enabled {
            let matching = TagOccurrence.group(judged, where: rule.matches)
            raw += Policy.rawScore(of: rule, dates: matching.map(\.date), asOf: asOf)
            guard var reason = evaluate(rule, matching: matching, judged: judged, billing: billing, asOf: asOf)
            else { continue }
            if reason.outcome == .keep {
                noted.append(reason)
                continue
            }
            if soften, reason.outcome == .watch, rule.isSoftenable { reason.softened = true }
            reasons.append(reason)
        }
        reasons = reasons.enumerated().sorted { lhs, rhs in
            let left = lhs.element.softened ? Verdict.keep : lhs.element.outcome
            let right = rhs.element.softened ? Verdict.keep : rhs.element.outcome
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)

        let verdict = reasons.filter { !$0.softened }.map(\.outcome).max() ?? .keep
        let score = Policy.score(raw: raw, verdict: verdict)
        let incidents = TagOccurrence.dates(judged, where: Timeline.isSign).count
        let softened = reasons.contains(where: \.softened)
        return Assessment(
            client: timeline.client.id, asOf: asOf, verdict: verdict, score: score,
            softened: softened,
            summary: Policy.summary(
                verdict: verdict, reasons: reasons, incidents: incidents, timeline: timeline, softening: softening),
            reasons: reasons, noted: noted, incidents: incidents, billing: billing ?? .fixed,
            billingAssumed: billing == nil, policyDigest: digest, closures: closures.map(\.closure))
    }

    /// The score and verdict `assess(timeline)` gives, without building what explains them (reasons,
    /// citations, quotes, closings, the summary): what the score history needs, twelve times per
    /// client. Pure; equal to `assess`'s by construction (the same steps) and by test.
    public func scoreOnly(_ timeline: Timeline) -> (score: Int, verdict: Verdict) {
        let asOf = timeline.asOf
        let (judged, soften) = openJudged(timeline, closedBy: closures(timeline, citing: false))
        let billing = timeline.client.billing
        var raw = 0.0
        var verdict = Verdict.keep
        for rule in rules where rule.enabled {
            // The occurrences' dates are all the score and the outcome read.
            let dates = TagOccurrence.dates(judged, where: rule.matches)
            raw += Policy.rawScore(of: rule, dates: dates, asOf: asOf)
            let outcome = outcome(of: rule, dates: dates, judged: judged, billing: billing, asOf: asOf).outcome
            // As `assess`: a keep is at most noted, and a softened watch does not decide the verdict.
            guard outcome > .keep else { continue }
            if soften, outcome == .watch, rule.isSoftenable { continue }
            verdict = max(verdict, outcome)
        }
        return (Policy.score(raw: raw, verdict: verdict), verdict)
    }

    /// The judged entries of `timeline` with what `closures` closed taken off, and whether positive
    /// context softens the soft rules' watches (judged on the open timeline: a closed incident is
    /// history, it no longer keeps the last months from being quiet).
    private func openJudged(_ timeline: Timeline, closedBy closures: [AppliedClosure]) -> ([TimelineEntry], Bool) {
        let judged = Policy.open(timeline.judged, closedBy: closures, rules: rules)
        var openTimeline = timeline
        if !closures.isEmpty { openTimeline.entries = Policy.open(timeline.entries, closedBy: closures, rules: rules) }
        return (judged, softens(openTimeline))
    }

    /// What `rule`'s matching occurrences (given by their `dates`) add to the raw score as of
    /// `asOf`: each its weight, halved every `scoreHalfLife` days of age.
    static func rawScore(of rule: Rule, dates: [CalendarDate?], asOf: CalendarDate) -> Double {
        var raw = 0.0
        for date in dates {
            let age = date.map { max(0, $0.days(until: asOf)) } ?? Policy.undatedAge
            raw += rule.weight * pow(0.5, Double(age) / Policy.scoreHalfLife)
        }
        return raw
    }

    /// The 0–100 score: the verdict's band, filled by `1 - exp(-raw / scoreScale)`.
    static func score(raw: Double, verdict: Verdict) -> Int {
        let band = Policy.scoreBand(verdict)
        let fraction = 1 - exp(-raw / Policy.scoreScale)
        let score = band.lowerBound + Int((Double(band.upperBound - band.lowerBound) * fraction).rounded())
        return min(band.upperBound, score)
    }

    /// `timeline` without the incidents its closings closed: rebuilt from the open entries, so its
    /// counts, windows and `lastIncident` are those of open incidents only (what a triage row
    /// shows). `timeline` itself when no closing applies. Pure.
    public func openTimeline(_ timeline: Timeline) -> Timeline {
        let closures = closures(timeline)
        guard closures.contains(where: { !$0.rules.isEmpty }) else { return timeline }
        let open = Policy.open(timeline.entries, closedBy: closures, rules: rules) + timeline.undated
        return Timeline(client: timeline.client, entries: open.map(\.entry), asOf: timeline.asOf)
    }

    /// A closing with the rules it closes (those its sign covers that the policy lets it close).
    struct AppliedClosure {
        var closure: Closure
        var rules: [Rule]
    }

    /// Every closing entry of `timeline` (`#resolved/SIGN`, `#forgiven/SIGN`) up to as-of, in date
    /// order, with the incidents it closes. Pure. Without `citing`, only what decides which incidents
    /// are closed (the date and the rules of each closing) is built: no quote, no cited entries, no note.
    func closures(_ timeline: Timeline, citing: Bool = true) -> [AppliedClosure] {
        let judged = timeline.judged
        var seen = Set<SourceLocation>()
        var result: [AppliedClosure] = []
        for item in judged {
            let entry = item.entry
            for tag in entry.tags {
                guard let parsed = ClosingTag(tag, in: entry.text), seen.insert(tag.range.start).inserted
                else { continue }
                let kind = parsed.kind
                let target = parsed.sign.map { (tag: $0, subtype: parsed.subtype) }
                let covered =
                    target.map { target in
                        rules.filter { rule in
                            rule.enabled && rule.tag == target.tag
                                && (target.subtype == nil || rule.subtypes.matches(target.subtype))
                        }
                    } ?? []
                let closable = covered.filter { closing.hard || !$0.isHard }
                guard citing else {
                    let applies = closing.enabled && entry.date != nil && !closable.isEmpty
                    let closure = Closure(
                        kind: kind, sign: parsed.target, date: entry.date, reason: "",
                        entry: CitedEntry(file: entry.file, line: entry.line, date: entry.date, quote: "", tags: []),
                        closed: [], applied: applies, note: nil)
                    result.append(AppliedClosure(closure: closure, rules: applies ? closable : []))
                    continue
                }
                var note: String?
                if !closing.enabled {
                    note = "closings are switched off (policy.closing.enabled: false)"
                } else if parsed.written == nil {
                    note = "it names no sign: write the sign it closes, e.g. #\(kind.tag)/lie or #\(kind.tag) lie: why"
                } else if target == nil {
                    let meant = parsed.written.flatMap(ClosingTag.suggestion).map { " (did you mean \($0)?)" } ?? ""
                    note = "'\(parsed.written ?? "")' is no incident sign\(meant)"
                } else if entry.date == nil {
                    note = "the entry has no date, so it closes nothing"
                } else if closable.isEmpty {
                    note = "a hard sign stays open: redflag.yml forbids closing hard signs (policy.closing.hard)"
                } else if closable.count < covered.count {
                    note = "hard signs stay open (policy.closing.hard: false); only the others were closed"
                }
                let applies = closing.enabled && entry.date != nil && !closable.isEmpty
                var closed: [CitedEntry] = []
                if applies, let date = entry.date {
                    let before = judged.filter { $0.entry.date.map { $0 <= date } ?? false }
                    closed = TagOccurrence.group(before) { tag in closable.contains { $0.matches(tag) } }
                        .map(CitedEntry.init).filter { !($0.file == entry.file && $0.line == entry.line) }
                }
                let text = entry.text.replacingOccurrences(of: parsed.phrase, with: " ")
                let reason = CitedEntry.quote(text)
                let closure = Closure(
                    kind: kind, sign: parsed.target,
                    date: entry.date, reason: reason.isEmpty ? "no reason given" : reason, entry: CitedEntry(entry),
                    closed: closed, applied: applies, note: applies && closable.count == covered.count ? nil : note)
                result.append(AppliedClosure(closure: closure, rules: applies ? closable : []))
            }
        }
        return result
    }

    /// `judged` with the sign tags that `closures` closed taken off their entries (dated on or before
    /// the closing, of a rule it closes).
    static func open(_ judged: [TimelineEntry], closedBy closures: [AppliedClosure], rules: [Rule]) -> [TimelineEntry] {
        let applied = closures.filter { !$0.rules.isEmpty }
        guard !applied.isEmpty else { return judged }
        return judged.map { item in
            guard let date = item.entry.date else { return item }
            var item = item
            item.entry.tags.removeAll { tag in
                applied.contains { closure in
                    guard let closedOn = closure.closure.date, date <= closedOn else { return false }
                    return closure.rules.contains { $0.matches(tag) }
                }
            }
            item.isIncident = item.entry.tags.contains { Vocabulary.signs.contains($0.name) }
            return item
        }
    }

    /// True when positive context softens the soft rules' watches for `timeline` (see `Softening`).
    public func softens(_ timeline: Timeline) -> Bool {
        guard softening.enabled else { return false }
        let asOf = timeline.asOf
        func inLast(_ days: Int, _ entry: TimelineEntry) -> Bool {
            guard let date = entry.entry.date, !entry.isFuture else { return false }
            return date > asOf.adding(days: -days)
        }
        let positives = timeline.positives.filter { inLast(softening.window, $0) }.count
        let recentIncidents = timeline.entries.filter { $0.isIncident && inLast(softening.quiet, $0) }.count
        return positives >= softening.positives && recentIncidents == 0
    }

    /// The outcome of one rule: nil when its sign was not counted at all, a `keep` reason when it
    /// was counted below *watch* (noted), else the *watch* or *fire* reason.
    func evaluate(
        _ rule: Rule, matching: [TagOccurrence], judged: [TimelineEntry], billing: Billing?, asOf: CalendarDate
    ) -> Reason? {
        let thresholds = rule.thresholds(for: billing)
        let (_, outcome, warning, escalatedBy) = self.outcome(
            of: rule, dates: matching.map(\.date), judged: judged, billing: billing, asOf: asOf)
        let counts = Policy.counts(for: rule, asOf: asOf)
        let counted = matching.filter { counts($0.date) }
        guard !counted.isEmpty || outcome > .keep else { return nil }
        var cited = counted.map(CitedEntry.init)
        if let warned = escalatedBy {
            let chainEntries = matching.filter { $0.date != nil }.map(CitedEntry.init)
            cited = Set(chainEntries + cited + [CitedEntry(warned.entry)]).sorted(by: CitedEntry.chronological)
        }

        let displayTag = rule.displayTag
        var next: NextThreshold?
        if outcome == .keep, let watch = thresholds.watch {
            next = NextThreshold(
                outcome: .watch, more: max(1, watch - counted.count), tag: displayTag, window: rule.window)
        } else if outcome == .watch {
            if warning != nil {
                next = NextThreshold(outcome: .fire, more: 1, tag: displayTag, window: nil)
            } else if let fire = thresholds.fire {
                next = NextThreshold(
                    outcome: .fire, more: max(1, fire - counted.count), tag: displayTag, window: rule.window,
                    orAfterWarning: rule.escalation == .repeatAfterWarning)
            } else if rule.escalation == .repeatAfterWarning {
                next = NextThreshold(outcome: .fire, more: 1, tag: displayTag, window: nil, orAfterWarning: true)
            }
        }

        let summary: String
        if let warned = escalatedBy {
            let when = warned.entry.date.map { " (\($0))" } ?? ""
            summary = "\(outcome.rawValue): #\(displayTag) again after a #warned entry\(when)"
        } else {
            let scope = rule.window.map { " within \($0) days" } ?? ""
            var limits: [String] = []
            if let watch = thresholds.watch { limits.append("watch at \(watch)") }
            limits.append(thresholds.fire.map { "fire at \($0)" } ?? "never fires on this sign alone")
            summary = "\(outcome.rawValue): \(counted.count) #\(displayTag)\(scope) (\(limits.joined(separator: ", ")))"
        }
        return Reason(
            rule: rule.id, tag: displayTag, principle: rule.principle, outcome: outcome, softened: false,
            entries: cited, count: counted.count, window: escalatedBy == nil ? rule.window : nil,
            watchAt: thresholds.watch, fireAt: thresholds.fire, warned: warning?.entry.date,
            repeatedAfterWarning: escalatedBy != nil,
            owed: rule.concernsPayment && Policy.isOutstanding(rule: rule, judged: judged),
            nextThreshold: next, summary: summary)
    }

    /// Whether `rule` counts an occurrence dated so as of `asOf`: within its window (ever, undated
    /// included, without one).
    static func counts(for rule: Rule, asOf: CalendarDate) -> (CalendarDate?) -> Bool {
        guard let window = rule.window else { return { _ in true } }
        let start = asOf.adding(days: -(window - 1))
        return { date in date.map { $0 >= start && $0 <= asOf } ?? false }
    }

    /// What `rule` reaches from its matching occurrences (given by their `dates`): how many it
    /// counts (within its window), its outcome, the `#warned` entry of a repeat-after-warning chain,
    /// and that entry again when the repeat raised the outcome to *fire*. Builds no citation:
    /// `evaluate` and `scoreOnly` share it.
    func outcome(
        of rule: Rule, dates: [CalendarDate?], judged: [TimelineEntry], billing: Billing?, asOf: CalendarDate
    ) -> (counted: Int, outcome: Verdict, warning: TimelineEntry?, escalatedBy: TimelineEntry?) {
        let thresholds = rule.thresholds(for: billing)
        let counted = dates.filter(Policy.counts(for: rule, asOf: asOf)).count
        var outcome = thresholds.outcome(for: counted)
        var escalatedBy: TimelineEntry?
        var warning: TimelineEntry?
        if rule.escalation == .repeatAfterWarning {
            let chain = Policy.repeatAfterWarning(rule: rule, judged: judged)
            warning = chain.warning
            if chain.repeatEntry != nil, let warned = chain.warning, outcome < .fire {
                outcome = .fire
                escalatedBy = warned
            }
        }
        return (counted, outcome, warning, escalatedBy)
    }

    /// The first `#warned` entry at or after a matching incident, and the first matching incident
    /// strictly after that warning. Dated entries only, ordered by date, file, line.
    static func repeatAfterWarning(
        rule: Rule, judged: [TimelineEntry]
    ) -> (warning: TimelineEntry?, repeatEntry: TimelineEntry?) {
        let dated = judged.filter { $0.entry.date != nil }
        guard let first = dated.firstIndex(where: { rule.matches($0.entry) }),
            let warned = dated[first...].firstIndex(where: { $0.entry.hasTag(Sign.warned.tag) })
        else { return (nil, nil) }
        let repeatEntry = dated[(warned + 1)...].first { rule.matches($0.entry) }
        return (dated[warned], repeatEntry)
    }

    /// True when the last matching incident has no `#paid` entry on or after its date (undated
    /// incidents: when no `#paid` entry follows them in the timeline).
    static func isOutstanding(rule: Rule, judged: [TimelineEntry]) -> Bool {
        guard let last = judged.lastIndex(where: { rule.matches($0.entry) }) else { return false }
        if let date = judged[last].entry.date {
            return !judged.contains { entry in
                entry.entry.hasTag(Sign.paid.tag) && (entry.entry.date.map { $0 >= date } ?? false)
            }
        }
        return !judged[last...].contains { $0.entry.hasTag(Sign.paid.tag) }
    }

    static func summary(
        verdict: Verdict, reasons: [Reason], incidents: Int, timeline: Timeline, softening: Softening
    ) -> String {
        let active = reasons.filter { !$0.softened }
        if active.isEmpty {
            let positives = timeline.positives.count
            if reasons.isEmpty {
                return "keep: no sign reached its threshold as of \(timeline.asOf) "
                    + "(\(incidents) incident\(incidents == 1 ? "" : "s"), "
                    + "\(positives) positive entr\(positives == 1 ? "y" : "ies"))"
            }
            let tags = reasons.map { "#\($0.tag)" }.joined(separator: ", ")
            return "keep: watch on \(tags) softened by positive entries "
                + "(at least \(softening.positives) within \(softening.window) days, "
                + "no incident in the last \(softening.quiet) days)"
        }
        let parts = active.map { "#\($0.tag) (\($0.outcome.rawValue))" }
        return "\(verdict.rawValue): " + parts.joined(separator: ", ")
    }
}
