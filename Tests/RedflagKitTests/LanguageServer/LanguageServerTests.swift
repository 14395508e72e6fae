import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagLanguageServer

/// `redflag lsp` in-process: framing, UTF-16 positions, diagnostics, code actions, hover, bad input.
@Suite("Language server")
struct LanguageServerTests {
    /// A line with Cyrillic (2 UTF-8 bytes, 1 UTF-16 unit each) and an emoji (4 bytes, 2 units).
    static let line = "Привет 😀 he lied again: said the invoice was approved, finance never saw it #lei"

    static let acme = """
        ---
        client: Acme
        ---
        ## 2026-03-05
        \(line)

        ## 2026-04-01
        Paid on time. #paid
        """

    static func setUp() throws -> (LanguageServer, URL, String) {
        let root = try TestPaths.temporaryDirectory()
        try Data(acme.utf8).write(to: root.appendingPathComponent("acme.md"))
        let server = LanguageServer(today: { Make.asOf })
        let opened = LSPClient.messages(server.receive(LSPClient.initialize(root: root)))
        #expect(opened.count == 1)
        let uri = root.appendingPathComponent("acme.md").absoluteString
        return (server, root, uri)
    }

    @Test("framing: split and joined frames, a frame without Content-Length is an error and the next one still counts")
    func framing() {
        var framer = JSONRPCFramer()
        let one = LSPClient.request(1, "a")
        let two = LSPClient.request(2, "b")
        let both = one + Data("Content-Type: x\r\n\r\n".utf8) + two
        framer.append(both.prefix(5))
        #expect(framer.next() == nil)
        framer.append(both.dropFirst(5))
        guard case .message = framer.next() else {
            Issue.record("expected a message")
            return
        }
        #expect(framer.next() == .bad("no valid Content-Length header"))
        guard case .message = framer.next() else {
            Issue.record("expected the message after the bad frame")
            return
        }
        #expect(framer.next() == nil)
    }

    @Test("positions are UTF-16 code units: Cyrillic and emoji lines convert both ways")
    func utf16() {
        let document = TextDocument(uri: "file:///x.md", text: "a\r\n" + Self.line + "\n", version: 1)
        // `#lei`: the byte column redflag reports → the UTF-16 character the protocol expects.
        let bytes = Array(Self.line.utf8)
        let hashByte = (bytes.firstIndex(of: UInt8(ascii: "#")) ?? 0) + 1
        let expected = Array(Self.line.utf16).firstIndex(of: UInt16(UInt8(ascii: "#"))) ?? -1
        #expect(document.position(line: 2, column: hashByte) == .init(line: 1, character: expected))
        #expect(document.location(.init(line: 1, character: expected)) == (2, hashByte))
        // After the emoji (2 units) and the Cyrillic (6 units + space).
        #expect(document.position(line: 2, column: Array("Привет 😀".utf8).count + 1).character == 9)
        #expect(document.lines.count == 3 && document.lines[0] == "a")
    }

    @Test("incremental changes apply at UTF-16 positions, also after an emoji and across CRLF")
    func incremental() {
        var document = TextDocument(uri: "file:///x.md", text: "😀 ab\r\nпривет\n", version: 1)
        var applied = document.apply(change: [
            "range": ["start": ["line": 0, "character": 3], "end": ["line": 0, "character": 4]], "text": "X",
        ])
        #expect(applied)
        #expect(document.text == "😀 Xb\r\nпривет\n")
        applied = document.apply(change: [
            "range": ["start": ["line": 1, "character": 1], "end": ["line": 1, "character": 3]], "text": "",
        ])
        #expect(applied)
        #expect(document.text == "😀 Xb\r\nпвет\n")
        applied = document.apply(change: ["text": "whole"])
        #expect(applied && document.text == "whole")
        applied = document.apply(change: ["range": "nonsense", "text": "x"])
        #expect(!applied)
    }

