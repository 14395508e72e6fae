import Foundation
import RedflagKit
import Testing

/// Front matter and redflag.yml: anchors, aliases and merge keys are refused before anything expands
/// them (an "alias bomb" of a few lines would otherwise take gigabytes); front matter has a size cap;
/// a config with wrong types is an error with its file and line.
@Suite("Hardening: YAML")
struct YAMLHardeningTests {
    /// Nine levels of nine aliases each: 9^9 (387 million) leaves once expanded.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aliasBombInFrontMatterIsRefusedAtItsLine() {
        let outcome = Hostile.run("---\n" + Self.aliasBomb + "---\n2026-01-05 #lie\n", within: 2)
        let error = outcome.file.diagnostics.first { $0.severity == .error }
        #expect(error?.line == 2)
        #expect(error?.message.contains("anchor '&a0' refused") == true, "\(error?.message ?? "")")
        // The entries below the front matter are still read.
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["lie"])
    }

    @Test func aliasBombAsAMappingKeyIsRefused() {
        let yaml = Self.aliasBomb + "? *a9\n: x\n"
        #expect(throws: YAMLError.self) { try YAMLValue.parse(yaml) }
    }

    @Test func aliasBombInRedflagYmlIsAnErrorNamingFileAndLine() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try Configuration.parse("vocabulary:\n  tags: [x]\n" + Self.aliasBomb)
        }
        let first = try #require(error.diagnostics.first)
        #expect(first.file == "redflag.yml")
        #expect(first.line == 3)
        #expect(first.message.contains("anchor"))
    }

    @Test(arguments: [
        ("x: &a 1\n", 1, "anchor '&a' refused"),
        ("x: 1\ny: *a\n", 2, "alias '*a' refused"),
        ("base:\n  a: 1\nother:\n  <<: {a: 2}\n", 4, "merge key '<<' refused"),
        ("list: &l\n  - 1\n", 1, "anchor '&l' refused"),
        ("- &s {a: 1}\n", 1, "anchor '&s' refused"),
    ])
    func anchorsAliasesAndMergeKeysAreRefused(yaml: String, line: Int, message: String) throws {
        let error = try #require(throws: YAMLError.self) { try YAMLValue.parse(yaml) }
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error.message)")
    }

    /// The refusal reads parser events, not characters: `&` and `*` in quoted strings, plain
    /// scalars, comments and block scalars are text.
    @Test(arguments: [
        "client: \"Tom & Jerry *inc*\"\n",
        "client: 'A &b *c'\n",
        "client: Tom & Jerry\n",
        "note: a*b\n",
        "# &anchor *alias <<: x\nclient: x\n",
        "note: |\n  &not an anchor\n  *not an alias\n  <<: not a merge\n",
        "'<<': quoted key is a plain key\n",
        "tags: [late, \"*lie\"]\n",
    ])
    func textThatLooksLikeAnAnchorIsNotRefused(yaml: String) throws {
        #expect(try YAMLValue.parse(yaml) != nil)
    }

    @Test func deepNestingIsRefusedNotRecursed() throws {
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let error = try #require(throws: YAMLError.self) { try YAMLValue.parse("x: " + deep) }
        // libYAML's own limit (1,000) or ours (64): either way an error, and no recursion.
        #expect(error.message.contains("nested more than 64 levels") || error.message.contains("nesting level"))
        let mapping = (0..<100).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(throws: YAMLError.self) { try YAMLValue.parse(mapping) }
    }

    @Test func frontMatterOverTheCapIsNotReadAndSaysTheCap() {
        let big = "---\nclient: x\nnote: " + String(repeating: "a", count: 70_000) + "\n---\n2026-01-05 #late\n"
        let outcome = Hostile.run(big)
        let error = outcome.file.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("over the limit of 64 KiB") == true, "\(error?.message ?? "")")
        #expect(outcome.file.fields.client == nil)
        #expect(outcome.file.entries.flatMap(\.tags).map(\.raw) == ["late"])
    }

    @Test(arguments: [
        "---\n- a\n- b\n---\nx\n",
        "---\njust text\n---\nx\n",
        "---\n---\nx\n",
        "---\n...\nx\n",
        "---\nclient: [unclosed\n---\nx\n",
        "---\nclient: x\n",
        "---\n\tclient: tab\n---\nx\n",
        "---\nclient: a\nclient: b\n---\nx\n",
        "---\n? [a, b]\n: c\n---\nx\n",
        "---\nclient: {a: 1}\nbilling: [1, 2]\nsince: [2024]\ntags: {a: b}\naliases: 5\n---\nx\n",
        "---\ntags: [\"" + String(repeating: "x", count: 200) + "\"]\n---\nx\n",
        "---\r\nclient: crlf\r\n---\r\nx #late\r\n",
        "---\rclient: cr\r---\rx #late\r",
        "---",
        "---\n",
    ])
    func frontMatterShapesNeverCrash(text: String) {
        Hostile.run(text)
    }

    @Test func configurationWithWrongTypesIsAnErrorWithFileAndLine() throws {
        let cases: [(String, Int)] = [
            ("vocabulary: 5\n", 1),
            ("vocabulary:\n  tags: 5\n", 2),
            ("vocabulary:\n  aliases: [a, b]\n", 2),
            ("vocabulary:\n  aliases:\n    x: [a]\n", 3),
        ]
        for (yaml, line) in cases {
            let error = try #require(throws: ConfigurationError.self, "\(yaml)") { try Configuration.parse(yaml) }
            #expect(error.diagnostics.first?.file == "redflag.yml")
            #expect(error.diagnostics.first?.line == line, "\(yaml): \(error.diagnostics)")
        }
    }
}
