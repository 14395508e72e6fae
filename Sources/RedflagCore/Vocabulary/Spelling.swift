/// "Did you mean ...?" suggestions by edit distance.
public enum Spelling {
    /// Damerau–Levenshtein (optimal string alignment) distance over Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The candidates within a distance that scales with length (1 for short words, up to 3),
    /// closest first, ties alphabetical.
    public static func suggestions(for word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let word = word.lowercased()
        let length = word.unicodeScalars.count
        let allowed = max(1, min(3, length / 3))
        return
            candidates
            // The distance is at least the difference in length: skip the far ones without the
            // quadratic comparison (a pasted 100 KB word costs nothing).
            .filter { abs($0.unicodeScalars.count - length) <= allowed }
            .map { (candidate: $0, distance: distance(word, $0.lowercased())) }
            .filter { $0.distance <= allowed && $0.distance > 0 }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(limit)
            .map(\.candidate)
    }

    /// The single closest candidate, if any is close enough.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        suggestions(for: word, in: candidates, limit: 1).first
    }
}