    @Test("diagnostics appear, disappear as the document is fixed, and clear on close")
    func diagnostics() throws {
        let (server, root, uri) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        var published = LSPClient.published(LSPClient.messages(server.receive(LSPClient.didOpen(uri, Self.acme))))
        let codes = Set(published.last?.compactMap { $0["code"] as? String } ?? [])
        #expect(codes.contains("unknown-tag") && codes.contains("untagged-incident"), "\(published)")
        let unknown = try #require(published.last?.first { $0["code"] as? String == "unknown-tag" })
        let range = try #require(unknown["range"] as? [String: [String: Int]])
        let hash = Array(Self.line.utf16).firstIndex(of: UInt16(UInt8(ascii: "#"))) ?? -1
        #expect(range["start"] == ["line": 4, "character": hash])
        #expect(range["end"] == ["line": 4, "character": hash + 4])

        // Fix the tag: `#lei` → `#lie`, an incremental edit of one character range.
        let fix: [String: Any] = [
            "range": ["start": ["line": 4, "character": hash + 1], "end": ["line": 4, "character": hash + 4]],
            "text": "lie",
        ]
        published = LSPClient.published(LSPClient.messages(server.receive(LSPClient.didChange(uri, version: 2, [fix]))))
        #expect(published.last?.isEmpty == true, "\(published)")
        // Break it again, with a full-text change.
        let broken = Self.acme.replacingOccurrences(of: "#paid", with: "#payed")
        published = LSPClient.published(
            LSPClient.messages(server.receive(LSPClient.didChange(uri, version: 3, [["text": broken]]))))
        #expect(published.last?.contains { $0["code"] as? String == "unknown-tag" } == true)
        published = LSPClient.published(
            LSPClient.messages(
                server.receive(LSPClient.notify("textDocument/didClose", ["textDocument": ["uri": uri]]))))
        #expect(published.count == 1 && published.first?.isEmpty == true)
    }

    @Test("code actions: add the suggested tag where lint --fix would, or suppress with a reason")
    func codeActions() throws {
        let (server, root, uri) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = server.receive(LSPClient.didOpen(uri, Self.acme))
        let request = LSPClient.request(
            7, "textDocument/codeAction",
            [
                "textDocument": ["uri": uri],
                "range": ["start": ["line": 4, "character": 0], "end": ["line": 4, "character": 0]],
                "context": ["diagnostics": [Any]()],
            ])
        let reply = try #require(LSPClient.messages(server.receive(request)).first)
        let actions = try #require(reply["result"] as? [[String: Any]])
        let titles = actions.compactMap { $0["title"] as? String }
        #expect(titles.contains("Add #lie"), "\(titles)")
        #expect(titles.contains("Suppress unknown-tag here, with a reason"))
        let add = try #require(actions.first { $0["title"] as? String == "Add #lie" })
        let changes = (add["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]]
        let edit = try #require(changes?[uri]?.first)
        #expect(edit["newText"] as? String == " #lie")
        let end = Self.line.utf16.count
        #expect((edit["range"] as? [String: [String: Int]])?["start"] == ["line": 4, "character": end])
        let suppress = try #require(actions.first { ($0["title"] as? String)?.hasPrefix("Suppress untagged") == true })
        let suppressEdit = ((suppress["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[uri]?.first
        #expect(
            (suppressEdit?["newText"] as? String)?.hasPrefix("<!-- redflag-disable-next-line untagged-incident -- ")
                == true)
    }

    @Test("hover on a tag shows the sign and the client's verdict")
    func hover() throws {
        let (server, root, uri) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = server.receive(LSPClient.didOpen(uri, Self.acme.replacingOccurrences(of: "#lei", with: "#lie")))
        let request = LSPClient.request(
            8, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 7, "character": 16]])
        let reply = try #require(LSPClient.messages(server.receive(request)).first)
        let value = ((reply["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(value.contains("#paid") && value.contains("paid on time"), "\(value)")
        #expect(value.contains("Acme: **FIRE**"), "\(value)")
        let nothing = LSPClient.request(
            9, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 7, "character": 1]])
        #expect(LSPClient.messages(server.receive(nothing)).first?["result"] is NSNull)
    }

    @Test("bad messages get error responses and never stop the server; exit after shutdown is 0")
    func badMessages() throws {
        let server = LanguageServer(today: { Make.asOf })
        var replies = LSPClient.messages(server.receive(LSPClient.request(1, "textDocument/hover")))
        #expect((replies.first?["error"] as? [String: Any])?["code"] as? Int == -32002)
        let junk =
            Data("Content-Length: 5\r\n\r\n{oops".utf8) + Data("Content-Length: 2\r\n\r\n[]".utf8)
            + Data("X: y\r\n\r\n".utf8) + LSPClient.frame(["jsonrpc": "2.0", "id": 2])
            + LSPClient.request(3, "initialize")
            + LSPClient.request(4, "no/such") + LSPClient.notify("no/such")
            + LSPClient.notify("textDocument/didChange", ["textDocument": ["uri": 5]])
        replies = LSPClient.messages(server.receive(junk))
        let codes = replies.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(codes == [-32700, -32600, -32700, -32600, -32601])
        #expect(replies.contains { ($0["result"] as? [String: Any])?["capabilities"] != nil })
        #expect(server.exitCode == nil)
        _ = server.receive(LSPClient.request(5, "shutdown") + LSPClient.notify("exit"))
        #expect(server.exitCode == 0)
    }
}
