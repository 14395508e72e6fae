import Foundation
import RedflagKit
import Testing

/// Lines end where cmark ends them: `\n`, `\r\n` and a lone `\r`. Every tag keeps its exact line and
/// byte column whatever the endings, and a file with mixed endings reads like its LF twin.
@Suite("Hardening: line endings")
struct LineEndingTests {
    /// Every line ending replaced by `\n`.
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                out.append(0x0A)
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// What a reader of the file sees: tags with positions, entries with dates and lines, headings.
    static func reading(_ file: ParsedFile) -> [String] {
        file.entries.map { entry in
            "\(entry.date?.description ?? "-") \(entry.line)-\(entry.endLine) \(entry.text) "
                + entry.tags.map { "#\($0.raw)@\($0.line):\($0.column)" }.joined(separator: " ")
        } + file.headings.map { "h\($0.level)@\($0.line) \($0.text)" }
            + file.comments.map { "c@\($0.line)-\($0.endLine)" }
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("line-endings/\(name)")))
    }

    @Test(arguments: ["lone-cr.md", "mixed.md"])
    func fixtureReadsLikeItsLFTwin(name: String) throws {
        let bytes = try Self.fixture(name)
        #expect(bytes.contains(0x0D), "the fixture must keep its CRs (see .gitattributes)")
        let file = JournalParser().parse(path: name, client: "c", bytes: bytes)
        let twin = JournalParser().parse(path: name, client: "c", bytes: Self.normalised(bytes))
        #expect(Self.reading(file) == Self.reading(twin))
        #expect(file.diagnostics.map(\.message) == twin.diagnostics.map(\.message))
        #expect(!file.entries.isEmpty)
    }

    @Test func loneCRFileKeepsEveryTagAndItsFrontMatter() throws {
        let file = JournalParser().parse(path: "acme.md", client: "acme", bytes: try Self.fixture("lone-cr.md"))
        #expect(file.fields.client == "Acme")
        #expect(file.fields.billing == .fixed)
        let tags = file.entries.flatMap(\.tags).map(\.raw)
        #expect(tags == ["abuse", "lie", "late", "ghosting"])
        #expect(
            file.entries.compactMap(\.date).map(\.description) == [
                "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08",
            ])
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    }

    @Test func mixedFileLosesNoTag() throws {
        let file = JournalParser().parse(path: "mixed.md", client: "c", bytes: try Self.fixture("mixed.md"))
        let tags = file.entries.flatMap(\.tags).map(\.raw)
        #expect(tags == ["abuse", "abuse/verbal", "lie", "late", "dispute", "legal", "warned", "paid"])
    }

    /// Each tag's line and byte column point at `#raw` in the file's own bytes, with lines cut where
    /// cmark cuts them.
    @Test(arguments: ["lone-cr.md", "mixed.md"])
    func tagPositionsPointAtTheHashInTheOriginalBytes(name: String) throws {
        let bytes = try Self.fixture(name)
        let source = SourceText(String(decoding: bytes, as: UTF8.self))
        let file = JournalParser().parse(path: name, client: "c", bytes: bytes)
        for tag in file.entries.flatMap(\.tags) {
            let lineStart = source.lineStarts[tag.line - 1]
            let at = lineStart + tag.column - 1
            let written = Array("#\(tag.raw)".utf8)
            #expect(
                Array(bytes[at..<min(bytes.count, at + written.count)]) == written,
                "\(tag.raw) at \(tag.line):\(tag.column)")
        }
    }

    @Test func sourceTextEndsLinesLikeCmark() {
        #expect(SourceText("a\rb\r\nc\nd").lineStarts == [0, 2, 5, 7])
        #expect(SourceText("a\r\r\nb").lineStarts == [0, 2, 4])
        #expect(SourceText("a\r").lineStarts == [0])
        #expect(SourceText("a\r").lineCount == 1)
        #expect(SourceText("\r\r").lineCount == 2)
        #expect(SourceText("a\rb").line(2) == "b")
        #expect(SourceText("a\rb").line(1) == "a")
        #expect(SourceText("a\r\nb").line(1) == "a")
        #expect(SourceText("x\ry\rz").lines(2, through: 9) == "y\nz")
        #expect(SourceText("x").lines(5, through: 7) == "")
        #expect(SourceText.lineBreakCount(in: "a\rb\r\nc\n") == 3)
        let text = SourceText("ab\rcd\r\nef")
        #expect(text.location(ofByte: 0) == (1, 1))
        #expect(text.location(ofByte: 3) == (2, 1))
        #expect(text.location(ofByte: 8) == (3, 2))
    }

    /// The `everything` fixture with each line ending picked at random (seeded) reads the same.
    @Test func randomEndingsChangeNothing() throws {
        let root = TestPaths.fixtures.appendingPathComponent("everything")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".md") }
            .sorted()
        var seed: UInt64 = 0x9A
        for name in names {
            let lf = Self.normalised([UInt8](try Data(contentsOf: root.appendingPathComponent(name))))
            let twin = JournalParser().parse(path: name, client: "c", bytes: lf)
            for _ in 0..<4 {
                var mixed: [UInt8] = []
                for byte in lf {
                    guard byte == 0x0A else {
                        mixed.append(byte)
                        continue
                    }
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    switch seed >> 62 {
                    case 0: mixed += [0x0D, 0x0A]
                    case 1: mixed.append(0x0D)
                    // A `\n` right after a lone `\r` would join it into one `\r\n`.
                    default: mixed.append(mixed.last == 0x0D ? 0x0D : 0x0A)
                    }
                }
                let file = JournalParser().parse(path: name, client: "c", bytes: mixed)
                #expect(Self.reading(file) == Self.reading(twin), "\(name)")
            }
        }
    }
}
