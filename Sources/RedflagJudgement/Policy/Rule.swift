import RedflagCore
import RedflagJournal

/// One rule of the policy: how often a sign may appear before a client is watched or fired.
///
/// A rule counts the entries tagged `tag` (filtered by `subtypes`) dated within the `window` days
/// ending at `asOf` (or ever, when `window` is nil). At `thresholds.watch` entries the outcome is
/// *watch*, at `thresholds.fire` it is *fire*; a nil threshold is never reached. Clients billed by
/// the hour use `hourly` instead of `thresholds` when it is set (the `changed-mind` sign).
public struct Rule: Hashable, Sendable, Codable {
    /// Which subtypes of `tag` a rule counts.
    public enum SubtypeFilter: Hashable, Sendable, Codable {
        /// Every entry with the tag.
        case any
        /// Only entries whose tag has exactly this subtype.
        case only(String)
        /// Entries whose tag has no subtype or any other subtype than these.
        case excluding([String])

        /// True when a tag with `subtype` passes the filter.
        public func matches(_ subtype: String?) -> Bool {
            switch self {
            case .any: true
            case .only(let wanted): subtype == wanted
            case .excluding(let unwanted): subtype.map { !unwanted.contains($0) } ?? true
            }
        }
    }

    /// An extra way for a rule to fire besides its count.
    public enum Escalation: String, Hashable, Sendable, Codable {
        /// Fire when an incident happens again after an entry tagged `#warned` that came after an
        /// earlier incident (ordered by date, then file, then line), whatever the window.
        case repeatAfterWarning = "repeat-after-warning"
    }

    /// Entry counts at which a rule reaches *watch* and *fire*; nil means never.
    public struct Thresholds: Hashable, Sendable, Codable {
        public var watch: Int?
        public var fire: Int?

        public init(watch: Int?, fire: Int?) {
            self.watch = watch
            self.fire = fire
        }

        /// The outcome for `count` matching entries.
        public func outcome(for count: Int) -> Verdict {
            if let fire, count >= fire { return .fire }
            if let watch, count >= watch { return .watch }
            return .keep
        }
    }

    /// Stable identifier used in `redflag.yml`, outputs and the digest (`late`, `abuse-verbal`).
    public var id: String
    /// The canonical tag counted.
    public var tag: String
    public var subtypes: SubtypeFilter
    public var thresholds: Thresholds
    /// Thresholds for clients billed by the hour; nil to use `thresholds` for every client.
    public var hourly: Thresholds?
    /// Days of the rolling window ending at `asOf`; nil counts every entry ever.
    public var window: Int?
    /// How much one matching incident adds to the score (before recency decay).
    public var weight: Double
    /// The sign's meaning in one sentence, shown with every reason.
    public var principle: String
    /// True when the sign is about money (`late`, `dispute`): its reasons say whether something is
    /// still owed (`Reason.owed`), so advice to collect is given only while it is.
    public var concernsPayment: Bool
    public var escalation: Escalation?
    /// A hard rule (SIGNS.md signs 1, 3, 6, 9, 10): positive context never softens it.
    public var isHard: Bool
    /// True when positive context never softens this rule's *watch* either, although it is not a
    /// hard rule (`ignored-advice`: "help, then do not renew" holds however good the months since).
    public var neverSoftened: Bool
    /// A disabled rule counts nothing and adds nothing to the score.
    public var enabled: Bool
    /// Where each overridable value came from, by key (`watch`, `fire`, `window`, `weight`,
    /// `enabled`, `hourly.watch`, `hourly.fire`); a missing key means the default.
    public var origins: [String: ValueOrigin]

    public init(
        id: String, tag: String, subtypes: SubtypeFilter = .any, thresholds: Thresholds,
        hourly: Thresholds? = nil, window: Int?, weight: Double, principle: String,
        concernsPayment: Bool = false, escalation: Escalation? = nil, isHard: Bool = false,
        neverSoftened: Bool = false, enabled: Bool = true, origins: [String: ValueOrigin] = [:]
    ) {
        self.id = id
        self.tag = tag
        self.subtypes = subtypes
        self.thresholds = thresholds
        self.hourly = hourly
        self.window = window
        self.weight = weight
        self.principle = principle
        self.concernsPayment = concernsPayment
        self.escalation = escalation
        self.isHard = isHard
        self.neverSoftened = neverSoftened
        self.enabled = enabled
        self.origins = origins
    }

    /// `tag` or `tag/subtype` as shown to users (`abuse/physical`, `abuse/verbal`, `late`).
    public var displayTag: String {
        switch subtypes {
        case .any: tag
        case .only(let subtype): "\(tag)/\(subtype)"
        case .excluding: tag == Sign.abuse.tag ? "\(tag)/\(Sign.verbalAbuse)" : tag
        }
    }

    /// The thresholds that apply to a client billed as `billing` (unknown billing uses `thresholds`).
    public func thresholds(for billing: Billing?) -> Thresholds {
        billing == .hourly ? (hourly ?? thresholds) : thresholds
    }

    /// Where the value under `key` came from.
    public func origin(of key: String) -> ValueOrigin { origins[key] ?? .default }

    /// True when `entry` carries this rule's tag with a matching subtype.
    public func matches(_ entry: Entry) -> Bool {
        entry.tags.contains(where: matches)
    }

    /// True when `tag` is this rule's tag with a matching subtype.
    public func matches(_ tag: Tag) -> Bool {
        tag.name == self.tag && subtypes.matches(tag.subtype)
    }

    /// True when positive context may soften this rule's *watch* (neither hard nor `neverSoftened`).
    public var isSoftenable: Bool { !isHard && !neverSoftened }
}
