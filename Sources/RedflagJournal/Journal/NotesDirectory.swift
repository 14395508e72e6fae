import Dispatch
import Foundation
import RedflagCore

/// Reads a notes directory from disk: finds the client files, reads `redflag.yml`, parses every
/// file (in parallel, each independently) and gathers the clients.
///
/// This is the only place in the journal layer that touches the file system. Problems become
/// diagnostics; nothing here stops at the first bad file.
public enum NotesDirectory {
    /// A notes file found on disk.
    public struct FileRef: Hashable, Sendable {
        /// Path relative to the notes directory, `/`-separated.
        public var path: String
        public var client: ClientID
    }

    /// Loads everything under `root`. When `configuration` is nil, `root/redflag.yml` is read
    /// (an invalid one is reported as an error diagnostic and the built-in configuration is used).
    public static func load(root: String, configuration: Configuration? = nil) -> Journal {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            diagnostics.append(
                Diagnostic(
                    .error, file: root, message: "no such directory",
                    hint: "give the folder that holds your client notes (NAME.md files and NAME/ folders)"))
            return Journal(
                root: root, configuration: configuration ?? .standard, clients: [], files: [], diagnostics: diagnostics)
        }
        guard isDirectory.boolValue else {
            diagnostics.append(
                Diagnostic(
                    .error, file: root, message: "not a directory",
                    hint: "give the notes folder, not a file (to lint single files, use 'redflag lint FILE')"))
            return Journal(
                root: root, configuration: configuration ?? .standard, clients: [], files: [], diagnostics: diagnostics)
        }
        let config = configuration ?? readConfiguration(root: root, diagnostics: &diagnostics)
        let refs = discover(root: root, diagnostics: &diagnostics)
        let (files, readProblems) = parse(refs, root: root, vocabulary: config.vocabulary)
        diagnostics += readProblems
        return Journal(
            root: root, configuration: config, clients: clients(from: files, refs: refs, settings: config.clients),
            files: files,
            diagnostics: diagnostics)
    }

    /// Loads only the given files (paths relative to `root`), e.g. for `redflag lint FILE...`.
    public static func load(root: String, paths: [String], configuration: Configuration? = nil) -> Journal {
        var diagnostics: [Diagnostic] = []
        let config = configuration ?? readConfiguration(root: root, diagnostics: &diagnostics)
        let refs = paths.sorted().map { FileRef(path: $0, client: clientID(forRelativePath: $0)) }
        let (files, readProblems) = parse(refs, root: root, vocabulary: config.vocabulary)
        diagnostics += readProblems
        return Journal(
            root: root, configuration: config, clients: clients(from: files, refs: refs, settings: config.clients),
            files: files,
            diagnostics: diagnostics)
    }

    /// The client id of a notes file from its path relative to the notes root:
    /// `acme.md` → acme, `acme/2024-03.md` → acme.
    public static func clientID(forRelativePath path: String) -> ClientID {
        let components = path.split(separator: "/")
        guard let first = components.first else { return ClientID(slugging: path) }
        if components.count == 1, first.lowercased().hasSuffix(".md") {
            return ClientID(slugging: first.dropLast(3))
        }
        return ClientID(slugging: first)
    }

    /// Reads `root/redflag.yml` when present.
    public static func readConfiguration(root: String, diagnostics: inout [Diagnostic]) -> Configuration {
        let path = (root as NSString).appendingPathComponent(Configuration.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(
                Diagnostic(
                    .error, file: Configuration.fileName, message: "cannot read the configuration",
                    hint: "check the file's permissions"))
            return .standard
        }
        do {
            return try Configuration.parse(String(decoding: data, as: UTF8.self), file: Configuration.fileName)
        } catch {
            diagnostics += error.diagnostics
            return .standard
        }
    }

    /// The client files under `root`: top-level `*.md` and every `*.md` below top-level folders,
    /// skipping hidden names and following no symbolic link twice. Sorted by path.
    public static func discover(root: String, diagnostics: inout [Diagnostic]) -> [FileRef] {
        let manager = FileManager.default
        var refs: [FileRef] = []
        let top: [String]
        do {
            top = try manager.contentsOfDirectory(atPath: root).sorted()
        } catch {
            diagnostics.append(
                Diagnostic(.error, file: root, message: "cannot list the directory", hint: "check its permissions"))
            return []
        }
        var visited = Set<String>()
        visited.insert(URL(fileURLWithPath: root).resolvingSymlinksInPath().path)
        for name in top where !name.hasPrefix(".") {
            let full = (root as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else {
                // A broken link to a notes file is reported when it cannot be read, not skipped.
                if name.lowercased().hasSuffix(".md") {
                    refs.append(FileRef(path: name, client: ClientID(slugging: name.dropLast(3))))
                }
                continue
            }
            if isDirectory.boolValue {
                let client = ClientID(slugging: name)
                walk(full, relative: name, client: client, visited: &visited, into: &refs, diagnostics: &diagnostics)
            } else if name.lowercased().hasSuffix(".md") {
                refs.append(FileRef(path: name, client: ClientID(slugging: name.dropLast(3))))
            }
        }
        return refs.sorted { $0.path < $1.path }
    }

    private static func walk(
        _ folder: String, relative: String, client: ClientID, visited: inout Set<String>, into refs: inout [FileRef],
        diagnostics: inout [Diagnostic]
    ) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, file: relative + "/", message: "cannot list the folder; its notes are skipped",
                    hint: "check its permissions"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let path = relative + "/" + name
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else {
                if name.lowercased().hasSuffix(".md") { refs.append(FileRef(path: path, client: client)) }
                continue
            }
            if isDirectory.boolValue {
                walk(full, relative: path, client: client, visited: &visited, into: &refs, diagnostics: &diagnostics)
            } else if name.lowercased().hasSuffix(".md") {
                refs.append(FileRef(path: path, client: client))
            }
        }
    }

    /// Reads and parses files in parallel; the result is in the order of `refs`.
    private static func parse(_ refs: [FileRef], root: String, vocabulary: Vocabulary) -> ([ParsedFile], [Diagnostic]) {
        let parser = JournalParser(vocabulary: vocabulary)
        let results = ResultSlots<Outcome>(count: refs.count)
        DispatchQueue.concurrentPerform(iterations: refs.count) { index in
            let ref = refs[index]
            let full = (root as NSString).appendingPathComponent(ref.path)
            // Reading a FIFO or a device would block forever: only regular files are read.
            let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            let type = (try? FileManager.default.attributesOfItem(atPath: target)[.type]) as? FileAttributeType
            if let type, type != .typeRegular, type != .typeSymbolicLink {  // a broken link fails below
                results[index] = .failed(
                    Diagnostic(
                        .error, file: ref.path, message: "not a regular file; skipped",
                        hint: "notes must be plain .md files; remove or rename this one"))
                return
            }
            guard let data = FileManager.default.contents(atPath: full) else {
                results[index] = .failed(
                    Diagnostic(
                        .error, file: ref.path, message: "cannot read the file; its notes are skipped",
                        hint: "check that it exists and is readable"))
                return
            }
            results[index] = .parsed(parser.parse(path: ref.path, client: ref.client, bytes: [UInt8](data)))
        }
        var files: [ParsedFile] = []
        var problems: [Diagnostic] = []
        for result in results.values {
            switch result {
            case let .parsed(file)?: files.append(file)
            case let .failed(problem)?: problems.append(problem)
            case nil: break
            }
        }
        return (files, problems)
    }

    /// One `Client` per client id, from the front matter of its files in path order (first set wins).
    static func clients(
        from files: [ParsedFile], refs: [FileRef], settings: [ClientID: ClientSettings] = [:]
    ) -> [Client] {
        var byID: [ClientID: Client] = [:]
        for ref in refs where byID[ref.client] == nil {
            let top = ref.path.split(separator: "/").first.map(String.init) ?? ref.path
            let name = top.lowercased().hasSuffix(".md") && !ref.path.contains("/") ? String(top.dropLast(3)) : top
            byID[ref.client] = Client(id: ref.client, name: name)
        }
        var named = Set<ClientID>()
        for file in files {
            guard var client = byID[file.client] else { continue }
            let fields = file.fields
            if let name = fields.client, !name.isEmpty, named.insert(file.client).inserted { client.name = name }
            for alias in fields.aliases where !client.aliases.contains(alias) { client.aliases.append(alias) }
            client.contact = client.contact ?? fields.contact
            client.since = client.since ?? fields.since
            client.billing = client.billing ?? fields.billing
            client.rate = client.rate ?? fields.rate
            client.status = client.status ?? fields.status
            for (key, value) in fields.extra where client.extra[key] == nil { client.extra[key] = value }
            client.files.append(file.path)
            byID[file.client] = client
        }
        for (id, given) in settings {
            guard var client = byID[id] else { continue }
            if let name = given.name { client.name = name }
            for alias in given.aliases where !client.aliases.contains(alias) { client.aliases.append(alias) }
            byID[id] = client
        }
        return byID.values.sorted { $0.id < $1.id }
    }
}

private enum Outcome: Sendable {
    case parsed(ParsedFile)
    case failed(Diagnostic)
}

/// Fixed slots written once each from `concurrentPerform`, read after it returns.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}
