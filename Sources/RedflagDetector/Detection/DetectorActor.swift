/// Whose act a word of an entry tells: the user's ("I", "мы"), the client's ("he", "client",
/// "заказчик") or a third party's ("a friend", "another freelancer", "коллега"). The incident
/// model's whose-act features (`DetectorFeatures`) pair each content word with the actor named last
/// before it in its sentence, so that "he kicked the ladder I was on" and "I was late to the call"
/// read differently from the same words with no one named.
///
/// Words are matched as the tokenizer writes them (lowercased, `ё` → `е`, `'` for apostrophes),
/// whole: a subject pronoun or a noun in the nominative, the form that names who acts.
enum DetectorActor: UInt8, CaseIterable, Sendable {
    /// The user (first person).
    case me = 1
    /// The client or someone of the client's side.
    case client = 2
    /// A third party: a friend, a colleague, another freelancer.
    case other = 3

    /// The words that name this actor.
    var words: [String] {
        switch self {
        case .me:
            return ["i", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "we're", "we've", "we'd", "we'll", "я", "мы"]
        case .client:
            return [
                "he", "she", "they", "he's", "she's", "they're", "he'd", "she'd", "they'd", "he'll", "she'll",
                "they'll", "they've", "client", "clients", "customer", "customers", "owner", "ceo", "director",
                "он", "она", "они", "клиент", "клиентка", "клиенты", "заказчик", "заказчица", "заказчики",
                "директор", "владелец", "владелица", "руководитель",
            ]
        case .other:
            return [
                "friend", "friends", "friend's", "colleague", "colleagues", "colleague's", "another", "someone",
                "somebody", "neighbour", "neighbor", "друг", "подруга", "приятель", "приятельница", "коллега",
                "коллеги", "знакомый", "знакомая", "знакомые", "сосед", "соседка", "другой", "другая", "другие",
            ]
        }
    }

    /// The short name in a feature's name (`a:cl:` + stem).
    var code: String {
        switch self {
        case .me: return "me"
        case .client: return "cl"
        case .other: return "ot"
        }
    }

    /// Who it is, in an explanation ("whose act: the client").
    var name: String {
        switch self {
        case .me: return "you"
        case .client: return "the client"
        case .other: return "someone else"
        }
    }

    /// How an explanation names the act ("“kicked” (the client's act)").
    var phrase: String {
        switch self {
        case .me: return "your act"
        case .client: return "the client's act"
        case .other: return "someone else's act"
        }
    }

    /// Words that say the act was done to the user: "he yelled at me", "наорал на меня".
    static let objectWords: [String] = ["me", "us", "мне", "меня", "мной", "нас", "нам"]

    /// The actor a word names, if any.
    static func of(_ word: String) -> DetectorActor? {
        var copy = word
        return copy.withUTF8 { of($0) }
    }

    /// The actor the word `bytes` names, if any.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> DetectorActor? {
        if meSet.contains(bytes) { return .me }
        if clientSet.contains(bytes) { return .client }
        if otherSet.contains(bytes) { return .other }
        return nil
    }

    private static let meSet = WordSet(DetectorActor.me.words)
    private static let clientSet = WordSet(DetectorActor.client.words)
    private static let otherSet = WordSet(DetectorActor.other.words)
    static let objectSet = WordSet(objectWords)
}
