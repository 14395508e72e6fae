import Foundation
import RedflagTestSupport
import Testing

/// `redflag lsp` end to end: a client speaking JSON-RPC over stdio to the real binary.
@Suite("redflag lsp")
struct LSPCommandTests {
    static func frame(_ object: [String: Any]) throws -> Data {
        let body = try JSONSerialization.data(withJSONObject: object)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static func messages(_ data: Data) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var rest = data[...]
        while let range = rest.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: rest[..<range.lowerBound], as: UTF8.self)
            guard
                let length = Int(
                    header.replacingOccurrences(of: "Content-Length:", with: "").trimmingCharacters(in: .whitespaces))
            else { break }
            let body = rest[range.upperBound...].prefix(length)
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] { out.append(object) }
            rest = rest[range.upperBound...].dropFirst(length)
        }
        return out
    }

    @Test("diagnostics appear and disappear as a document is edited; shutdown and exit end it with 0")
    func endToEnd() throws {
        let notes = try TemporaryNotes.make(["acme.md": "## 2026-03-05\nPaid on time. #paid\n"], prefix: "redflag-lsp")
        defer { try? FileManager.default.removeItem(at: notes) }
        let uri = notes.appendingPathComponent("acme.md").absoluteString
        let clean = "## 2026-03-05\nPaid on time. #paid\n"
        let broken = "## 2026-03-05\nПривет 😀 paid on time. #payed\n"
        var input = Data()
        input += try Self.frame([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": ["rootUri": notes.absoluteString, "capabilities": [String: Any]()],
        ])
        input += try Self.frame(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": clean]],
        ])
        for (version, text) in [(2, broken), (3, clean)] {
            input += try Self.frame([
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]],
            ])
        }
        input += Data("Content-Length: 4\r\n\r\n{no}".utf8)
        input += try Self.frame(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])

        let result = try Subprocess.run(
            CLI.executable.path, ["lsp", "--as-of", "2026-11-29"], environment: nil, directory: notes, input: input,
            timeout: 60)
        #expect(result.status == 0, "\(result.stderrText)")
        let messages = Self.messages(result.stdout)
        let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map {
            ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        }
        #expect(published.count == 3, "\(messages)")
        #expect(published.first?.isEmpty == true)
        let appeared = published.count > 1 ? published[1] : []
        #expect(appeared.contains { $0["code"] as? String == "unknown-tag" }, "\(published)")
        let start = (appeared.first?["range"] as? [String: [String: Int]])?["start"]
        #expect(start == ["line": 1, "character": Array("Привет 😀 paid on time. ".utf16).count])
        #expect(published.last?.isEmpty == true, "disappeared again")
        #expect(messages.contains { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 })
        #expect(messages.contains { $0["id"] as? Int == 2 && $0.keys.contains("result") })
    }

    /// A client that talks to a running `redflag lsp` turn by turn: it sends a message, then waits
    /// (with a deadline) for what the server answers before sending the next.
    final class Session: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        private let lock = NSCondition()
        private var buffer = Data()

        init(directory: URL) throws {
            process.executableURL = CLI.executable
            process.arguments = ["lsp", "--as-of", "2026-11-29"]
            process.currentDirectoryURL = directory
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread { [self] in
                while true {
                    let chunk = output.fileHandleForReading.availableData
                    lock.lock()
                    buffer += chunk
                    lock.broadcast()
                    lock.unlock()
                    if chunk.isEmpty { break }
                }
            }.start()
        }

        func send(_ object: [String: Any]) throws {
            try input.fileHandleForWriting.write(contentsOf: LSPCommandTests.frame(object))
        }

        /// The next whole message, or nil when none came within `seconds`.
        func next(within seconds: Double = 30) -> [String: Any]? {
            let deadline = Date().addingTimeInterval(seconds)
            lock.lock()
            defer { lock.unlock() }
            while true {
                if let range = buffer.range(of: Data("\r\n\r\n".utf8)) {
                    let header = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                    let length =
                        Int(
                            header.replacingOccurrences(of: "Content-Length:", with: "")
                                .trimmingCharacters(in: .whitespaces)) ?? 0
                    if buffer.count - range.upperBound >= length {
                        let body = buffer[range.upperBound..<(range.upperBound + length)]
                        buffer = Data(buffer[(range.upperBound + length)...])
                        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
                    }
                }
                if !lock.wait(until: deadline) { return nil }
            }
        }

        /// The diagnostics of the next `publishDiagnostics`, skipping other messages.
        func nextDiagnostics() -> [[String: Any]]? {
            while let message = next() {
                if message["method"] as? String == "textDocument/publishDiagnostics" {
                    return (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
                }
            }
            return nil
        }

        /// Closes the server's input and, if it is still running after that, kills it.
        func end() {
            try? input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    @Test("turn by turn: each edit is answered with diagnostics before the next is sent")
    func interactive() throws {
        let notes = try TemporaryNotes.make(["acme.md": "## 2026-03-05\nPaid on time. #paid\n"], prefix: "redflag-lsp")
        defer { try? FileManager.default.removeItem(at: notes) }
        let uri = notes.appendingPathComponent("acme.md").absoluteString
        let session = try Session(directory: notes)
        defer { session.end() }
        try session.send([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": ["rootUri": notes.absoluteString, "capabilities": [String: Any]()],
        ])
        #expect(session.next()?["id"] as? Int == 1)
        try session.send([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": [
                    "uri": uri, "languageId": "markdown", "version": 1, "text": "## 2026-03-05\nPaid on time. #paid\n",
                ]
            ],
        ])
        #expect(session.nextDiagnostics()?.isEmpty == true)
        // Type a misspelt tag after an emoji, one character range at a time (incremental sync).
        let line = "Привет 😀 paid. #pai"
        try session.send([
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 19]],
                        "text": line,
                    ]
                ],
            ],
        ])
        let appeared = session.nextDiagnostics() ?? []
        #expect(appeared.contains { $0["code"] as? String == "unknown-tag" }, "\(appeared)")
        let start = (appeared.first?["range"] as? [String: [String: Int]])?["start"]
        #expect(start == ["line": 1, "character": Array("Привет 😀 paid. ".utf16).count])
        let end = Array(line.utf16).count
        try session.send([
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": uri, "version": 3],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": end], "end": ["line": 1, "character": end]],
                        "text": "d",
                    ]
                ],
            ],
        ])
        #expect(session.nextDiagnostics()?.isEmpty == true, "gone once the tag reads #paid")
        try session.send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        #expect(session.next()?["id"] as? Int == 2)
        try session.send(["jsonrpc": "2.0", "method": "exit"])
        let deadline = Date().addingTimeInterval(30)
        while session.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!session.process.isRunning, "exit ends the server")
        if !session.process.isRunning { #expect(session.process.terminationStatus == 0) }
    }
}
