/// `redflag.yml` at the root of a notes directory.
///
/// ```yaml
/// vocabulary:
///   tags: [ghosting]              # extra canonical tags (known, never "unknown-tag")
///   aliases:
///     scope-creep: changed-mind   # alias: canonical or canonical/subtype
///     yelled: abuse/verbal
/// policy: ...                     # read by the policy layer (see docs/policy.md)
/// lint: ...                       # read by the linter (see docs/lint.md)
/// dates: dmy                      # how to read slashed dates 03/05/2025 (dmy | mdy)
/// ignore: [Archive/, "*.excalidraw.md"]   # gitignore patterns of paths to leave out
/// conventions:                    # turn off a detected convention that misreads your notes
///   wikilinks: off
/// redact: [Hans Weber, Petrov]    # names `--redact` masks, besides e-mails, phones, amounts, IBANs
/// ```
/// An invalid file is an error naming the line and the problem, never a silent fallback.
public struct Configuration: Hashable, Sendable {
    /// The file name looked for at the notes root.
    public static let fileName = "redflag.yml"

    /// Path of the file as shown in messages (relative to the notes directory), nil for defaults.
    public var file: String?
    /// The file's text, for digests; empty for defaults.
    public var text: String
    public var vocabulary: Vocabulary
    /// The `policy:` section, interpreted by the policy layer.
    public var policy: YAMLValue?
    /// The `lint:` section, interpreted by the linter.
    public var lint: YAMLValue?
    /// The `clients:` section: names and aliases given to clients by id.
    public var clients: [ClientID: ClientSettings] = [:]
    /// `dates:`: the order of day and month in slashed dates (`03/05/2025`); nil when not set, and
    /// such dates are then reported as ambiguous instead of guessed.
    public var slashedDateOrder: SlashedDateOrder?
    /// `ignore:`: gitignore-style patterns of paths (relative to the notes root) to leave out.
    public var ignore: [String] = []
    /// `conventions:`: conventions turned off (`wikilinks: off`); every other one is detected.
    public var disabledConventions: Set<NotesConvention> = []
    /// `redact:`: names (people, companies) that `--redact` masks wherever they appear.
    public var redact: [String] = []

    /// The built-in configuration.
    public static let standard = Configuration(
        file: nil, text: "", vocabulary: .standard, policy: nil, lint: nil)

    public init(file: String?, text: String, vocabulary: Vocabulary, policy: YAMLValue?, lint: YAMLValue?) {
        self.file = file
        self.text = text
        self.vocabulary = vocabulary
        self.policy = policy
        self.lint = lint
    }

    static let topLevelKeys = [
        "vocabulary", "clients", "policy", "lint", "dates", "ignore", "conventions", "redact",
    ]

    /// True unless `redflag.yml` turned `convention` off.
    public func uses(_ convention: NotesConvention) -> Bool { !disabledConventions.contains(convention) }

    /// Parses `redflag.yml`. Collects every problem it can find before throwing.
    public static func parse(_ text: String, file: String = fileName) throws(ConfigurationError) -> Configuration {
        let (configuration, problems) = read(text, file: file)
        guard let configuration, problems.isEmpty else { throw ConfigurationError(diagnostics: problems) }
        return configuration
    }

