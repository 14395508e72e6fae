import PropertyBased
import Testing

@testable import RedflagLint

/// `untagged-incident` reads an entry without its web addresses; the quick check that skips the
/// word split must never skip a text that holds one.
@Suite("Untagged incident: the prose the detector reads")
struct UntaggedIncidentProseTests {
    static let pieces = [
        "https://example.com/terms#late-fees", "(www.acme.io)", "mailto:ap@acme.io", "<http://x>", "www.", "wwww.x",
        "WWW.ACME.IO", "w.w.w", "ww.", "late", "paid", "still unpaid", "45d", ":", "://", "Счёт", " ", "", "\n",
    ]

    @Test("a text the quick check passes has no web address in any word")
    func quickCheckIsSafe() async {
        let texts = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...8)
        await propertyCheck(count: 300, input: texts) { indices in
            let text = indices.map { Self.pieces[$0] }.joined(separator: " ")
            if !UntaggedIncidentRule.mayHoldWebAddress(text) {
                #expect(!text.split(separator: " ").contains(where: UntaggedIncidentRule.isWebAddress))
            }
        }
        #expect(UntaggedIncidentRule.mayHoldWebAddress("see www.acme.io"))
        #expect(UntaggedIncidentRule.mayHoldWebAddress("https://acme.io"))
        #expect(!UntaggedIncidentRule.mayHoldWebAddress("Invoice 2211 still unpaid, 45 days over"))
    }
}
