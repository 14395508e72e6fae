extension String {
    /// The string without the whitespace (spaces, tabs, line endings) at its end.
    package func trimmingTrailingWhitespace() -> String {
        var copy = self
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}
