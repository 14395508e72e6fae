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
}
