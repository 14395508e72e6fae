import RedflagCore
import RedflagJournal
import RedflagJudgement

extension Policy {
    /// The policy in force as a `policy:` section of `redflag.yml`, every value commented with
    /// where it came from (`# default` or `# redflag.yml:12`). Pure; `redflag policy` prints it.
    ///
    /// The output is itself a valid `redflag.yml`: reading it back gives the same rules (and the
    /// same digest). The tag and principle of each rule, which cannot be overridden, are
    /// shown as comments.
    public func yaml() -> String {
        var lines: [String] = [
            "# The decision policy in force (`redflag policy`).",
            "# policy digest: sha256:\(digest)",
            "# Each value says where it came from: the built-in default (SIGNS.md) or a line of redflag.yml.",
            "# Thresholds count incidents, one per tag occurrence (never = not used); windows are days ending at",
            "# --as-of (ever = no limit).",
            "policy:",
        ]
        func value(_ indent: Int, _ key: String, _ text: String, _ origin: ValueOrigin) {
            let body = String(repeating: " ", count: indent) + "\(key): \(text)"
            lines.append(TerminalStyle.pad(body + " ", 28) + "# \(origin)")
        }
        for rule in rules {
            var about = "  # #\(rule.displayTag)"
            if rule.isHard {
                about += " (hard rule: positive context never softens it)"
            } else if rule.neverSoftened {
                about += " (positive context never softens its watch)"
            }
            if rule.escalation == .repeatAfterWarning {
                about += " (also fires on a repeat after a #warned entry)"
            }
            lines.append(about)
            lines += Policy.wrap(rule.principle, prefix: "  # ")
            lines.append("  \(rule.id):")
            value(4, "enabled", rule.enabled ? "true" : "false", rule.origin(of: "enabled"))
            value(4, "watch", Policy.threshold(rule.thresholds.watch), rule.origin(of: "watch"))
            value(4, "fire", Policy.threshold(rule.thresholds.fire), rule.origin(of: "fire"))
            if let hourly = rule.hourly {
                lines.append(
                    "    hourly:                 # billing: hourly (fixed, retainer and unknown use the above)")
                value(6, "watch", Policy.threshold(hourly.watch), rule.origin(of: "hourly.watch"))
                value(6, "fire", Policy.threshold(hourly.fire), rule.origin(of: "hourly.fire"))
            }
            value(4, "window", rule.window.map(String.init) ?? "ever", rule.origin(of: "window"))
            value(4, "weight", Policy.number(rule.weight), rule.origin(of: "weight"))
        }
        lines.append("  # A watch from a soft rule turns into keep with enough positive entries (#paid, #referral,")
        lines.append(
            "  # #praise) within `window` days and no incident in the last `quiet` days. Never cancels a fire.")
        lines.append("  softening:")
        value(4, "enabled", softening.enabled ? "true" : "false", softening.origin(of: "enabled"))
        value(4, "positives", String(softening.positives), softening.origin(of: "positives"))
        value(4, "window", String(softening.window), softening.origin(of: "window"))
        value(4, "quiet", String(softening.quiet), softening.origin(of: "quiet"))
        lines.append(
            "  # An entry tagged #resolved/SIGN or #forgiven/SIGN closes the earlier incidents of that sign: they")
        lines.append("  # stay in the dossier as history and stop counting. `hard: false` keeps hard signs open.")
        lines.append("  closing:")
        value(4, "enabled", closing.enabled ? "true" : "false", closing.origin(of: "enabled"))
        value(4, "hard", closing.hard ? "true" : "false", closing.origin(of: "hard"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as comment lines of at most 100 columns, each starting with `prefix`.
    static func wrap(_ text: String, prefix: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = prefix
        for word in text.split(separator: " ") {
            if current.count > prefix.count, current.count + 1 + word.count > width {
                lines.append(current)
                current = prefix
            }
            current += (current.count > prefix.count ? " " : "") + word
        }
        if current.count > prefix.count { lines.append(current) }
        return lines
    }

    static func threshold(_ value: Int?) -> String { value.map(String.init) ?? "never" }

    /// A weight without a trailing `.0`: `5`, `1.5`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
