import Yams

/// A parsed YAML value with the 1-based line and column (Unicode scalars, as libYAML counts) where
/// it starts. A `Sendable` mirror of Yams' node tree, so the rest of the kit never sees Yams.
public indirect enum YAMLValue: Hashable, Sendable {
    case scalar(String, line: Int, column: Int)
    case sequence([YAMLValue], line: Int, column: Int)
    case mapping([(key: YAMLValue, value: YAMLValue)], line: Int, column: Int)

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, l1, c1), .scalar(b, l2, c2)): return a == b && l1 == l2 && c1 == c2
        case let (.sequence(a, l1, c1), .sequence(b, l2, c2)): return a == b && l1 == l2 && c1 == c2
        case let (.mapping(a, l1, c1), .mapping(b, l2, c2)):
            return l1 == l2 && c1 == c2 && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case let .scalar(text, line, column): hasher.combine(text); hasher.combine(line); hasher.combine(column)
        case let .sequence(items, line, _): hasher.combine(items); hasher.combine(line)
        case let .mapping(pairs, line, _):
            hasher.combine(line)
            for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
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
    public static func parse(_ text: String, lineOffset: Int = 0) throws(YAMLError) -> YAMLValue? {
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
                    (key: convert($0.key, lineOffset: lineOffset), value: convert($0.value, lineOffset: lineOffset))
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
