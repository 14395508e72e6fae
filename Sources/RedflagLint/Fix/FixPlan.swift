import RedflagCore
import RedflagJournal

/// The bytes `--fix` adds to one file: insertions only, so the old file is always a subsequence
/// of the new one.
public struct FixPlan: Hashable, Sendable {
    /// One ` #tag` to insert.
    public struct Insertion: Hashable, Sendable {
        /// Byte offset in the original file (BOM included) where `text` goes.
        public var offset: Int
        public var text: String
        /// The 1-based line the text is added to.
        public var line: Int
        /// The finding's line (the entry's first line).
        public var findingLine: Int
    }

    /// A finding `--fix` leaves alone, and why.
    public struct Skip: Hashable, Sendable {
        public var line: Int
        public var reason: String
    }

    public var path: String
    public var original: [UInt8]
    /// Sorted by offset, at most one per offset.
    public var insertions: [Insertion]
    public var skipped: [Skip]

    /// The new file: the original with every insertion applied.
    public var result: [UInt8] { FixPlanner.apply(insertions, to: original) }

    public var isEmpty: Bool { insertions.isEmpty }
}
