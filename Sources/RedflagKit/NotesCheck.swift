import Foundation
import RedflagCore
import RedflagJournal

/// Warnings about the notes directory as a whole: pointed at the wrong folder, or none at all.
///
/// Run one folder too high, redflag would read `notes/`, `notes-copy/` and `c2/` as three clients
/// all named after the first client inside them. These checks say so instead of judging nonsense.
enum NotesCheck {
    static func warnings(_ journal: Journal) -> [Diagnostic] {
        if journal.files.isEmpty {
            if journal.allDiagnostics.contains(where: { $0.severity == .error }) { return [] }
            return [
                Diagnostic(
                    .warning, file: journal.root, message: "no client notes found",
                    hint: "a notes directory holds one NAME.md file or NAME/ folder of .md files per client")
            ]
        }
        var warnings: [Diagnostic] = []
        let byClient = Dictionary(grouping: journal.files, by: \.client)
        for client in journal.clients {
            let files = byClient[client.id] ?? []
            guard let folder = files.first?.path.split(separator: "/").first, files.contains(where: \.isInFolder)
            else { continue }
            let config = (journal.root as NSString).appendingPathComponent("\(folder)/\(Configuration.fileName)")
            let names = Set(files.compactMap(\.fields.client).filter { !$0.isEmpty })
            if FileManager.default.fileExists(atPath: config) {
                warnings.append(
                    Diagnostic(
                        .warning, file: "\(folder)/",
                        message: "this client folder has its own \(Configuration.fileName)",
                        hint: "it looks like a whole notes directory: run redflag on it (redflag triage \(folder))"))
            } else if names.count >= 2 {
                let listed = names.sorted().prefix(3).joined(separator: ", ")
                warnings.append(
                    Diagnostic(
                        .warning, file: "\(folder)/",
                        message:
                            "the client '\(client.id)' holds notes of \(names.count) different clients (\(listed))",
                        hint: "it looks like a whole notes directory: is the notes folder one level too high?"))
            }
        }
        let sameName = Dictionary(grouping: journal.clients, by: { $0.name.lowercased() }).values.filter {
            $0.count > 1
        }
        for clients in sameName.sorted(by: { $0[0].id < $1[0].id }) {
            warnings.append(
                Diagnostic(
                    .warning, file: journal.root,
                    message: "\(clients.count) clients are named '\(clients[0].name)': "
                        + clients.map(\.id.rawValue).joined(separator: ", "),
                    hint: "merge their notes, or rename one (front matter 'client:'); "
                        + "copies of a notes folder inside it are read as clients too"))
        }
        return warnings
    }
}

extension ParsedFile {
    /// True when the file lies in a client folder (`acme/2024.md`), not at the top (`acme.md`).
    fileprivate var isInFolder: Bool { path.contains("/") }
}
