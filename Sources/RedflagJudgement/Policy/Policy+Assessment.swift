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
    public func assess(_ timeline: Timeline) -> Assessment {
        let asOf = timeline.asOf
        let judged = timeline.judged
        let billing = timeline.client.billing
        let soften = softens(timeline)

        var reasons: [Reason] = []
        var raw = 0.0
        for rule in rules where rule.enabled {
            let matching = judged.filter { rule.matches($0.entry) }
            for entry in matching {
                let age = entry.entry.date.map { max(0, $0.days(until: asOf)) } ?? Policy.undatedAge
                raw += rule.weight * pow(0.5, Double(age) / Policy.scoreHalfLife)
            }
            if var reason = evaluate(rule, matching: matching, judged: judged, billing: billing, asOf: asOf) {
                if soften, reason.outcome == .watch, !rule.isHard { reason.softened = true }
                reasons.append(reason)
            }
        }
        reasons = reasons.enumerated().sorted { lhs, rhs in
            let left = lhs.element.softened ? Verdict.keep : lhs.element.outcome
            let right = rhs.element.softened ? Verdict.keep : rhs.element.outcome
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)

        let verdict = reasons.filter { !$0.softened }.map(\.outcome).max() ?? .keep
        let band = Policy.scoreBand(verdict)
        let fraction = 1 - exp(-raw / Policy.scoreScale)
        let score = band.lowerBound + Int((Double(band.upperBound - band.lowerBound) * fraction).rounded())
        let incidents = judged.filter(\.isIncident).count
        let softened = reasons.contains(where: \.softened)
        return Assessment(
            client: timeline.client.id, asOf: asOf, verdict: verdict, score: min(band.upperBound, score),
            softened: softened,
            summary: Policy.summary(
                verdict: verdict, reasons: reasons, incidents: incidents, timeline: timeline, softening: softening),
            reasons: reasons, incidents: incidents, policyDigest: digest)
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

    /// The outcome of one rule, nil when it stays at *keep*.
    func evaluate(
        _ rule: Rule, matching: [TimelineEntry], judged: [TimelineEntry], billing: Billing?, asOf: CalendarDate
    ) -> Reason? {
        let thresholds = rule.thresholds(for: billing)
        let counted: [TimelineEntry]
        if let window = rule.window {
            let start = asOf.adding(days: -(window - 1))
            counted = matching.filter { entry in entry.entry.date.map { $0 >= start && $0 <= asOf } ?? false }
        } else {
            counted = matching
        }
        var outcome = thresholds.outcome(for: counted.count)
        var cited = counted
        var escalatedBy: TimelineEntry?
        var warnedAfterIncident = false
        if rule.escalation == .repeatAfterWarning {
            let chain = Policy.repeatAfterWarning(rule: rule, judged: judged)
            warnedAfterIncident = chain.warning != nil
            if let repeatEntry = chain.repeatEntry, let warning = chain.warning {
                if outcome < .fire {
                    outcome = .fire
                    escalatedBy = warning
                    let chainEntries = matching.filter { $0.entry.date != nil }
                    cited = (Set(chainEntries + counted + [warning, repeatEntry])).sorted {
                        Timeline.chronological($0.entry, $1.entry)
                    }
                }
            }
        }
        guard outcome > .keep else { return nil }

        let displayTag = rule.displayTag
        var next: NextThreshold?
        if outcome == .watch {
            if warnedAfterIncident {
                next = NextThreshold(outcome: .fire, more: 1, tag: displayTag, window: nil)
            } else if let fire = thresholds.fire {
                next = NextThreshold(
                    outcome: .fire, more: max(1, fire - counted.count), tag: displayTag, window: rule.window,
                    orAfterWarning: rule.escalation == .repeatAfterWarning)
            } else if rule.escalation == .repeatAfterWarning {
                next = NextThreshold(outcome: .fire, more: 1, tag: displayTag, window: nil, orAfterWarning: true)
            }
        }

        let advice: String?
        if rule.adviceIfOutstanding {
            advice = Policy.isOutstanding(rule: rule, judged: judged) ? rule.advice : nil
        } else {
            advice = outcome == .fire ? rule.advice : rule.watchAdvice
        }

        let summary: String
        if let warning = escalatedBy {
            let when = warning.entry.date.map { " (\($0))" } ?? ""
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
            entries: cited.map { CitedEntry($0.entry) }, count: counted.count,
            window: escalatedBy == nil ? rule.window : nil, nextThreshold: next, advice: advice, summary: summary)
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

    /// True when the last matching incident has no `#paid` entry on or after its date.
    static func isOutstanding(rule: Rule, judged: [TimelineEntry]) -> Bool {
        let dated = judged.filter { $0.entry.date != nil }
        guard let last = dated.lastIndex(where: { rule.matches($0.entry) }) else { return false }
        return !dated[last...].contains { $0.entry.hasTag(Sign.paid.tag) }
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
