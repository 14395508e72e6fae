import ArgumentParser
import Foundation
import RedflagKit

/// `redflag dossier CLIENT`: one client's verdict, reasons, summary and timeline.
struct DossierCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Show one client's verdict with its evidence, summary and full timeline.",
        discussion: """
            CLIENT is an id, a name or an alias (case-insensitive). The dossier states the as-of date,
            the policy digest and the input digest. See docs/dossier.md for the formats.
            """)

    @Argument(help: "The client: id, name or alias.")
    var client: String

    @Option(help: "The notes directory.", completion: .directory)
    var notes: String = "."

    @Option(help: "Output format.")
    var format: Format = .md

    @Option(help: "Write to this file instead of standard output (its folder must exist).", completion: .file())
    var output: String?

    @OptionGroup var asOf: AsOfOption

    @Option(
        help: "A folder of Mustache templates overriding the defaults by file name (HTML only).",
        completion: .directory)
    var template: String?

    func run() throws {
        let judgement = try Judgement.load(notes: notes, asOf: asOf.date)
        guard let match = judgement.journal.client(matching: client),
            let dossier = judgement.dossiers.first(where: { $0.client.id == match.id })
        else {
            let close = judgement.journal.closestClients(to: client)
            let hint =
                close.isEmpty
                ? "run 'redflag triage' to list the clients" : "did you mean \(close.joined(separator: ", "))?"
            Console.error("error: unknown client '\(client)'\n  hint: \(hint)")
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .md: text = DossierMarkdownRenderer.render(dossier)
        case .json: text = DossierJSONRenderer.render(dossier)
        case .html: text = DossierHTMLRenderer.render(dossier, templates: try Judgement.templates(template))
        }
        if let output {
            try OutputFile.write(text, to: output, notes: notes)
        } else {
            Console.out(text)
        }
        if judgement.hadErrors { throw ExitCode(2) }
    }
}

/// Writes a command's output file: the folder must exist, the notes directory is never written to.
enum OutputFile {
    static func write(_ text: String, to path: String, notes: String) throws {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            Console.error("error: \(path): the folder \(parent.path) does not exist\n  hint: create it first")
            throw ExitCode(2)
        }
        var target = parent.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
            target = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        }
        if SitePaths.isInside(target, URL(fileURLWithPath: notes).resolvingSymlinksInPath().path) {
            Console.error("error: \(path): refusing to write inside the notes directory\n  hint: write it elsewhere")
            throw ExitCode(2)
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            Console.error("error: \(path): cannot write the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }
}
