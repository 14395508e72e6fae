import RedflagCore

/// The pipeline step that gives every entry its client, and builds each client's profile.
///
/// The walk finds files; the parser turns each into entries; `Attribution` then decides, for the
/// whole notes directory at once:
/// 1. **By place.** A file in a client's place (`acme.md`, `acme/…`, `Clients/Acme.md`,
///    `pages/Clients___Acme.md`: `NotesLayout.role(of:)`) belongs to that client, and so do all its
///    entries. A shared page whose front matter or `key:: value` properties say it is a client
///    (`client:`, `billing:`, `type: client`, `tags: client`) is that client's own page.
/// 2. **Profiles.** Each client's name, aliases, billing, contact… come from its own files' front
///    matter or page properties, in path order (first set wins); `clients:` in `redflag.yml` gives
///    names and aliases that win over them.
/// 3. **By link.** Every entry of a shared note (daily notes, journals, other pages) goes to the
///    one client it links: `[[Acme]]`, `[[Acme|…]]`, an alias, `[Acme](acme.md)`, `#acme` or
///    `#[[Acme Corp]]` when that names a client, a `client:: [[Acme]]` property. A block that links
///    none takes the client its nearest heading links (`## [[Acme]]`), then the one its page
///    links in front matter. A block linking no client, or two, is left unattributed and listed
///    in `unattributed` for lint, never guessed.
///
/// Pure: no file system, no clock; the same files always give the same result.
public struct Attribution: Sendable {
    public var layout: NotesLayout
    /// Names and aliases `redflag.yml` gives clients by id (`clients:`); they win over front matter.
    public var settings: [ClientID: ClientSettings]

    public init(layout: NotesLayout, settings: [ClientID: ClientSettings] = [:]) {
        self.layout = layout
        self.settings = settings
    }

    /// What attribution produced.
    public struct Result: Hashable, Sendable {
        /// The files, each entry with its client (`""` when unattributed); a file's `client` is
        /// its owner, or `""` for a shared note.
        public var files: [ParsedFile]
        /// Clients sorted by id.
        public var clients: [Client]
        /// Entries of shared notes that no single client claims, in file and line order.
        public var unattributed: [UnattributedEntry]
    }

    /// Attributes `files` (sorted by path).
    public func run(_ files: [ParsedFile]) -> Result {
        // 1. Owners by place, or by a shared page's own front matter. In an Obsidian or Foam vault
        // whose client pages say so (`client:`, `billing:`, `type: client`), a top-level page that
        // does not is a shared note (`readme.md`, `inbox.md`), not a client.
        let pagesMayBeShared =
            layout.enabled && !layout.clientsArePages && (layout.tool == .obsidian || layout.tool == .foam)
        let markedIDs =
            pagesMayBeShared
            ? Set(
                files.compactMap { file -> ClientID? in
                    guard case let .client(id, _) = layout.role(of: file.path), Self.marksClient(file.fields) else {
                        return nil
                    }
                    return id
                }) : []
        let onlyMarked = pagesMayBeShared && !markedIDs.isEmpty
        var owners: [ClientID?] = []
        var byID: [ClientID: Client] = [:]
        var order: [ClientID] = []
        for file in files {
            var owner: ClientID?
            var role = layout.role(of: file.path)
            if onlyMarked, case let .client(id, _) = role, !markedIDs.contains(id) {
                role = .shared(page: NotesLayout.stem(file.path.split(separator: "/").last.map(String.init) ?? ""))
            }
            switch role {
            case let .client(id, name):
                owner = id
                if byID[id] == nil {
                    byID[id] = Client(id: id, name: name)
                    order.append(id)
                }
            case let .shared(page):
                let fields = file.fields
                if layout.enabled, Self.marksClient(fields) {
                    let name = fields.title ?? page.split(separator: "/").last.map(String.init) ?? page
                    let id = ClientID(slugging: name)
                    owner = id
                    if byID[id] == nil {
                        byID[id] = Client(id: id, name: name)
                        order.append(id)
                    }
                }
            case .template:
                owner = nil
            }
            owners.append(owner)
        }
        // 2. Profiles from each client's own files, in path order.
        var named = Set<ClientID>()
        for (file, owner) in zip(files, owners) {
            guard let owner, var client = byID[owner] else { continue }
            let fields = file.fields
            if let name = fields.client, !name.isEmpty, named.insert(owner).inserted { client.name = name }
            for alias in fields.aliases where !client.aliases.contains(alias) { client.aliases.append(alias) }
            client.contact = client.contact ?? fields.contact
            client.since = client.since ?? fields.since
            client.billing = client.billing ?? fields.billing
            client.rate = client.rate ?? fields.rate
            client.status = client.status ?? fields.status
            for (key, value) in fields.extra where client.extra[key] == nil { client.extra[key] = value }
            byID[owner] = client
        }
        for (id, given) in settings {
            guard var client = byID[id] else { continue }
            if let name = given.name { client.name = name }
            for alias in given.aliases where !client.aliases.contains(alias) { client.aliases.append(alias) }
            byID[id] = client
        }
        // The names that lead to each client, for entries of shared notes only (none in plain notes).
        let directory =
            owners.contains(where: { $0 == nil })
            ? ClientDirectory(clients: order.compactMap { byID[$0] }, files: files, owners: owners)
            : ClientDirectory()
        // 3. Entries: by place, else by link.
        var result: [ParsedFile] = []
        var unattributed: [UnattributedEntry] = []
        for (file, owner) in zip(files, owners) {
            var file = file
            if let owner {
                file.client = owner
                for index in file.entries.indices { file.entries[index].client = owner }
                byID[owner]?.files.append(file.path)
            } else {
                file.client = ClientID(rawValue: "")
                if let created = file.fields.created { Self.date(&file, created: created) }
                let pageClients = directory.clients(linkedBy: file.fields.clientLink.map { [$0] } ?? [])
                    .union(directory.clients(namedBy: file.fields.tags.map(\.raw)))
                var claimed = Set<ClientID>()
                for index in file.entries.indices {
                    var entry = file.entries[index]
                    let own = entry.tags.filter { $0.line >= entry.line && $0.line <= entry.endLine }
                    let named = directory.clients(namedBy: own.map(\.raw))
                    let linked = directory.clients(linkedBy: entry.links).union(named)
                    // A tag that names a client is a link to it, not a tag.
                    entry.tags.removeAll { directory.client(tagged: $0.raw) != nil }
                    var candidates = linked
                    if candidates.isEmpty { candidates = directory.clients(linkedBy: entry.headingLinks) }
                    if candidates.isEmpty { candidates = pageClients }
                    if candidates.count == 1, let client = candidates.first {
                        entry.client = client
                        claimed.insert(client)
                    } else {
                        entry.client = ClientID(rawValue: "")
                        unattributed.append(
                            UnattributedEntry(
                                entry: entry,
                                reason: candidates.isEmpty ? .noClient : .severalClients(candidates.sorted())))
                    }
                    file.entries[index] = entry
                }
                for client in claimed { byID[client]?.files.append(file.path) }
            }
            result.append(file)
        }
        for id in byID.keys { byID[id]?.files.sort() }
        return Result(
            files: result, clients: byID.values.sorted { $0.id < $1.id }, unattributed: unattributed)
    }
}

