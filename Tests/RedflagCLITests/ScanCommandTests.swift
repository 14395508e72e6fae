import Foundation
import Testing

@Suite("redflag scan and tags")
struct ScanCommandTests {
    @Test func scanSamplesAsJSONIsValidAndSorted() throws {
        let result = try CLI.run(["scan", "journal-samples", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? Int == 1)
        let entries = object?["entries"] as? [[String: Any]] ?? []
        #expect(entries.count > 150)
        let clients = entries.compactMap { $0["client"] as? String }
        #expect(clients == clients.sorted())
        #expect(Set(clients).count >= 8)
        #expect(!clients.contains("zephyr-yachts"), "hidden folders must be skipped")
    }

    @Test func jsonlIsOneEntryPerLine() throws {
        let result = try CLI.run(["scan", "journal-samples", "--format", "jsonl", "--client", "albers"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 10)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["client"] as? String == "albers")
        }
    }

    @Test func filtersCombine() throws {
        let notes = try CLI.notes([
            "a.md": "## 2024-01-01\n\nx #late\n\n## 2024-02-01\n\ny #late #lie\n\n## 2024-03-01\n\nz\n",
            "b.md": "- 2024-02-15: w #liar\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        func lines(_ arguments: [String]) throws -> [String] {
            let result = try CLI.run(["scan", notes.path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout.split(separator: "\n").map { String($0.prefix(13)) }
        }
        #expect(try lines(["--tag", "lie"]) == ["2024-02-01  a", "2024-02-15  b"])
        #expect(try lines(["--tag", "late", "--tag", "lie", "--all"]) == ["2024-02-01  a"])
        #expect(try lines(["--tag", "late", "--not-tag", "lie"]) == ["2024-01-01  a"])
        #expect(try lines(["--since", "2024-02-01", "--until", "2024-02-28"]) == ["2024-02-01  a", "2024-02-15  b"])
        #expect(try lines(["--untagged"]) == ["2024-03-01  a"])
        #expect(try lines(["--client", "B"]) == ["2024-02-15  b"])
    }

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        let notes = try CLI.notes(["a.md": "- 2024-01-01: =cmd, \"quoted\" #late\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["scan", notes.path, "--format", "csv"])
        #expect(
            result.stdout
                == "client,date,file,line,endLine,tags,text\r\na,2024-01-01,a.md,1,1,late,\"'=cmd, \"\"quoted\"\" #late\"\r\n"
        )
    }

    @Test func unknownClientIsExit2WithSuggestions() throws {
        let result = try CLI.run(["scan", "journal-samples", "--client", "albrs"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown client 'albrs'"))
        #expect(result.stderr.contains("albers"))
    }

    @Test func emptyDirectoryIsAWarningNotAnError() throws {
        let notes = try CLI.notes([:])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["scan", notes.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(notes.path): warning: no client notes found"))
    }

    @Test func missingDirectoryIsExit2() throws {
        let result = try CLI.run(["scan", "/nonexistent/notes"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/notes: error: no such directory"))
    }

    @Test func usageErrorsAreExit64() throws {
        #expect(try CLI.run(["scan", "--format", "xml"]).status == 64)
        #expect(try CLI.run(["scan", "--since", "2024-13-01"]).status == 64)
        #expect(try CLI.run(["no-such-command"]).status == 64)
    }

    @Test func invalidConfigurationIsExit2NamingFileAndLine() throws {
        let notes = try CLI.notes([
            "redflag.yml": "vocabulary:\n  aliases:\n    ghosted: lateness\nextra: 1\n",
            "a.md": "- 2024-01-01: x #late\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let result = try CLI.run(["scan", notes.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("redflag.yml:3:14: error: the alias 'ghosted' points to the unknown tag 'lateness'"))
        #expect(result.stderr.contains("redflag.yml:4:1: error: unknown key 'extra'"))
        #expect(result.stdout.isEmpty, "nothing is listed under a configuration redflag cannot read")
    }

    @Test func unreadableFileIsReportedAndOthersStillProcessed() throws {
        let notes = try CLI.notes(["a.md": "- 2024-01-01: x #late\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        // A broken symbolic link cannot be read, even by root.
        try FileManager.default.createSymbolicLink(
            atPath: notes.appendingPathComponent("b.md").path, withDestinationPath: "/nonexistent/b.md")
        let result = try CLI.run(["scan", notes.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.md: error: cannot read the file"))
        #expect(result.stdout.contains("2024-01-01  a"))
    }

    @Test func aFIFOIsReportedNotReadSoNothingHangs() throws {
        let notes = try CLI.notes(["a.md": "- 2024-01-01: x #late\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        #expect(mkfifo(notes.appendingPathComponent("pipe.md").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: notes.appendingPathComponent("linked.md").path,
            withDestinationPath: notes.appendingPathComponent("pipe.md").path)
        let result = try CLI.run(["scan", notes.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipe.md: error: not a regular file; skipped"))
        #expect(result.stderr.contains("linked.md: error: not a regular file; skipped"))
        #expect(result.stdout.contains("2024-01-01  a"))
    }

    @Test func tagsCountsEntriesAndClientsAndMarksUnknown() throws {
        let result = try CLI.run(["tags", "journal-samples"])
        #expect(result.status == 0)
        let lateLine = result.stdout.split(separator: "\n").first { $0.hasPrefix("late ") }
        #expect(lateLine?.contains("incident") == true)
        #expect(result.stdout.contains("lei"))
        #expect(result.stdout.contains("unknown (did you mean #lie?)"))
    }
}

@Suite("The command line as a new user meets it")
struct FirstUseTests {
    @Test("plain 'redflag' prints help to stderr and exits 64")
    func noArguments() throws {
        let result = try CLI.run([])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("SUBCOMMANDS:"))
    }

    @Test("dossier takes the notes folder first like every command, or finds it from inside")
    func dossierFindsTheNotes() throws {
        let notes = try CLI.notes([
            "redflag.yml": "", "petrov/2026.md": "- 2026-01-02: He lied about the invoice. #lie\n",
        ])
        defer { try? FileManager.default.removeItem(at: notes) }
        let given = try CLI.run(["dossier", notes.path, "petrov", "--as-of", "2026-02-01"])
        #expect(given.status == 0)
        #expect(given.stdout.contains("Fire this client"))
        let inside = try CLI.run(
            ["dossier", "petrov", "--as-of", "2026-02-01"], in: notes.appendingPathComponent("petrov"))
        #expect(inside.status == 0)
        #expect(inside.stdout == given.stdout)
    }

    @Test("--as-of takes today and offsets, and says why a date is refused")
    func asOfWords() throws {
        let notes = try CLI.notes(["acme.md": "- 2026-01-02: fine\n"])
        defer { try? FileManager.default.removeItem(at: notes) }
        #expect(try CLI.run(["triage", notes.path, "--as-of", "today"]).status == 0)
        #expect(try CLI.run(["triage", notes.path, "--as-of=-7d"]).status == 0)
        let bad = try CLI.run(["triage", notes.path, "--as-of", "2026-11-31"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("November has 30 days"))
    }

    @Test("a missing notes folder is one clear error, with no empty listing beside it")
    func missingFolder() throws {
        let result = try CLI.run(["tags", "/no/such/notes"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("/no/such/notes: error: no such directory"))
    }
}
