internal import Yams

/// A parsed YAML value with the 1-based line and column (Unicode scalars, as libYAML counts) where
/// it starts. A `Sendable` mirror of Yams' node tree, so the rest of the kit never sees Yams.
public indirect enum YAMLValue: Hashable, Sendable {
    case scalar(String, line: Int, column: Int)
    case sequence([YAMLValue], line: Int, column: Int)
    case mapping([Pair], line: Int, column: Int)

    /// One `key: value` of a mapping.
    public struct Pair: Hashable, Sendable {
        public var key: YAMLValue
        public var value: YAMLValue

        public init(key: YAMLValue, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    public var line: Int {
        switch self {
        case let .scalar(_, line, _), let .sequence(_, line, _), let .mapping(_, line, _): line
        }
    }

    public var column: Int {
        switch self {
        case let .scalar(_, _, column), let .sequence(_, _, column), let .mapping(_, _, column): column
        }
    }

    /// The text of a scalar, nil otherwise.
    public var string: String? {
        if case let .scalar(text, _, _) = self { return text }
        return nil
    }

    /// The pairs of a mapping whose keys are scalars, in file order; nil when not a mapping.
    public var pairs: [(key: String, keyValue: YAMLValue, value: YAMLValue)]? {
        guard case let .mapping(pairs, _, _) = self else { return nil }
        return pairs.map { (key: $0.key.string ?? "", keyValue: $0.key, value: $0.value) }
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLValue? {
        pairs?.first { $0.key == key }?.value
    }

    /// A human description of the kind, for error messages.
    public var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Parses one YAML document. `lineOffset` is added to every line (front matter starts on line 2).
    ///
    /// Returns nil for an empty document. Throws `YAMLError` with the real line of the problem.
    /// Anchors, aliases, merge keys and nesting deeper than 64 levels are refused before Yams builds
    /// anything (`YAMLGuard`), so no input expands into more than its own size.
    public static func parse(_ text: String, lineOffset: Int = 0) throws(YAMLError) -> YAMLValue? {
        try YAMLGuard.check(text, lineOffset: lineOffset)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLError(from: error, lineOffset: lineOffset)
        } catch {
            throw YAMLError(line: 1 + lineOffset, column: 1, message: "\(error)")
        }
        return node.map { convert($0, lineOffset: lineOffset) }
    }

    private static func convert(_ node: Node, lineOffset: Int) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case let .scalar(scalar):
            return .scalar(scalar.string, line: line, column: column)
        case let .sequence(sequence):
            return .sequence(sequence.map { convert($0, lineOffset: lineOffset) }, line: line, column: column)
        case let .mapping(mapping):
            return .mapping(
                mapping.map {
                    Pair(key: convert($0.key, lineOffset: lineOffset), value: convert($0.value, lineOffset: lineOffset))
                },
                line: line, column: column)
        case let .alias(alias):
            return .scalar(alias.anchor.rawValue, line: line, column: column)
        }
    }
}

/// A YAML syntax error at a 1-based line and column.
public struct YAMLError: Error, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    init(from error: YamlError, lineOffset: Int) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            self.init(line: mark.line + lineOffset, column: mark.column, message: detail)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            self.init(
                line: context.mark.line + lineOffset, column: context.mark.column,
                message: "duplicate key \(keys) in this mapping")
        case let .reader(problem, _, _, _):
            self.init(line: 1 + lineOffset, column: 1, message: problem)
        default:
            self.init(line: 1 + lineOffset, column: 1, message: "\(error)")
        }
    }
}
