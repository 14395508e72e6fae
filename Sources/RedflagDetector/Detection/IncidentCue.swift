import RedflagCore
import RedflagJournal

/// One phrase of the incident lexicon: a small word pattern and how sure a match makes us.
///
/// Pattern syntax (matched against the normalised words of an entry, see `DetectorToken`):
/// - `word` matches that word exactly (case-insensitive, `ё` = `е`);
/// - `stem*` matches any word that starts with `stem` (`просроч*` matches просрочил, просрочка, ...);
/// - `a|b|c*` matches any of the alternatives;
/// - `...` skips up to four words (`competitor* ... cheaper`), `...8` up to eight;
/// - `%money`, `%rival`, `%cheaper`, `%advice` stand for built-in word classes (see `IncidentPattern.macros`);
/// - `~neg` matches a negation word (not, no, never, didn't, не, нет, ...);
/// - `~num` matches a number (`45`, `45d`, `3rd`); `~night` matches a night-time hour (`3am`, `midnight`);
/// - a leading `@` makes the phrase apply even after a first-person subject ("@not been paid");
/// - `;` separates whole alternative phrases ("for free; free of charge").
///
/// `weight` is the confidence (0...1) one unnegated match gives on its own; several matches for one
/// sign combine as independent evidence (1 − Π(1 − wᵢ)).
struct IncidentCue: Hashable, Sendable, Codable {
    var pattern: String
    var weight: Double

    init(_ pattern: String, weight: Double) {
        self.pattern = pattern
        self.weight = weight
    }

    /// The weight given to user phrases from `redflag.yml` when none is written.
    static let defaultUserWeight = 0.8
}
