import PropertyBased
import Testing

@testable import RedflagCore
@testable import RedflagJournal

/// For any generated vault, every reported tag points at a `#` in the source that is outside
/// every link, embed, code span, HTML, comment and alt text; and every real tag is found.
@Suite("Vault tag properties")
struct VaultTagPropertyTests {
    /// A piece of a line, and the byte offsets of the `#` of each real tag in it.
    struct Fragment: Sendable {
        var text: String
        var tagOffsets: [Int]
    }

    static let fragments: [Fragment] = [
        Fragment(text: "#late", tagOffsets: [0]),
        Fragment(text: "#lie", tagOffsets: [0]),
        Fragment(text: "(#dispute)", tagOffsets: [1]),
        Fragment(text: "#ложь", tagOffsets: [0]),
        Fragment(text: "#[[late payment]]", tagOffsets: [0]),
        Fragment(text: "*#praise*", tagOffsets: [1]),
        Fragment(text: "plain words", tagOffsets: []),
        Fragment(text: "Счёт №57", tagOffsets: []),
        Fragment(text: "[[#Late payments]]", tagOffsets: []),
        Fragment(text: "[[Page#legal]]", tagOffsets: []),
        Fragment(text: "[[#^block-1]]", tagOffsets: []),
        Fragment(text: "[[Acme#lie|the #acme people]]", tagOffsets: []),
        Fragment(text: "![[scan.png#late]]", tagOffsets: []),
        Fragment(text: "![[Note#Section]]", tagOffsets: []),
        Fragment(text: "[[Page]]#go", tagOffsets: []),
        Fragment(text: "`#lie`", tagOffsets: []),
        Fragment(text: "``a `#lie` b``", tagOffsets: []),
        Fragment(text: "<span title=\"#legal\">", tagOffsets: []),
        Fragment(text: "<!-- #abuse -->", tagOffsets: []),
        Fragment(text: "![#abuse](logo.png)", tagOffsets: []),
        Fragment(text: "![alt #abuse][logo]", tagOffsets: []),
        Fragment(text: "[spec](https://x.example/doc#legal)", tagOffsets: []),
        Fragment(text: "<https://x.example/#legal>", tagOffsets: []),
        Fragment(text: "%% #lie %%", tagOffsets: []),
        Fragment(text: "{{#if late}}", tagOffsets: []),
        Fragment(text: "\"#each\"", tagOffsets: []),
        Fragment(text: "{#heading-id}", tagOffsets: []),
        Fragment(text: "word#lie", tagOffsets: []),
        Fragment(text: "\\#lie", tagOffsets: []),
        Fragment(text: "invoice #1043", tagOffsets: []),
    ]

    static let paths = ["journals/2025_03_05.md", "pages/Acme.md", "Daily/2025-03-06.md", "acme.md", "Clients/B.md"]
    static let openers = ["- ", "", "> ", "## 2025-03-05 ", "1. "]

    /// One file: a path index, then lines of (opener index, fragment indices).
    static let file = zip(
        Gen.int(in: 0...(paths.count - 1)),
        zip(Gen.int(in: 0...(openers.count - 1)), Gen.int(in: 0...(fragments.count - 1)).array(of: 1...6))
            .array(of: 1...8))

    @Test("every reported tag is a real tag, at its #; every real tag is reported")
    func tagsAreExact() async {
        await propertyCheck(count: 300, input: Self.file.array(of: 1...4)) { files in
            var sources: [(String, String)] = []
            var expected: [String: Set<String>] = [:]
            for (pathIndex, lines) in files {
                let path = Self.paths[pathIndex]
                guard !sources.contains(where: { $0.0 == path }) else { continue }
                var text = ""
                var real = Set<String>()
                for (number, (openerIndex, pieces)) in lines.enumerated() {
                    var line = Self.openers[openerIndex]
                    // A line that starts with `<!--` is an HTML block in CommonMark: no tags at all.
                    if let first = pieces.first, Self.fragments[first].text.hasPrefix("<!--") { line += "x " }
                    for (position, index) in pieces.enumerated() {
                        if position > 0 { line += " " }
                        let fragment = Self.fragments[index]
                        for offset in fragment.tagOffsets {
                            real.insert("\(number * 2 + 1):\(line.utf8.count + offset + 1)")
                        }
                        line += fragment.text
                    }
                    // A blank line between lines: each is its own block.
                    text += line + "\n\n"
                }
                sources.append((path, text))
                expected[path] = real
            }
            let parser = JournalParser()
            let layout = NotesLayout.detect(paths: sources.map(\.0))
            let parsed = sources.map {
                parser.parse(
                    path: $0.0, client: NotesDirectory.clientID(forRelativePath: $0.0), bytes: Array($0.1.utf8))
            }
            let journal = NotesDirectory.assemble(root: ".", configuration: .standard, files: parsed, layout: layout)
            for file in journal.files {
                var found = Set<String>()
                for entry in file.entries {
                    for tag in entry.tags where tag.line >= entry.line && tag.line <= entry.endLine {
                        found.insert("\(tag.line):\(tag.column)")
                    }
                }
                // Tags of a dated heading with blocks under it are inherited, not own: count them too.
                for heading in file.headings {
                    for entry in file.entries {
                        for tag in entry.tags where tag.line == heading.line {
                            found.insert("\(tag.line):\(tag.column)")
                        }
                    }
                }
                let real = expected[file.path] ?? []
                #expect(found.isSubset(of: real), "\(file.path): extra \(found.subtracting(real).sorted())")
                #expect(real.isSubset(of: found), "\(file.path): missed \(real.subtracting(found).sorted())")
            }
        }
    }
}
