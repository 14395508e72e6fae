import RedflagJournal
import RedflagJudgement

/// What a dossier tells the user to do about one reason, per sign, at *watch* and at *fire*
/// (SIGNS.md, "Advice, per sign"), in the project's own words.
///
/// "Collect what is owed" is said only while something is owed (`Reason.owed`): a later `#paid`
/// entry settles it. Softened and noted reasons get no advice: they do not call for action.
public enum Advice {
    /// The advice for `reason` of a client judged under `billing`; nil when there is none.
    public static func text(for reason: Reason, billing: Billing) -> String? {
        guard !reason.softened else { return nil }
        switch reason.outcome {
        case .keep: return nil
        case .watch: return watch(reason, billing: billing)
        case .fire: return fire(reason)
        }
    }

    static func watch(_ reason: Reason, billing: Billing) -> String? {
        switch reason.rule {
        case "abuse-verbal":
            return reason.warned == nil
                ? "Tell them in writing that this is not acceptable, then log that message with #warned."
                : "You have told them it is not acceptable: if it happens again, end it."
        case "unreasonable": return "State your limit in writing and hold it."
        case "late":
            return reason.owed
                ? "Collect what is owed before you do more work, and ask for deposits from now on."
                : "Ask for payment before you do more work, and take deposits."
        case "changed-mind":
            return billing == .hourly
                ? "Billed by the hour, each change is paid for; decide where your own cutoff is "
                    + "(changed-mind.hourly.fire in redflag.yml)."
                : "Put every change in writing, with its price, before you do it."
        case "ignored-advice": return "Help with this one, then do not renew."
        default: return nil
        }
    }

    static func fire(_ reason: Reason) -> String? {
        switch reason.rule {
        case "abuse-physical":
            return "End it in writing and do not meet them alone again. Keep the evidence (messages, photos, "
                + "witnesses) and report threats to the police."
        case "abuse-verbal":
            return reason.repeatedAfterWarning
                ? "End it: you told them, and it happened again."
                : "End it: it keeps happening, to your face or behind your back."
        case "lie": return "End it, and until it is over put everything in writing."
        case "unreasonable": return "End it: your limit was crossed again and again."
        case "late":
            return reason.owed
                ? "Collect what is owed, then end it."
                : "Everything is paid for now: end it before the next invoice."
        case "dispute":
            return reason.owed
                ? "Stay firm on the agreed price, collect what is owed, then end it."
                : "The invoice is settled: end it now, on your terms."
        case "changed-mind": return "End it, or move them to hourly billing."
        case "ignored-advice": return "Do not take new work from them."
        case "competitor": return "Hold the agreed price; finish or stop on your terms, then end it."
        case "legal": return "Stop the exposed work now, and get legal advice before you deliver anything else."
        default: return nil
        }
    }
}
