import Foundation

/// JSON-RPC 2.0 framing as the Language Server Protocol sends it over stdio: a header block
/// (`Content-Length: N`, optionally `Content-Type`, each line ending CRLF), an empty line, then N
/// bytes of UTF-8 JSON.
///
/// Feed it bytes as they arrive (`append`), then take whole message bodies (`next`). A header
/// block without a valid `Content-Length` is skipped and reported as a bad frame, so one broken
/// message never stops the ones after it.
public struct JSONRPCFramer: Sendable {
    /// What `next()` found.
    public enum Frame: Equatable, Sendable {
        /// One message body (JSON bytes).
        case message(Data)
        /// A header block that could not be read (no or invalid `Content-Length`), with why.
        case bad(String)
    }

    /// The longest header block accepted, in bytes: a peer sending more without an empty line is
    /// not speaking the protocol.
    static let maximumHeader = 8192
    /// The largest body accepted, in bytes.
    static let maximumBody = 64 * 1024 * 1024

    private var buffer: [UInt8] = []

    public init() {}

    /// Adds bytes read from the peer.
    public mutating func append(_ data: Data) { buffer += data }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        guard let end = headerEnd() else {
            if buffer.count > Self.maximumHeader {
                buffer.removeAll()
                return .bad("a header block longer than \(Self.maximumHeader) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[..<end.start], as: UTF8.self)
        var length: Int?
        for line in header.split(whereSeparator: { $0 == "\r" || $0 == "\n" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length"
            else { continue }
            length = Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let length, length >= 0, length <= Self.maximumBody else {
            buffer.removeFirst(end.bodyStart)
            return .bad("no valid Content-Length header")
        }
        guard buffer.count - end.bodyStart >= length else { return nil }
        let body = Data(buffer[end.bodyStart..<(end.bodyStart + length)])
        buffer.removeFirst(end.bodyStart + length)
        return .message(body)
    }

    /// Where the header block ends: its last byte and the first byte of the body (after CRLF CRLF,
    /// or LF LF from a lenient peer).
    private func headerEnd() -> (start: Int, bodyStart: Int)? {
        var index = 0
        let limit = min(buffer.count, Self.maximumHeader + 4)
        while index < limit {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// `body` framed for sending: `Content-Length: N\r\n\r\n` then the bytes.
    public static func frame(_ body: Data) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
