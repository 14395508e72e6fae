import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector
@testable import RedflagJournal
@testable import RedflagJudgement
@testable import RedflagLint
@testable import RedflagOutput

/// `scan --format jsonl` is written directly for speed; these tests hold it to exactly what
/// `JSONEncoder` produces for the same entries.
@Suite("scan JSON lines")
struct ScanJSONLinesTests {
    static func encoderLines(_ entries: [Entry]) -> String {
        entries.map { JSON.encode(ScanRenderer.EntryJSON($0), pretty: false) + "\n" }.joined()
    }

    @Test func matchesJSONEncoderOnTheSamplesAndTheEverythingFixture() {
        for root in [TestPaths.samples, TestPaths.fixtures.appendingPathComponent("everything")] {
            let entries = NotesDirectory.load(root: root.path).entries
            #expect(entries.count > 10)
            #expect(ScanRenderer.render(entries, format: .jsonl) == Self.encoderLines(entries))
        }
    }

    @Test func escapesLikeJSONEncoder() {
        let awkward =
            "quote \" backslash \\ slash / tab \t cr \r nl \n bell \u{07} esc \u{1B} del \u{7F} "
            + "nbsp \u{A0} ls \u{2028} emoji 🚩 cyrillic ложь nul \u{0} bs \u{08} ff \u{0C}"
        let tag = Tag(name: "lie", subtype: "x\"y", raw: "Lie\\", line: 1, column: 2, isKnown: true)
        let entry = Entry(
            client: ClientID(rawValue: awkward), date: nil, time: "09:30", title: awkward, file: "a/\u{1F}b.md",
            line: 3, endLine: 4,
            text: awkward, markdown: awkward, tags: [tag, tag])
        let direct = ScanRenderer.render([entry], format: .jsonl)
        #expect(direct == Self.encoderLines([entry]))
        let decoded = try? JSONSerialization.jsonObject(with: Data(direct.utf8)) as? [String: Any]
        #expect(decoded?["text"] as? String == awkward)
    }

    @Test func emptyInputIsEmptyOutput() {
        #expect(ScanRenderer.render([], format: .jsonl) == "")
    }
}
