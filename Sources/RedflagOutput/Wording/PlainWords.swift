import RedflagCore
import RedflagJournal
import RedflagJudgement

/// The verdict, its reasons and the distance to the next threshold as a person would say them:
/// "Fire this client", "1 dispute: fires on the first".
///
/// The policy (`RedflagJudgement`) stays machine-shaped; every renderer for people words it here.
public enum PlainWords {
    /// "Fire this client", "Watch this client", "Keep".
    public static func headline(_ verdict: Verdict) -> String {
        switch verdict {
        case .keep: "Keep"
        case .watch: "Watch this client"
        case .fire: "Fire this client"
        }
    }

    /// The note a dossier shows when the front matter gives no billing.
    public static let billingAssumed = "judged as fixed price: add `billing:` to the front matter"

    /// The same note without Markdown: `billing:` in quotation marks.
    public static var billingAssumedText: String {
        billingAssumed.replacingOccurrences(of: "`billing:`", with: "“billing:”")
    }

    /// "first" … "tenth", then "11th", "12th", "21st".
    public static func ordinal(_ number: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        if (1...words.count).contains(number) { return words[number - 1] }
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// "1 late payment in the last 365 days" (the window left out for rules that count ever).
    static func counted(_ reason: Reason) -> String {
        SignWords.of(reason).count(reason.count) + (reason.window.map { " in the last \($0) days" } ?? "")
    }

    /// "watch from the second", "watch on the first".
    static func watchFrom(_ count: Int) -> String {
        count == 1 ? "watch on the first" : "watch from the \(ordinal(count))"
    }

    /// "fires on the first", "fires on the third".
    static func firesOn(_ count: Int) -> String { "fires on the \(ordinal(count))" }

    /// One reason in one line: "1 dispute: fires on the first",
    /// "2 late payments in the last 365 days: watch from the second, fires on the third".
    public static func summary(_ reason: Reason, billing: Billing) -> String {
        let words = SignWords.of(reason)
        if reason.repeatedAfterWarning, let warned = reason.warned {
            let incidents = reason.entries.filter { !$0.tags.contains("warned") }.count
            return "\(words.count(incidents)), the last one after you warned them on \(warned): "
                + "a repeat after a warning fires"
        }
        var line = counted(reason)
        if reason.rule == "abuse-verbal", reason.outcome == .watch {
            if let warned = reason.warned {
                line += ", and you warned them on \(warned): one more fires"
            } else {
                line += ": \(watchFrom(reason.watchAt ?? 1)); fires if it happens again after you warn them"
                if let fire = reason.fireAt { line += ", or on the \(ordinal(fire))" }
            }
        } else {
            var limits: [String] = []
            if let watch = reason.watchAt, reason.outcome != .fire { limits.append(watchFrom(watch)) }
            var never = ""
            if reason.outcome == .keep {
                let noted = reason.rule == "late" ? "noted, not a pattern yet" : "noted"
                line += ": \(noted)" + (limits.isEmpty ? "" : "; \(limits.joined())")
                return line
            } else if let fire = reason.fireAt {
                limits.append(firesOn(fire))
            } else if reason.rule == "changed-mind", billing == .hourly {
                never = "; billed by the hour, so it never fires on this alone"
            } else {
                never = "; never fires on this alone"
            }
            line += ": " + limits.joined(separator: ", ") + never
        }
        if reason.softened { line += "; softened to keep by recent good entries" }
        return line
    }

    /// The distance to the next outcome as a sentence: "Fires after 1 more late payment within 365 days."
    public static func next(_ next: NextThreshold, reason: Reason) -> String {
        let words = SignWords.of(reason)
        let verb = next.outcome == .fire ? "Fires" : "Watch"
        var sentence = "\(verb) after \(next.more) more \(next.more == 1 ? words.singular : words.plural)"
        if let window = next.window { sentence += " within \(window) days" }
        if next.orAfterWarning {
            return "\(verb) if it happens once more after you warn them, or after \(next.more) more"
                + (next.window.map { " within \($0) days" } ?? "") + "."
        }
        return sentence + "."
    }

    /// "2 lies, 1 legal risk and 1 dispute".
    static func list(_ reasons: [Reason]) -> String {
        let parts = reasons.map { SignWords.of($0).count($0.count) }
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The whole assessment in one line: "Fire this client: 2 lies and 1 legal risk. Also:
    /// 1 late payment." (the headline, then `detail`).
    public static func summary(_ assessment: Assessment, positives: Int) -> String {
        let detail = detail(assessment, positives: positives)
        return headline(assessment.verdict) + ": " + detail.prefix(1).lowercased() + detail.dropFirst()
    }

    /// What the headline rests on, as a sentence for a page that already shows the headline:
    /// "2 lies and 1 legal risk. Also: 1 late payment.", "1 late payment noted, below any
    /// threshold.", "No warning sign in the notes; 14 good entries.", "No open warning sign (1
    /// incident closed); 5 good entries." Closed incidents (`Assessment.closedIncidents`) are named.
    public static func detail(_ assessment: Assessment, positives: Int) -> String {
        let closed = assessment.closedIncidents
        // Closed incidents are history: said once, so a clean row does not hide the story.
        let history =
            closed == 0
            ? "" : closed == 1 ? " 1 closed incident no longer counts." : " \(closed) closed incidents no longer count."
        let active = assessment.reasons.filter { !$0.softened }
        let fire = active.filter { $0.outcome == .fire }
        let watch = active.filter { $0.outcome == .watch }
        let softened = assessment.reasons.filter(\.softened)
        switch assessment.verdict {
        case .fire:
            var line = "\(list(fire))."
            if !watch.isEmpty { line += " Also: \(list(watch))." }
            return line + history
        case .watch:
            return "\(list(watch))." + history
        case .keep:
            if !softened.isEmpty {
                return "\(list(softened)) would call for a watch, but recent good entries outweigh "
                    + "\(softened.count == 1 && softened[0].count == 1 ? "it" : "them")." + history
            }
            if !assessment.noted.isEmpty {
                return "\(list(assessment.noted)) noted, below any threshold." + history
            }
            let good = positives == 0 ? "" : positives == 1 ? "; 1 good entry" : "; \(positives) good entries"
            if assessment.incidents == 0 {
                if closed > 0 {
                    let closedWords = closed == 1 ? "1 incident closed" : "\(closed) incidents closed"
                    return "No open warning sign (\(closedWords))\(good)."
                }
                return "No warning sign in the notes\(good)."
            }
            let older =
                assessment.incidents == 1
                ? "1 older incident no longer counts" : "\(assessment.incidents) older incidents no longer count"
            return "No recent warning sign (\(older))\(good)." + history
        }
    }

    /// Rules whose advice comes first, most urgent first: your safety, then legal exposure.
    static let urgent = ["abuse-physical", "legal"]

    /// The advice of the reasons that decide the verdict, each once: safety and legal exposure
    /// first, then in the reasons' order.
    public static func todo(_ assessment: Assessment) -> [String] {
        var seen = Set<String>()
        let deciding = assessment.reasons.filter { !$0.softened && $0.outcome == assessment.verdict }
        let ordered = deciding.enumerated().sorted { lhs, rhs in
            let left = urgent.firstIndex(of: lhs.element.rule) ?? urgent.count
            let right = urgent.firstIndex(of: rhs.element.rule) ?? urgent.count
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return ordered.compactMap { Advice.text(for: $0, billing: assessment.billing) }
            .filter { seen.insert($0).inserted }
    }
}
