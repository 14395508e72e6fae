import RedflagCore
import RedflagDetector
import RedflagJournal

/// The `lint:` section of `redflag.yml`.
///
/// ```yaml
/// lint:
///   rules:                       # per rule: off, on, note, warning or error
///     date-order: off
///     undated-entry: error
///   threshold: 0.8               # confidence at which untagged-incident reports (0...1)
///   lexicon:                     # extra detector phrases per sign and language (docs/detector.md)
///     late:
///       en: [ghosted]
/// ```
/// Every problem is reported with its line; an invalid section is an error, never a silent default.
public struct LintConfiguration: Hashable, Sendable {
    /// Rule id → severity override; `nil` value means the rule is off.
    public var severities: [String: Severity?] = [:]
    /// Confidence at or above which `untagged-incident` reports an entry.
    public var reportThreshold: Double = LintConfiguration.defaultReportThreshold
    /// The detector's lexicon with the user's phrases added.
    public var lexicon: IncidentLexicon {
        get { customLexicon ?? .standard }
        set { customLexicon = newValue }
    }
    /// The lexicon set (the standard one plus `lint.lexicon`'s phrases); nil for the standard one,
    /// which is then loaded only when the detector asks for it, not by every command that reads
    /// `redflag.yml`.
    private var customLexicon: IncidentLexicon?

    public static let defaultReportThreshold = 0.8
    static let keys = ["rules", "threshold", "lexicon"]

    public init() {}

    /// True unless the configuration turns the rule off.
    public func isEnabled(_ rule: String) -> Bool {
        if let override = severities[rule] { return override != nil }
        return true
    }

    /// The severity a rule reports with.
    public func severity(of rule: RuleDescription) -> Severity {
        if let override = severities[rule.id], let severity = override { return severity }
        return rule.severity
    }

    /// Reads the section. `ruleIDs` are the known rules (for "did you mean").
    ///
    /// The problems also include any internal error of the built-in lexicon
    /// (`IncidentLexicon.standardProblems`: a damaged bundled file), so that it stops `redflag lint`
    /// with a clear message instead of detecting with part of the lexicon. With `checksLexicon`
    /// false (commands that never detect), the bundled lexicon is not loaded for that, only for a
    /// `lexicon:` key, which extends it.
    public static func parse(
        _ value: YAMLValue?, ruleIDs: [String], file: String = Configuration.fileName, checksLexicon: Bool = true
    ) -> (LintConfiguration, [Diagnostic]) {
        var configuration = LintConfiguration()
        var problems: [Diagnostic] = checksLexicon ? IncidentLexicon.standardProblems : []
        func problem(_ at: YAMLValue, _ message: String, hint: String? = nil) {
            problems.append(
                Diagnostic(.error, file: file, line: at.line, column: at.column, message: message, hint: hint))
        }
        guard let value else { return (configuration, problems) }
        guard let pairs = value.pairs else {
            problem(
                value, "'lint' must be a mapping with keys \(keys.joined(separator: ", ")), found \(value.kindName)")
            return (configuration, problems)
        }
        for pair in pairs {
            switch pair.key {
            case "rules":
                guard let rules = pair.value.pairs else {
                    problem(
                        pair.value, "'lint.rules' must map a rule id to off, on, note, warning or error",
                        hint: "e.g. 'date-order: off'")
                    continue
                }
                for rule in rules {
                    guard ruleIDs.contains(rule.key) else {
                        let suggestion =
                            Spelling.closest(to: rule.key, in: ruleIDs).map { " (did you mean '\($0)'?)" } ?? ""
                        problem(
                            rule.keyValue, "unknown rule '\(rule.key)'\(suggestion)",
                            hint: "rules: \(ruleIDs.joined(separator: ", "))")
                        continue
                    }
                    switch rule.value.string?.lowercased() {
                    case "off", "false", "no", "disabled": configuration.severities[rule.key] = .some(nil)
                    case "on", "true", "yes", "enabled": configuration.severities[rule.key] = nil
                    case let text?:
                        if let severity = Severity(rawValue: text) {
                            configuration.severities[rule.key] = .some(severity)
                        } else {
                            problem(
                                rule.value, "'\(text)' is not a rule setting",
                                hint: "use off, on, note, warning or error")
                        }
                    case nil:
                        problem(rule.value, "a rule setting is one word", hint: "use off, on, note, warning or error")
                    }
                }
            case "threshold":
                guard let text = pair.value.string, let number = Double(text), (0...1).contains(number) else {
                    problem(
                        pair.value, "'lint.threshold' must be a number between 0 and 1", hint: "e.g. 'threshold: 0.5'")
                    continue
                }
                configuration.reportThreshold = number
            case "lexicon":
                let (lexicon, diagnostics) = IncidentLexicon.standard.adding(yaml: pair.value, file: file)
                configuration.lexicon = lexicon
                problems += diagnostics
            default:
                let suggestion = Spelling.closest(to: pair.key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                problem(
                    pair.keyValue, "unknown key 'lint.\(pair.key)'\(suggestion)",
                    hint: "known keys: \(keys.joined(separator: ", "))")
            }
        }
        return (configuration, problems)
    }
}
