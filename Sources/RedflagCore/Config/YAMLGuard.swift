import CYaml

/// Checks YAML text with libYAML's own parser events (the parser Yams wraps) before anything
/// composes it, and refuses what could make composing blow up.
///
/// - Anchors (`&name`), aliases (`*name`) and merge keys (`<<`): an "alias bomb" of a few lines
///   expands into gigabytes when a tree is built from it, and nobody needs them in front matter or
///   in `redflag.yml`.
/// - Nesting deeper than `maximumDepth`: composing and walking a tree is recursive in Yams.
///
/// The check reads events one at a time and keeps only a depth counter and one flag per open
/// mapping, so it is linear in the text and needs no recursion. Quoted strings, comments and block
/// scalars are told apart by the YAML parser itself, so `"a & b"` or `# *note*` are not refused.
enum YAMLGuard {
    /// The deepest nesting of lists and mappings accepted.
    static let maximumDepth = 64

    /// Throws `YAMLError` at the first anchor, alias, merge key or too-deep collection. Syntax errors
    /// are left to the parser that runs after this check.
    static func check(_ text: String, lineOffset: Int) throws(YAMLError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> Void in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // One entry per open collection: for a mapping, whether the next node is a key.
            var expectingKey: [Bool?] = []
            while true {
                var event = yaml_event_t()
                // A syntax error: Yams reports it with its own message and position.
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1 + lineOffset
                let column = Int(event.start_mark.column) + 1
                func refuse(_ message: String) -> YAMLError {
                    YAMLError(line: line, column: column, message: message)
                }
                var isKey = false
                if let last = expectingKey.last, let key = last {
                    isKey = key
                    expectingKey[expectingKey.count - 1] = !key
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    throw refuse(
                        "alias '*\(name(event.data.alias.anchor))' refused: redflag does not expand YAML aliases; "
                            + "write the value out")
                case YAML_SCALAR_EVENT:
                    if let anchor = event.data.scalar.anchor { throw refuse(anchorMessage(anchor)) }
                    if isKey, event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, event.data.scalar.length == 2,
                        let value = event.data.scalar.value, value[0] == UInt8(ascii: "<"),
                        value[1] == UInt8(ascii: "<")
                    {
                        throw refuse("merge key '<<' refused: redflag does not merge YAML mappings; write the keys out")
                    }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    if let anchor { throw refuse(anchorMessage(anchor)) }
                    if expectingKey.count >= maximumDepth {
                        throw refuse("nested more than \(maximumDepth) levels deep; flatten it")
                    }
                    expectingKey.append(isMapping ? true : nil)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = expectingKey.popLast()
                default:
                    break
                }
            }
        }
    }

    private static func anchorMessage(_ anchor: UnsafeMutablePointer<yaml_char_t>) -> String {
        "anchor '&\(name(anchor))' refused: redflag does not use YAML anchors and aliases; write the value out"
    }

    /// An anchor's name, shortened for a message.
    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        let name = String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return name.count > 40 ? String(name.prefix(40)) + "…" : name
    }
}
