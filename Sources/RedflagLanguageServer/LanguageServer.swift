import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement
import RedflagKit
import RedflagLint

/// `redflag lsp`: lint while typing, as a Language Server Protocol server.
///
/// Transport-free and single-threaded: `receive(_:)` takes bytes from the client and returns the
/// bytes to send back (responses and notifications, each framed), so tests drive it in-process and
/// the command only copies stdin to it and its answers to stdout. Handles `initialize`,
/// `initialized`, `shutdown`, `exit`; `textDocument/didOpen`, `didChange` (full or incremental),
/// `didSave`, `didClose`; publishes lint's findings as diagnostics; answers `codeAction` ("add
/// #tag" for an untagged incident, "suppress with a reason" for any finding) and `hover` (a tag's
/// sign and the client's verdict). A malformed message gets an error response (or is dropped, for
/// a notification); nothing a client sends stops the server but `exit`.
public final class LanguageServer {
    /// What the server needs from outside: the day to judge and lint as of.
    public let today: @Sendable () -> CalendarDate
    /// Set by `exit`: the process should end with this status (0 after `shutdown`, else 1).
    public private(set) var exitCode: Int32?

    var framer = JSONRPCFramer()
    var initialized = false
    var shuttingDown = false
    /// The notes directory given by the client at `initialize` (root URI or first workspace folder).
    var rootPath: String?
    var documents: [String: TextDocument] = [:]
    /// The notes as on disk, per notes directory, read once and again after a save.
    var diskJournals: [String: (workspace: Workspace, journal: Journal)] = [:]
    /// The last findings published per document, for code actions.
    var findings: [String: [LintFinding]] = [:]

    public init(today: @escaping @Sendable () -> CalendarDate) {
        self.today = today
    }

    /// Feeds bytes from the client; returns the framed messages to send back, in order.
    public func receive(_ data: Data) -> Data {
        framer.append(data)
        var out = Data()
        while let frame = framer.next() {
            switch frame {
            case .message(let body):
                for message in handle(body: body) { out += JSONRPCFramer.frame(message) }
            case .bad(let reason):
                out += JSONRPCFramer.frame(Self.encode(Self.error(id: NSNull(), code: -32700, "bad frame: \(reason)")))
            }
        }
        return out
    }

    /// Handles one message body; returns the bodies to send.
    func handle(body: Data) -> [Data] {
        guard let object = try? JSONSerialization.jsonObject(with: body) else {
            return [Self.encode(Self.error(id: NSNull(), code: -32700, "parse error: the message is not JSON"))]
        }
        guard let message = object as? [String: Any] else {
            return [Self.encode(Self.error(id: NSNull(), code: -32600, "invalid request: expected a JSON object"))]
        }
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response from the client (we send no requests) or garbage: answer only if it has an id.
            if message["result"] != nil || message["error"] != nil { return [] }
            return [Self.encode(Self.error(id: id ?? NSNull(), code: -32600, "invalid request: no method"))]
        }
        let params = message["params"] as? [String: Any] ?? [:]
        let replies = dispatch(method: method, id: id, params: params)
        return replies.map(Self.encode)
    }

    func dispatch(method: String, id: Any?, params: [String: Any]) -> [[String: Any]] {
        let isRequest = id != nil
        if method == "exit" {
            exitCode = shuttingDown ? 0 : 1
            return []
        }
        if !initialized && method != "initialize" {
            return isRequest ? [Self.error(id: id, code: -32002, "the server is not initialized")] : []
        }
        if shuttingDown {
            return isRequest ? [Self.error(id: id, code: -32600, "the server is shutting down")] : []
        }
        switch method {
        case "initialize":
            return [Self.result(id: id, initialize(params))]
        case "initialized", "$/setTrace", "$/cancelRequest", "workspace/didChangeConfiguration",
            "workspace/didChangeWatchedFiles":
            return []
        case "shutdown":
            shuttingDown = true
            return [Self.result(id: id, NSNull())]
        case "textDocument/didOpen":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
                let text = item["text"] as? String
            else { return [] }
            documents[uri] = TextDocument(uri: uri, text: text, version: item["version"] as? Int ?? 0)
            return [publish(uri)]
        case "textDocument/didChange":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
                var document = documents[uri], let changes = params["contentChanges"] as? [[String: Any]]
            else { return [] }
            for change in changes where !document.apply(change: change) {
                return [Self.logMessage("redflag: ignored a malformed change of \(uri)")]
            }
            document.version = item["version"] as? Int ?? document.version
            documents[uri] = document
            return [publish(uri)]
        case "textDocument/didSave":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String else {
                return []
            }
            if let text = params["text"] as? String { documents[uri]?.text = text }
            // The notes on disk changed: read them again.
            diskJournals.removeAll()
            return documents[uri] == nil ? [] : [publish(uri)]
        case "textDocument/didClose":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String else {
                return []
            }
            documents[uri] = nil
            findings[uri] = nil
            return [Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])]
        case "textDocument/codeAction":
            return [Self.result(id: id, codeActions(params))]
        case "textDocument/hover":
            return [Self.result(id: id, hover(params) ?? NSNull())]
        default:
            return isRequest ? [Self.error(id: id, code: -32601, "method not found: \(method)")] : []
        }
    }

    func initialize(_ params: [String: Any]) -> [String: Any] {
        initialized = true
        if let folders = params["workspaceFolders"] as? [[String: Any]], let uri = folders.first?["uri"] as? String {
            rootPath = TextDocument.path(fromURI: uri)
        } else if let uri = params["rootUri"] as? String {
            rootPath = TextDocument.path(fromURI: uri)
        } else if let path = params["rootPath"] as? String {
            rootPath = path
        }
        return [
            "capabilities": [
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "hoverProvider": true,
            ],
            "serverInfo": ["name": "redflag"],
        ]
    }

    // MARK: - Messages

    static func result(id: Any?, _ result: Any) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id ?? NSNull(), "result": result]
    }

    static func error(id: Any?, code: Int, _ message: String) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id ?? NSNull(), "error": ["code": code, "message": message]]
    }

    static func notification(_ method: String, _ params: Any) -> [String: Any] {
        ["jsonrpc": "2.0", "method": method, "params": params]
    }

    static func logMessage(_ text: String) -> [String: Any] {
        notification("window/logMessage", ["type": 2, "message": text])
    }

    static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
