/// What `redflag.yml` says about one client, under `clients:` by id:
///
/// ```yaml
/// clients:
///   acme:
///     name: Acme Corp          # shown instead of the file or folder name
///     aliases: [ACME, Acme Inc] # also accepted by --client, dossier and lint
/// ```
/// Front matter in the client's own notes says the same; `redflag.yml` wins for the name, and
/// aliases from both are kept.
public struct ClientSettings: Hashable, Sendable {
    public var name: String?
    public var aliases: [String]

    public init(name: String? = nil, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }

    static let keys = ["name", "aliases"]

    /// Reads the `clients:` section; problems go to `report` (value, message, hint).
    static func read(
        _ value: YAMLValue, report: (YAMLValue?, String, String?) -> Void
    ) -> [ClientID: ClientSettings] {
        guard let clients = value.pairs else {
            report(value, "'clients' must map a client id to its name and aliases, found \(value.kindName)", nil)
            return [:]
        }
        var result: [ClientID: ClientSettings] = [:]
        for client in clients {
            let id = ClientID(slugging: client.key)
            guard !id.rawValue.isEmpty else {
                report(client.keyValue, "'\(client.key)' is not a client id", "use the file or folder name, e.g. acme")
                continue
            }
            guard let fields = client.value.pairs else {
                report(client.value, "'clients.\(client.key)' must be a mapping with name and aliases", nil)
                continue
            }
            var settings = ClientSettings()
            for field in fields {
                switch field.key {
                case "name":
                    guard let name = field.value.string, !name.isEmpty else {
                        report(field.value, "'clients.\(client.key).name' must be a name", nil)
                        continue
                    }
                    settings.name = name
                case "aliases":
                    let items: [YAMLValue]
                    if case let .sequence(list, _, _) = field.value { items = list } else { items = [field.value] }
                    for item in items {
                        guard let alias = item.string, !alias.isEmpty else {
                            report(item, "an alias is a name, e.g. 'Acme Inc'", nil)
                            continue
                        }
                        settings.aliases.append(alias)
                    }
                default:
                    let suggestion = Spelling.closest(to: field.key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                    report(
                        field.keyValue, "unknown key 'clients.\(client.key).\(field.key)'\(suggestion)",
                        "known keys: \(keys.joined(separator: ", "))")
                }
            }
            result[id] = settings
        }
        return result
    }
}
