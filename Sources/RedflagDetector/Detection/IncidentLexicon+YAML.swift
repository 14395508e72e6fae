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
                    for (language, items) in IncidentLexicon.byLanguage(
                        sign.value, path: "lint.lexicon.exclude.\(name)", report: problem)
                    {
                        for item in items {
                            guard let text = item.string, !IncidentPattern.compileAll(text).isEmpty else {
                                problem(item, "an exclusion is a phrase of words, e.g. \"late checkout\"")
                                continue
                            }
                            exclusions[name, default: [:]][language, default: []].append(text)
                        }
                    }
                }
                if pair.value.pairs == nil { problem(pair.value, "'lint.lexicon.exclude' must map a sign to phrases") }
                continue
            }
            guard let name = IncidentLexicon.checkSign(pair.key, at: pair.keyValue, report: problem) else { continue }
            for (language, items) in IncidentLexicon.byLanguage(
                pair.value, path: "lint.lexicon.\(name)", report: problem)
            {
                for item in items {
                    if let cue = IncidentLexicon.readCue(item, report: problem) {
                        cues[name, default: [:]][language, default: []].append(cue)
                    }
                }
            }
        }
        return (adding(cues: cues).adding(exclusions: exclusions), diagnostics)
    }

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

    private static func readCue(_ item: YAMLValue, report: (YAMLValue, String, String?) -> Void) -> IncidentCue? {
        var phrase = item.string
        var weight = IncidentCue.defaultUserWeight
        if item.pairs != nil {
            phrase = item["phrase"]?.string
            if let node = item["weight"] {
                guard let text = node.string, let value = Double(text), (0...1).contains(value) else {
                    report(node, "a phrase's weight is a number from 0 to 1", nil)
                    return nil
                }
                weight = value
            }
            for pair in item.pairs ?? [] where pair.key != "phrase" && pair.key != "weight" {
                report(pair.keyValue, "unknown key '\(pair.key)' in a phrase (known: phrase, weight)", nil)
            }
        }
        guard let phrase, !IncidentPattern.compileAll(phrase).isEmpty else {
            report(item, "a phrase is a string of words, or {phrase: \"...\", weight: 0.7}", nil)
            return nil
        }
        return IncidentCue(phrase, weight: weight)
    }
}
