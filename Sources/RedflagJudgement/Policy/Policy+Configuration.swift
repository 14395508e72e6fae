import RedflagCore
import RedflagJournal

extension Policy {
    /// The keys a rule accepts in `redflag.yml`.
    public static let ruleKeys = ["watch", "fire", "window", "weight", "enabled", "hourly"]
    /// The keys `softening` accepts in `redflag.yml`.
    public static let softeningKeys = ["positives", "window", "quiet", "enabled"]
    /// The keys `closing` accepts in `redflag.yml`.
    public static let closingKeys = ["hard", "enabled"]

    /// The policy in force for `configuration`: the default with its `policy:` section applied.
    public init(configuration: Configuration) throws(PolicyError) {
        self = try Policy.standard.applying(configuration.policy, file: configuration.file ?? Configuration.fileName)
    }

    /// This policy with the overrides of a `policy:` section applied. Pure.
    ///
    /// ```yaml
    /// policy:
    ///   late: { watch: 2, fire: 4, window: 180 }
    ///   changed-mind: { enabled: false }      # or: changed-mind: off
    ///   unreasonable: { fire: 5, weight: 2 }
    ///   changed-mind: { hourly: { watch: 6, fire: never } }
    ///   softening: { positives: 4, window: 365, quiet: 60 }
    /// ```
    /// Collects every problem (file, line, column, message, hint) before throwing; never falls back
    /// to a default for an invalid value.
    public func applying(_ section: YAMLValue?, file: String) throws(PolicyError) -> Policy {
        var problems: [Diagnostic] = []
        func report(_ value: YAMLValue, _ message: String, hint: String? = nil) {
            problems.append(
                Diagnostic(.error, file: file, line: value.line, column: value.column, message: message, hint: hint))
        }
        guard let section else { return self }
        if case .scalar(let text, _, _) = section, PolicyValue.isNull(text) { return self }
        guard let pairs = section.pairs else {
            report(
                section, "'policy' must be a mapping from rule names to overrides, found \(section.kindName)",
                hint: "e.g. 'policy:' then '  late: { watch: 2, fire: 4 }' on the next line")
            throw PolicyError(diagnostics: problems)
        }
        var policy = self
        var seen: [String: Int] = [:]
        for pair in pairs {
            if let firstLine = seen[pair.key] {
                report(
                    pair.keyValue, "'\(pair.key)' is set twice (first on line \(firstLine))",
                    hint: "merge the two into one entry")
                continue
            }
            seen[pair.key] = pair.keyValue.line
            if pair.key == "softening" {
                policy.softening = Policy.applySoftening(pair.value, to: policy.softening, file: file, report: report)
                continue
            }
            if pair.key == "closing" {
                policy.closing = Policy.applyClosing(pair.value, to: policy.closing, file: file, report: report)
                continue
            }
            guard let index = policy.rules.firstIndex(where: { $0.id == pair.key }) else {
                report(
                    pair.keyValue, "unknown rule '\(pair.key)'\(unknownRuleSuggestion(pair.key))",
                    hint: "rules: \((rules.map(\.id) + ["softening", "closing"]).joined(separator: ", "))")
                continue
            }
            policy.rules[index] = Policy.applyRule(pair.value, to: policy.rules[index], file: file, report: report)
        }
        if !problems.isEmpty { throw PolicyError(diagnostics: problems) }
        return policy
    }

