import RedflagCore
import RedflagJournal

/// An entry that closes earlier incidents of its client: `#resolved/lie` or `#forgiven/late` (or,
/// as a sentence, `#resolved lie: the CTO left`).
///
/// The tag's subtype (or the word after it, ending in `:`) names the sign closed (a canonical sign,
/// `abuse/physical`, or a built-in alias such as `liar`), as `ClosingTag` parses it; the entry's date is the day it was closed and its text is the reason.
/// Incidents of that sign dated on or before the closing are history: the policy no longer counts
/// them (nor scores them), and every dossier shows them as "closed on … because …". A closing that
/// cannot apply (no sign named, no date, a hard sign while `policy.closing.hard` is false) is still
/// shown, with why it was not applied.
public struct Closure: Hashable, Sendable, Codable {
    /// `resolved` or `forgiven`: the tag the entry used (both close the same way).
    public var kind: Sign
    /// The sign closed, as shown (`lie`, `abuse/physical`); nil when the tag names none.
    public var sign: String?
    /// The closing entry's date; nil for an undated entry (which closes nothing).
    public var date: CalendarDate?
    /// Why: the closing entry's text without the closing tag, whitespace collapsed, cut like a quote.
    public var reason: String
    /// The closing entry.
    public var entry: CitedEntry
    /// The incidents it closed, in date order.
    public var closed: [CitedEntry]
    /// True when the closing took effect.
    public var applied: Bool
    /// Why the closing was not applied; nil when it was.
    public var note: String?

    public init(
        kind: Sign, sign: String?, date: CalendarDate?, reason: String, entry: CitedEntry, closed: [CitedEntry],
        applied: Bool, note: String?
    ) {
        self.kind = kind
        self.sign = sign
        self.date = date
        self.reason = reason
        self.entry = entry
        self.closed = closed
        self.applied = applied
        self.note = note
    }
}
