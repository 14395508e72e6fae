/// Comma-separated values as RFC 4180 writes them, safe to open in a spreadsheet.
public enum CSV {
    /// One record: the fields quoted where needed, joined by commas, ended by CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 quoting; a leading `= + - @` is prefixed with `'` so spreadsheets never run it.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