    private func unknownRuleSuggestion(_ key: String) -> String {
        let byTag = rules.filter { $0.tag == key.lowercased() }.map(\.id)
        if !byTag.isEmpty {
            return " (the tag '\(key)' is judged by \(byTag.map { "'\($0)'" }.joined(separator: " and ")))"
        }
        let candidates = rules.map(\.id) + ["softening", "closing"]
        return Spelling.closest(to: key, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func applyRule(
        _ value: YAMLValue, to original: Rule, file: String, report: (YAMLValue, String, String?) -> Void
    ) -> Rule {
        var rule = original
        let origin = ValueOrigin(file: file, line: value.line)
        if case .scalar(let text, _, _) = value {
            if let enabled = PolicyValue.bool(text) {
                rule.enabled = enabled
                rule.origins["enabled"] = origin
            } else {
                report(
                    value, "'\(rule.id)' must be a mapping of overrides or on/off, found '\(text)'",
                    "e.g. '\(rule.id): { watch: 2, fire: 4, window: 365 }' or '\(rule.id): off'")
            }
            return rule
        }
        guard let pairs = value.pairs else {
            report(
                value, "'\(rule.id)' must be a mapping of overrides, found \(value.kindName)",
                "e.g. '\(rule.id): { watch: 2, fire: 4, window: 365 }'")
            return rule
        }
        var problemsBefore = false
        for pair in pairs {
            let here = ValueOrigin(file: file, line: pair.value.line)
            let path = "policy.\(rule.id).\(pair.key)"
            switch pair.key {
            case "watch", "fire":
                guard let threshold = PolicyValue.threshold(pair.value, path: path, report: report) else {
                    problemsBefore = true
                    continue
                }
                if pair.key == "watch" { rule.thresholds.watch = threshold } else { rule.thresholds.fire = threshold }
                rule.origins[pair.key] = here
            case "window":
                guard let window = PolicyValue.window(pair.value, path: path, report: report) else {
                    problemsBefore = true
                    continue
                }
                rule.window = window
                rule.origins["window"] = here
            case "weight":
                guard let weight = PolicyValue.weight(pair.value, path: path, report: report) else {
                    problemsBefore = true
                    continue
                }
                rule.weight = weight
                rule.origins["weight"] = here
            case "enabled":
                guard let text = pair.value.string, let enabled = PolicyValue.bool(text) else {
                    report(pair.value, "'\(path)' must be true or false", nil)
                    problemsBefore = true
                    continue
                }
                rule.enabled = enabled
                rule.origins["enabled"] = here
            case "hourly":
                guard let hourlyPairs = pair.value.pairs else {
                    report(
                        pair.value, "'\(path)' must be a mapping with 'watch' and/or 'fire'",
                        "e.g. 'hourly: { watch: 4, fire: never }'")
                    problemsBefore = true
                    continue
                }
                var hourly = rule.hourly ?? rule.thresholds
                for hourlyPair in hourlyPairs {
                    let hourlyPath = "\(path).\(hourlyPair.key)"
                    guard hourlyPair.key == "watch" || hourlyPair.key == "fire" else {
                        report(hourlyPair.keyValue, "unknown key '\(hourlyPath)'", "known keys: watch, fire")
                        problemsBefore = true
                        continue
                    }
                    guard let threshold = PolicyValue.threshold(hourlyPair.value, path: hourlyPath, report: report)
                    else {
                        problemsBefore = true
                        continue
                    }
                    if hourlyPair.key == "watch" { hourly.watch = threshold } else { hourly.fire = threshold }
                    rule.origins["hourly.\(hourlyPair.key)"] = ValueOrigin(file: file, line: hourlyPair.value.line)
                }
                rule.hourly = hourly
            default:
                let suggestion = Spelling.closest(to: pair.key, in: ruleKeys).map { " (did you mean '\($0)'?)" } ?? ""
                report(
                    pair.keyValue, "unknown key '\(path)'\(suggestion)",
                    "known keys: \(ruleKeys.joined(separator: ", "))")
                problemsBefore = true
            }
        }
        if !problemsBefore {
            checkOrder(rule.thresholds, rule: rule, key: nil, at: value, report: report)
            if let hourly = rule.hourly { checkOrder(hourly, rule: rule, key: "hourly", at: value, report: report) }
        }
        return rule
    }

    private static func checkOrder(
        _ thresholds: Rule.Thresholds, rule: Rule, key: String?, at value: YAMLValue,
        report: (YAMLValue, String, String?) -> Void
    ) {
        let name = key.map { "\(rule.id).\($0)" } ?? rule.id
        if let watch = thresholds.watch, let fire = thresholds.fire, watch >= fire {
            report(
                value, "'\(name)': watch (\(watch)) must be below fire (\(fire))",
                "lower watch, raise fire, or set 'watch: never' to fire without a watch")
        }
        if thresholds.watch == nil, thresholds.fire == nil, rule.escalation == nil {
            report(
                value, "'\(name)': watch and fire are both 'never', so the rule can never trigger",
                "to switch the rule off, write '\(rule.id): { enabled: false }'")
        }
    }

    private static func applyClosing(
        _ value: YAMLValue, to original: Closing, file: String, report: (YAMLValue, String, String?) -> Void
    ) -> Closing {
        var closing = original
        if case .scalar(let text, _, _) = value, let enabled = PolicyValue.bool(text) {
            closing.enabled = enabled
            closing.origins["enabled"] = ValueOrigin(file: file, line: value.line)
            return closing
        }
        guard let pairs = value.pairs else {
            report(
                value, "'closing' must be a mapping or on/off, found \(value.kindName)",
                "e.g. 'closing: { hard: false }' keeps hard signs open whatever the notes close")
            return closing
        }
        for pair in pairs {
            let path = "policy.closing.\(pair.key)"
            guard Policy.closingKeys.contains(pair.key) else {
                let suggestion =
                    Spelling.closest(to: pair.key, in: closingKeys).map { " (did you mean '\($0)'?)" } ?? ""
                report(
                    pair.keyValue, "unknown key '\(path)'\(suggestion)",
                    "known keys: \(closingKeys.joined(separator: ", "))")
                continue
            }
            guard let text = pair.value.string, let flag = PolicyValue.bool(text) else {
                report(pair.value, "'\(path)' must be true or false", nil)
                continue
            }
            if pair.key == "hard" { closing.hard = flag } else { closing.enabled = flag }
            closing.origins[pair.key] = ValueOrigin(file: file, line: pair.value.line)
        }
        return closing
    }

    private static func applySoftening(
        _ value: YAMLValue, to original: Softening, file: String, report: (YAMLValue, String, String?) -> Void
    ) -> Softening {
        var softening = original
        if case .scalar(let text, _, _) = value, let enabled = PolicyValue.bool(text) {
            softening.enabled = enabled
            softening.origins["enabled"] = ValueOrigin(file: file, line: value.line)
            return softening
        }
        guard let pairs = value.pairs else {
            report(
                value, "'softening' must be a mapping or on/off, found \(value.kindName)",
                "e.g. 'softening: { positives: 3, window: 365, quiet: 90 }'")
            return softening
        }
        for pair in pairs {
            let here = ValueOrigin(file: file, line: pair.value.line)
            let path = "policy.softening.\(pair.key)"
            switch pair.key {
            case "positives", "window", "quiet":
                guard let text = pair.value.string, let number = Int(text), number >= 1, number <= 36500 else {
                    report(
                        pair.value,
                        "'\(path)' must be a whole number from 1 to 36500, found \(PolicyValue.shown(pair.value))", nil)
                    continue
                }
                switch pair.key {
                case "positives": softening.positives = number
                case "window": softening.window = number
                default: softening.quiet = number
                }
                softening.origins[pair.key] = here
            case "enabled":
                guard let text = pair.value.string, let enabled = PolicyValue.bool(text) else {
                    report(pair.value, "'\(path)' must be true or false", nil)
                    continue
                }
                softening.enabled = enabled
                softening.origins["enabled"] = here
            default:
                let suggestion =
                    Spelling.closest(to: pair.key, in: softeningKeys).map { " (did you mean '\($0)'?)" } ?? ""
                report(
                    pair.keyValue, "unknown key '\(path)'\(suggestion)",
                    "known keys: \(softeningKeys.joined(separator: ", "))")
            }
        }
        return softening
    }
}

/// Reading single values of the `policy:` section.
enum PolicyValue {
    static func isNull(_ text: String) -> Bool { ["", "~", "null", "Null", "NULL"].contains(text) }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    static func shown(_ value: YAMLValue) -> String { value.string.map { "'\($0)'" } ?? value.kindName }

    /// A threshold: a whole number from 1, or `never` (nil). `.some(nil)` is "never"; nil is invalid.
    static func threshold(_ value: YAMLValue, path: String, report: (YAMLValue, String, String?) -> Void) -> Int?? {
        guard let text = value.string else {
            report(value, "'\(path)' must be a whole number or 'never', found \(value.kindName)", nil)
            return nil
        }
        if text.lowercased() == "never" || isNull(text) { return .some(nil) }
        guard let number = Int(text), number >= 1, number <= 10000 else {
            report(
                value, "'\(path)' must be a whole number from 1 to 10000 or 'never', found '\(text)'",
                "a threshold counts entries: 'fire: 3' fires at the third")
            return nil
        }
        return .some(number)
    }

    /// A window: whole days from 1, or `ever` (nil). `.some(nil)` is "ever"; nil is invalid.
    static func window(_ value: YAMLValue, path: String, report: (YAMLValue, String, String?) -> Void) -> Int?? {
        guard let text = value.string else {
            report(value, "'\(path)' must be a number of days or 'ever', found \(value.kindName)", nil)
            return nil
        }
        if text.lowercased() == "ever" || isNull(text) { return .some(nil) }
        guard let number = Int(text), number >= 1, number <= 36500 else {
            report(
                value, "'\(path)' must be a number of days from 1 to 36500 or 'ever', found '\(text)'",
                "e.g. 'window: 365' counts the entries of the last 365 days")
            return nil
        }
        return .some(number)
    }

    static func weight(_ value: YAMLValue, path: String, report: (YAMLValue, String, String?) -> Void) -> Double? {
        guard let text = value.string, let number = Double(text), number.isFinite, number >= 0, number <= 100 else {
            report(
                value, "'\(path)' must be a number from 0 to 100, found \(shown(value))",
                "a weight scales how much each incident adds to the score")
            return nil
        }
        return number
    }
}
