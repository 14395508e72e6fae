import ArgumentParser
import Foundation
import RedflagKit
import RedflagLanguageServer

/// `redflag lsp`: a Language Server Protocol server on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a Language Server over stdio: lint findings as you type, quick fixes, hover on tags.",
        discussion: """
            Editors start it themselves (see docs/lsp.md for VS Code, Neovim, Helix and Obsidian). It reads \
            JSON-RPC messages framed with Content-Length headers from standard input and answers on standard \
            output; it never writes to your notes (quick fixes are edits the editor applies).
            """)

    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let day = try asOf.date()
        let server = LanguageServer(today: { day })
        let input = FileHandle.standardInput
        while true {
            let data = input.availableData
            if data.isEmpty { break }  // end of input: the client is gone
            let reply = server.receive(data)
            if !reply.isEmpty { Console.out(String(decoding: reply, as: UTF8.self)) }
            if let code = server.exitCode { throw ExitCode(code) }
        }
        throw ExitCode(server.exitCode ?? 1)
    }
}