    /// Reads `redflag.yml` as far as it can: the configuration (nil when the YAML itself is broken)
    /// and every problem found, so the sections read by other layers can still be checked.
    public static func read(_ text: String, file: String = fileName) -> (Configuration?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func problem(_ value: YAMLValue?, _ message: String, hint: String? = nil) {
            problems.append(
                Diagnostic(
                    .error, file: file, line: value?.line ?? 1, column: value?.column ?? 1,
                    message: message, hint: hint))
        }
        let root: YAMLValue?
        do {
            root = try YAMLValue.parse(text)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, file: file, line: error.line, column: error.column,
                        message: "invalid YAML: \(error.message)", hint: "fix the YAML syntax at this line")
                ]
            )
        }
        var configuration = Configuration(file: file, text: text, vocabulary: .standard, policy: nil, lint: nil)
        guard let root else { return (configuration, []) }
        guard let pairs = root.pairs else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, file: file, line: root.line, column: root.column,
                        message:
                            "expected a mapping with keys \(topLevelKeys.joined(separator: ", ")), found \(root.kindName)"
                    )
                ]
            )
        }
        for pair in pairs {
            switch pair.key {
            case "vocabulary":
                configuration.vocabulary = readVocabulary(pair.value, report: problem)
            case "clients":
                configuration.clients = ClientSettings.read(pair.value, report: problem)
            case "policy":
                configuration.policy = pair.value
            case "lint":
                configuration.lint = pair.value
            case "dates":
                if let order = pair.value.string.flatMap({ SlashedDateOrder(rawValue: $0.lowercased()) }) {
                    configuration.slashedDateOrder = order
                } else {
                    problem(
                        pair.value, "'dates' must be dmy or mdy",
                        hint: "dmy reads 03/05/2025 as 3 May, mdy as March 5")
                }
            case "ignore":
                switch pair.value {
                case let .sequence(items, _, _):
                    for item in items {
                        guard let pattern = item.string, !pattern.isEmpty else {
                            problem(item, "an 'ignore' pattern must be text, e.g. Archive/ or '*.draft.md'")
                            continue
                        }
                        configuration.ignore.append(pattern)
                    }
                case let .scalar(text, _, _) where !text.isEmpty:
                    configuration.ignore.append(text)
                default:
                    problem(pair.value, "'ignore' must be a list of gitignore patterns, e.g. [Archive/, '*.draft.md']")
                }
            case "redact":
                configuration.redact = readRedact(pair.value, report: problem)
            case "conventions":
                guard let conventions = pair.value.pairs else {
                    problem(pair.value, "'conventions' must map a convention to on or off, e.g. 'wikilinks: off'")
                    continue
                }
                for convention in conventions {
                    guard let known = NotesConvention(rawValue: convention.key) else {
                        let names = NotesConvention.allCases.map(\.rawValue)
                        let suggestion =
                            Spelling.closest(to: convention.key, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                        problem(
                            convention.keyValue, "unknown convention '\(convention.key)'\(suggestion)",
                            hint: "known conventions: \(names.joined(separator: ", "))")
                        continue
                    }
                    switch convention.value.string?.lowercased() {
                    case "off", "false", "no": configuration.disabledConventions.insert(known)
                    case "on", "true", "yes", "auto": configuration.disabledConventions.remove(known)
                    default: problem(convention.value, "'conventions.\(convention.key)' must be on or off")
                    }
                }
            default:
                let suggestion =
                    Spelling.closest(to: pair.key, in: topLevelKeys).map { " (did you mean '\($0)'?)" } ?? ""
                problem(
                    pair.keyValue, "unknown key '\(pair.key)'\(suggestion)",
                    hint: "known keys: \(topLevelKeys.joined(separator: ", "))")
            }
        }
        return (configuration, problems)
    }

    /// The `redact:` list: names as text, each at least two characters long.
    private static func readRedact(_ value: YAMLValue, report: (YAMLValue?, String, String?) -> Void) -> [String] {
        let items: [YAMLValue]
        switch value {
        case let .sequence(list, _, _): items = list
        case let .scalar(text, _, _) where !text.isEmpty: items = [value]
        default:
            report(value, "'redact' must be a list of names, e.g. [Hans Weber, Petrov]", nil)
            return []
        }
        var names: [String] = []
        for item in items {
            guard let name = item.string.map({ String($0.drop(while: \.isWhitespace)).trimmingTrailingWhitespace() }),
                name.count >= 2
            else {
                report(item, "a name under 'redact' must be text of at least two characters", nil)
                continue
            }
            names.append(name)
        }
        return names
    }

    private static func readVocabulary(
        _ value: YAMLValue, report: (YAMLValue?, String, String?) -> Void
    ) -> Vocabulary {
        var vocabulary = Vocabulary.standard
        guard let pairs = value.pairs else {
            report(value, "'vocabulary' must be a mapping with 'tags' and 'aliases', found \(value.kindName)", nil)
            return vocabulary
        }
        for pair in pairs {
            switch pair.key {
            case "tags":
                switch pair.value {
                case let .sequence(items, _, _):
                    for item in items {
                        guard let name = item.string.flatMap(normalizedTag) else {
                            report(item, "a tag name is letters, digits, '-', '_' or '/', without '#'", nil)
                            continue
                        }
                        vocabulary.addTerm(name)
                    }
                case .mapping:
                    for tag in pair.value.pairs ?? [] {
                        guard let name = normalizedTag(tag.key) else {
                            report(tag.keyValue, "invalid tag name '\(tag.key)'", nil)
                            continue
                        }
                        vocabulary.addTerm(name, summary: tag.value.string ?? "")
                    }
                default:
                    report(pair.value, "'vocabulary.tags' must be a list of tag names", nil)
                }
            case "aliases":
                guard let aliases = pair.value.pairs else {
                    report(
                        pair.value, "'vocabulary.aliases' must map an alias to a tag, e.g. 'scope-creep: changed-mind'",
                        nil)
                    continue
                }
                for alias in aliases {
                    guard let name = normalizedTag(alias.key) else {
                        report(alias.keyValue, "invalid alias '\(alias.key)'", nil)
                        continue
                    }
                    guard let target = alias.value.string.flatMap(normalizedTag) else {
                        report(
                            alias.value, "the alias '\(name)' must point to one tag, e.g. 'lie' or 'abuse/verbal'", nil)
                        continue
                    }
                    let head = String(target.split(separator: "/").first ?? "")
                    guard vocabulary.terms[head] != nil else {
                        let suggestion =
                            Spelling.closest(to: head, in: Array(vocabulary.terms.keys)).map {
                                " (did you mean '\($0)'?)"
                            } ?? ""
                        report(
                            alias.value, "the alias '\(name)' points to the unknown tag '\(head)'\(suggestion)",
                            "declare it under vocabulary.tags or point the alias to a known tag")
                        continue
                    }
                    vocabulary.addAlias(name, target: target)
                }
            default:
                report(pair.keyValue, "unknown key 'vocabulary.\(pair.key)'", "known keys: tags, aliases")
            }
        }
        return vocabulary
    }

    /// True when `name` is a tag body: a letter, then letters, digits, `-`, `_` or `/`.
    public static func isTagName(_ name: String) -> Bool {
        normalizedTag(name) == name.lowercased() && !name.hasPrefix("#")
    }

    /// Lowercases and strips one leading `#`; nil unless the result is a valid tag body of at most
    /// `Vocabulary.maximumTagLength` scalars.
    static func normalizedTag(_ text: String) -> String? {
        var name = text.lowercased()
        if name.hasPrefix("#") { name.removeFirst() }
        guard name.unicodeScalars.count <= Vocabulary.maximumTagLength,
            let first = name.unicodeScalars.first, first.properties.isAlphabetic,
            name.unicodeScalars.allSatisfy({
                $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_/".unicodeScalars.contains($0)
            })
        else { return nil }
        return name
    }
}
