import Foundation

@testable import RedflagLanguageServer

/// A test client: frames JSON-RPC messages and reads back what a server sent.
enum LSPClient {
    static func frame(_ object: [String: Any]) -> Data {
        JSONRPCFramer.frame((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    static func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) -> Data {
        frame(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    }

    static func notify(_ method: String, _ params: [String: Any] = [:]) -> Data {
        frame(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Every message body in `data`, decoded.
    static func messages(_ data: Data) -> [[String: Any]] {
        var framer = JSONRPCFramer()
        framer.append(data)
        var out: [[String: Any]] = []
        while let frame = framer.next() {
            guard case .message(let body) = frame,
                let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            else { continue }
            out.append(object)
        }
        return out
    }

    /// The diagnostics of each `publishDiagnostics` notification in `messages`, in order.
    static func published(_ messages: [[String: Any]]) -> [[[String: Any]]] {
        messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map {
            ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        }
    }

    static func didOpen(_ uri: String, _ text: String, version: Int = 1) -> Data {
        notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text]])
    }

    static func didChange(_ uri: String, version: Int, _ changes: [[String: Any]]) -> Data {
        notify(
            "textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": changes])
    }

    static func initialize(root: URL) -> Data {
        request(1, "initialize", ["rootUri": root.absoluteString, "capabilities": [String: Any]()])
            + notify("initialized")
    }
}
