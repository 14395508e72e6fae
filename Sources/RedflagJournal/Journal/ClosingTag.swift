import RedflagCore

/// A closing tag as written: `#resolved/lie`, `#forgiven/late`, or, as a sentence reads,
/// `#resolved lie: the CTO left` (the word right after the tag, ending in `:`, names the sign).
///
/// The one parser of the closing syntax: the policy (`Closure`) applies what it names, and lint
/// (`closing-without-sign`) reports a closing that names no sign or an unknown one. Pure syntax:
/// whether the closing applies (date, policy) is decided elsewhere.
public struct ClosingTag: Hashable, Sendable {
    /// `resolved` or `forgiven` (both close the same way).
    public var kind: Sign
    /// The sign as written: the subtype (`lie`, `liar`, `abuse/physical`, `lei`), or the word before
    /// the colon; nil when the tag names no sign.
    public var written: String?
    /// The words that make the closing in the entry's text (`#resolved/lie`, `#resolved lie:`),
    /// left out of the reason.
    public var phrase: String
    /// The canonical sign closed (`lie` for `liar`); nil when `written` names no incident sign.
    public var sign: String?
    /// The subtype closed (`physical` for `abuse/physical`); nil for the whole sign.
    public var subtype: String?

    /// Parses `tag`, found in `text` (its entry's text); nil when `tag` is no closing tag.
    public init?(_ tag: Tag, in text: String) {
        guard let kind = Sign(rawValue: tag.name), kind.isClosing else { return nil }
        self.kind = kind
        if let subtype = tag.subtype, !subtype.isEmpty {
            written = subtype
            phrase = "#" + tag.raw
        } else if let sentence = ClosingTag.writtenSign(after: tag.raw, in: text) {
            written = sentence.sign
            phrase = sentence.phrase
        } else {
            written = nil
            phrase = "#" + tag.raw
        }
        let target = ClosingTag.target(written)
        sign = target?.tag
        subtype = target?.subtype
    }

    /// The sign closed as shown (`lie`, `abuse/physical`); nil when no incident sign is named.
    public var target: String? {
        guard let sign else { return nil }
        return subtype.map { "\(sign)/\($0)" } ?? sign
    }

    /// The sign named in the words after a closing tag without a subtype, as in `#resolved lie: the
    /// CTO left` or `#forgiven late: paid in full`: the word right after the tag, ending in `:`.
    /// A word naming an incident sign wins; otherwise the first such word (`#resolved lei:`), so an
    /// unknown sign is reported as such. Returns the word and the whole phrase (`#resolved lie:`).
    public static func writtenSign(after raw: String, in text: String) -> (sign: String, phrase: String)? {
        var searchStart = text.startIndex
        var first: (sign: String, phrase: String)?
        while let range = text.range(of: "#" + raw, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let rest = text[range.upperBound...]
            guard rest.first == " " else { continue }
            let afterSpaces = rest.drop { $0 == " " }
            let word = afterSpaces.prefix { !$0.isWhitespace && $0 != ":" }
            let end = afterSpaces.dropFirst(word.count)
            guard !word.isEmpty, end.first == ":" else { continue }
            let found = (String(word), String(text[range.lowerBound..<end.index(after: end.startIndex)]))
            if target(found.0) != nil { return found }
            if first == nil { first = found }
        }
        return first
    }

    /// The sign a closing names, resolved through the built-in vocabulary: (`lie`, nil) for `lie`
    /// or `liar`, (`abuse`, `physical`) for `abuse/physical`; nil when it names no incident sign.
    public static func target(_ written: String?) -> (tag: String, subtype: String?)? {
        guard let written, !written.isEmpty else { return nil }
        let resolved = Vocabulary.standard.resolve(written)
        guard Vocabulary.signs.contains(resolved.name) else { return nil }
        return (resolved.name, resolved.subtype)
    }

    /// The incident sign closest in spelling to an unknown `written` sign (`lei` → `lie`), nil when
    /// none is close: the "did you mean" of a closing.
    public static func suggestion(for written: String) -> String? {
        let vocabulary = Vocabulary.standard
        let candidates = (Array(vocabulary.terms.keys) + Array(vocabulary.aliases.keys)).filter {
            target($0) != nil
        }
        return Spelling.closest(to: written, in: candidates).flatMap(target).map { target in
            target.subtype.map { "\(target.tag)/\($0)" } ?? target.tag
        }
    }
}
