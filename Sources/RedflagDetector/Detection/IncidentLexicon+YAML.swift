import RedflagCore
import RedflagJournal

extension IncidentLexicon {
    /// Reads user phrases from the `lexicon:` mapping of `redflag.yml`'s `lint:` section:
    ///
    /// ```yaml
    /// lint:
    ///   lexicon:
    ///     late:
    ///       en: [ghosted, "radio silence"]          # weight 0.8 (IncidentCue.defaultUserWeight)
    ///       ru: ["кормит завтраками"]
    ///     lie:
    ///       en:
    ///         - fibbed
    ///         - {phrase: "story changed", weight: 0.6}
    ///         - {weight: 0.5, phrases: [spun, "half true"]}   # several phrases of one weight
    ///     competitor: ["другая студия ... дешевле"]   # a plain list: any language
    ///     exclude:                                   # phrases that never count for a sign
    ///       late:
    ///         en: ["late checkout"]
    /// ```
    /// Signs are the nine canonical sign tags; phrases use the `IncidentCue` pattern syntax. Every
    /// problem is reported (with its line) and the valid rest is still returned; nothing is dropped
    /// silently.
    public func adding(yaml value: YAMLValue, file: String = Configuration.fileName) -> (
        lexicon: IncidentLexicon, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        func problem(_ at: YAMLValue, _ message: String, hint: String? = nil) {
            diagnostics.append(
                Diagnostic(.error, file: file, line: at.line, column: at.column, message: message, hint: hint))
        }
        guard let pairs = value.pairs else {
            problem(
                value, "'lint.lexicon' must map a sign to phrases, found \(value.kindName)",
                hint: "e.g. 'late: { en: [ghosted], ru: [\"кормит завтраками\"] }'")
            return (self, diagnostics)
        }
        var cues: [String: [String: [IncidentCue]]] = [:]
        var exclusions: [String: [String: [String]]] = [:]
        for pair in pairs {
            if pair.key == "exclude" {
                for sign in pair.value.pairs ?? [] {
                    guard let name = IncidentLexicon.checkSign(sign.key, at: sign.keyValue, report: problem) else {
                        continue
                    }
                    exclusions[name, default: [:]].merge(
                        IncidentLexicon.readPatterns(
                            sign.value, path: "lint.lexicon.exclude.\(name)",
                            expected: "an exclusion is a phrase of words, e.g. \"late checkout\"", report: problem),
                        uniquingKeysWith: +)
                }
                if pair.value.pairs == nil { problem(pair.value, "'lint.lexicon.exclude' must map a sign to phrases") }
                continue
            }
            guard let name = IncidentLexicon.checkSign(pair.key, at: pair.keyValue, report: problem) else { continue }
            cues[name, default: [:]].merge(
                IncidentLexicon.readCues(pair.value, path: "lint.lexicon.\(name)", report: problem),
                uniquingKeysWith: +)
        }
        return (adding(cues: cues).adding(exclusions: exclusions), diagnostics)
    }

