extension String {
    /// The string without the whitespace (spaces, tabs, line endings) at its end.
    package func trimmingTrailingWhitespace() -> String {
        var copy = self
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the string: a byte search, far cheaper on
    /// Linux than `contains(_:)` with a string, which goes through Foundation's `CFStringFind`.
    package func containsBytes(_ needle: String) -> Bool {
        // The needle's bytes in place (no array for them: this runs for every block of every note).
        var needle = needle
        return needle.withUTF8 { containsBytes($0) }
    }

    /// True when the byte `byte` occurs in the string's UTF-8.
    package func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    private func containsBytes(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        let base = pattern.startIndex
        let search = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[base + matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