extension Attribution {
    /// Dates the undated entries of a shared note by its `created:`, except those under a heading
    /// whose date is invalid (they stay undated: the writer gave a date, just a wrong one).
    static func date(_ file: inout ParsedFile, created: CalendarDate) {
        for index in file.entries.indices where file.entries[index].date == nil {
            let line = file.entries[index].line
            let heading = file.headings.last { $0.line < line && ($0.date != nil || $0.invalidDate != nil) }
            if heading?.invalidDate == nil { file.entries[index].date = created }
        }
    }

    /// True when a page's front matter or properties say it is a client's: `client: Name` (not a
    /// link to another page), `billing:`, `type: client` or `client` among its tags.
    static func marksClient(_ fields: FrontMatterFields) -> Bool {
        fields.marksClient || (fields.client != nil && fields.clientLink == nil) || fields.billing != nil
    }
}

/// The names that lead to each client: id, display name, aliases and the names of its pages.
private struct ClientDirectory {
    /// Slug of a name → client id (the first client, by path order, that claims it).
    private var byName: [String: ClientID] = [:]

    /// No names: for notes without shared files, where nothing is attributed by link.
    init() {}

    init(clients: [Client], files: [ParsedFile], owners: [ClientID?]) {
        for client in clients {
            for name in [client.id.rawValue, client.name] + client.aliases { claim(name, for: client.id) }
        }
        for (file, owner) in zip(files, owners) {
            guard let owner else { continue }
            let stem = NotesLayout.stem(file.path.split(separator: "/").last.map(String.init) ?? file.path)
            claim(NotesLayout.logseqPageName(stem), for: owner)
            if let title = file.fields.title { claim(title, for: owner) }
        }
    }

    private mutating func claim(_ name: String, for id: ClientID) {
        let key = Slug.make(name)
        guard !key.isEmpty, key != "client", byName[key] == nil else { return }
        byName[key] = id
    }

    /// The client a link names: `Acme`, `acme`, `Clients/Acme`, `acme.md`.
    func client(linked written: String) -> ClientID? {
        var name = written
        if name.lowercased().hasSuffix(".md") { name = String(name.dropLast(3)) }
        if let id = byName[Slug.make(name)] { return id }
        if let last = name.split(separator: "/").last, let id = byName[Slug.make(String(last))] { return id }
        return nil
    }

    /// The client a tag names: `#acme`, `#[[Acme Corp]]` (a nested tag `#client/acme` stays a tag).
    func client(tagged raw: String) -> ClientID? {
        var name = raw
        if name.hasPrefix("[["), name.hasSuffix("]]"), name.count >= 4 {
            name = String(name.dropFirst(2).dropLast(2))
        } else if name.contains("/") {
            return nil
        }
        return byName[Slug.make(name)]
    }

    func clients(linkedBy pages: [String]) -> Set<ClientID> {
        Set(pages.compactMap(client(linked:)))
    }

    func clients(namedBy tags: [String]) -> Set<ClientID> {
        Set(tags.compactMap(client(tagged:)))
    }
}