    /// Reads one file of the built-in lexicon, `Resources/lexicon/<sign>.yml`, as a lexicon of that
    /// sign alone (see `Resources/lexicon/README.md`):
    ///
    /// ```yaml
    /// personal: true            # a first-person subject before a phrase means the user, not the client
    /// outranks: [dispute]       # general signs halved when this one reaches `precedenceLevel`
    /// cues:                     # language → phrases, as in `lint.lexicon`
    ///   en:
    ///     - weight: 0.9
    ///       phrases: ["still unpaid", ...]
    /// exclusions:               # language → false friends
    ///   en: ["late night"]
    /// counter-evidence:         # language → patterns that argue against the sign in the whole entry
    ///   en: ["paid in full"]
    /// ```
    /// Every problem is reported with its line, and the valid rest is returned.
    static func signFile(_ sign: String, yaml value: YAMLValue?, file: String) -> (
        lexicon: IncidentLexicon, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        func problem(_ at: YAMLValue, _ message: String, hint: String? = nil) {
            diagnostics.append(
                Diagnostic(.error, file: file, line: at.line, column: at.column, message: message, hint: hint))
        }
        var lexicon = IncidentLexicon(cues: [:])
        guard let value, let pairs = value.pairs else {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: value?.line, column: value?.column,
                    message: "a sign's lexicon file must be a mapping with keys \(signFileKeys.joined(separator: ", "))"
                ))
            return (lexicon, diagnostics)
        }
        for pair in pairs {
            switch pair.key {
            case "personal":
                switch pair.value.string {
                case "true": lexicon.personal.insert(sign)
                case "false": break
                default: problem(pair.value, "'personal' is true or false")
                }
            case "outranks":
                guard case let .sequence(items, _, _) = pair.value else {
                    problem(pair.value, "'outranks' is a list of signs")
                    continue
                }
                lexicon.precedence[sign] = items.compactMap { item in
                    guard let text = item.string else {
                        problem(item, "'outranks' is a list of signs")
                        return nil
                    }
                    return checkSign(text, at: item, report: problem)
                }
            case "cues":
                lexicon.cues[sign] = readCues(pair.value, path: "cues", report: problem)
            case "exclusions":
                lexicon.exclusions[sign] = readPatterns(
                    pair.value, path: "exclusions", expected: "an exclusion is a phrase of words", report: problem)
            case "counter-evidence":
                lexicon.counterEvidence[sign] = readPatterns(
                    pair.value, path: "counter-evidence", expected: "counter-evidence is a phrase of words",
                    report: problem)
            default:
                let suggestion =
                    Spelling.closest(to: pair.key, in: signFileKeys).map { " (did you mean '\($0)'?)" } ?? ""
                problem(
                    pair.keyValue, "unknown key '\(pair.key)'\(suggestion)",
                    hint: "known keys: \(signFileKeys.joined(separator: ", "))")
            }
        }
        if lexicon.cues[sign, default: [:]].isEmpty {
            problem(value, "the sign '\(sign)' has no cues", hint: "add 'cues:' with phrases per language")
        }
        return (lexicon, diagnostics)
    }

    static let signFileKeys = ["personal", "outranks", "cues", "exclusions", "counter-evidence"]

    private static func checkSign(
        _ key: String, at node: YAMLValue, report: (YAMLValue, String, String?) -> Void
    ) -> String? {
        var name = key.lowercased()
        if name.hasPrefix("#") { name.removeFirst() }
        if Vocabulary.signs.contains(name) { return name }
        let suggestion = Spelling.closest(to: name, in: Vocabulary.signs).map { " (did you mean '\($0)'?)" } ?? ""
        report(node, "'\(key)' is not a sign\(suggestion)", "signs: \(Vocabulary.signs.joined(separator: ", "))")
        return nil
    }

    /// `{en: [...], ru: [...]}` → [(language, items)]; a plain list → [("any", items)].
    private static func byLanguage(
        _ value: YAMLValue, path: String, report: (YAMLValue, String, String?) -> Void
    ) -> [(String, [YAMLValue])] {
        switch value {
        case let .sequence(items, _, _):
            return [("any", items)]
        case .scalar:
            return [("any", [value])]
        case .mapping:
            var result: [(String, [YAMLValue])] = []
            for language in value.pairs ?? [] {
                switch language.value {
                case let .sequence(items, _, _): result.append((language.key.lowercased(), items))
                case .scalar: result.append((language.key.lowercased(), [language.value]))
                case .mapping:
                    report(language.value, "'\(path).\(language.key)' must be a list of phrases", nil)
                }
            }
            return result
        }
    }

    /// Phrases per language, in file order; a language with no valid phrase is left out.
    private static func readCues(
        _ value: YAMLValue, path: String, report: (YAMLValue, String, String?) -> Void
    ) -> [String: [IncidentCue]] {
        var cues: [String: [IncidentCue]] = [:]
        for (language, items) in byLanguage(value, path: path, report: report) {
            for item in items {
                let read = readCue(item, report: report)
                if !read.isEmpty { cues[language, default: []].append(contentsOf: read) }
            }
        }
        return cues
    }

    /// Plain patterns per language (exclusions, counter-evidence), in file order.
    private static func readPatterns(
        _ value: YAMLValue, path: String, expected: String, report: (YAMLValue, String, String?) -> Void
    ) -> [String: [String]] {
        var patterns: [String: [String]] = [:]
        for (language, items) in byLanguage(value, path: path, report: report) {
            for item in items {
                guard let text = item.string, !IncidentPattern.compileAll(text).isEmpty else {
                    report(item, expected, nil)
                    continue
                }
                patterns[language, default: []].append(text)
            }
        }
        return patterns
    }

    /// A phrase, `{phrase, weight}`, or a group of phrases of one weight, `{weight, phrases: [...]}`.
    private static func readCue(_ item: YAMLValue, report: (YAMLValue, String, String?) -> Void) -> [IncidentCue] {
        var phrases: [YAMLValue] = [item]
        var weight = IncidentCue.defaultUserWeight
        if let pairs = item.pairs {
            let isGroup = item["phrases"] != nil
            phrases = []
            if let node = item["weight"] {
                guard let text = node.string, let value = Double(text), (0...1).contains(value) else {
                    report(node, "a phrase's weight is a number from 0 to 1", nil)
                    return []
                }
                weight = value
            }
            if isGroup {
                guard case let .sequence(items, _, _) = item["phrases"] else {
                    report(item["phrases"] ?? item, "'phrases' is a list of phrases of the group's weight", nil)
                    return []
                }
                phrases = items
            } else if let phrase = item["phrase"] {
                phrases = [phrase]
            }
            let known = isGroup ? ["weight", "phrases"] : ["phrase", "weight"]
            for pair in pairs where !known.contains(pair.key) {
                report(
                    pair.keyValue, "unknown key '\(pair.key)' in a phrase (known: \(known.joined(separator: ", ")))",
                    nil)
            }
            if phrases.isEmpty {
                report(item, "a phrase is a string of words, or {phrase: \"...\", weight: 0.7}", nil)
            }
        }
        let isGroup = item["phrases"] != nil
        return phrases.compactMap { node in
            guard let phrase = node.string, !IncidentPattern.compileAll(phrase).isEmpty else {
                report(isGroup ? node : item, "a phrase is a string of words, or {phrase: \"...\", weight: 0.7}", nil)
                return nil
            }
            return IncidentCue(phrase, weight: weight)
        }
    }
}
