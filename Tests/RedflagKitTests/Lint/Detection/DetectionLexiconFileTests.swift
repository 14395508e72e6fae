import Foundation
import Testing

@testable import RedflagCore
@testable import RedflagDetector

/// The built-in lexicon is bundled data (`Resources/lexicon/<sign>.yml`): it loads without a problem,
/// and a damaged file is an internal error with its file and line, never a crash.
@Suite("Detection: the bundled lexicon files")
struct DetectionLexiconFileTests {
    @Test("the bundled files load with no problem, every sign with English and Russian phrases")
    func bundledFilesLoad() {
        #expect(IncidentLexicon.standardProblems.isEmpty, "\(IncidentLexicon.standardProblems)")
        let lexicon = IncidentLexicon.standard
        #expect(lexicon.signs == Vocabulary.signs)
        for sign in Vocabulary.signs {
            #expect(lexicon.cues[sign]?["en"]?.isEmpty == false, "\(sign) has English phrases")
            #expect(lexicon.cues[sign]?["ru"]?.isEmpty == false, "\(sign) has Russian phrases")
        }
        #expect(lexicon.precedence["competitor"] == ["dispute", "abuse", "unreasonable"])
        #expect(!lexicon.personal.contains("legal") && lexicon.personal.contains("late"))
    }

    static let valid = """
        personal: true
        outranks: [dispute]
        cues:
          en:
            - weight: 0.9
              phrases: ["still unpaid", "past due"]
            - weight: 0.45
              phrases: ["chasing"]
          ru: ["просроч*"]
        exclusions:
          en: ["late night"]
        counter-evidence:
          en: ["paid in full"]
        """

    @Test("a sign's file: groups of one weight in order, exclusions, counter-evidence, precedence, person")
    func signFile() {
        let (lexicon, problems) = IncidentLexicon.load(files: [("late.yml", Self.valid)])
        #expect(problems.filter { !$0.message.contains("is missing") }.isEmpty)
        #expect(
            lexicon.cues["late"]?["en"] == [
                IncidentCue("still unpaid", weight: 0.9), IncidentCue("past due", weight: 0.9),
                IncidentCue("chasing", weight: 0.45),
            ])
        #expect(lexicon.cues["late"]?["ru"] == [IncidentCue("просроч*", weight: IncidentCue.defaultUserWeight)])
        #expect(lexicon.exclusions["late"] == ["en": ["late night"]])
        #expect(lexicon.counterEvidence["late"] == ["en": ["paid in full"]])
        #expect(lexicon.precedence["late"] == ["dispute"])
        #expect(lexicon.personal == ["late"])
    }

    @Test("a damaged file is an internal error naming the file and line; the other files still load")
    func damagedFile() throws {
        let (lexicon, problems) = IncidentLexicon.load(files: [
            ("late.yml", "cues:\n  en: [\"unclosed\n"),
            (
                "lie.yml",
                "personal: maybe\ncues:\n  en:\n    - weight: 2\n      phrases: [lied]\n    - lying\ncolour: red\n"
            ),
            ("lateness.yml", "cues: {en: [late]}\n"),
        ])
        #expect(problems.allSatisfy { $0.severity == .error && $0.message.hasPrefix("internal error") })
        #expect(problems.allSatisfy { $0.hint?.contains("bug in redflag") == true })
        let late = try #require(problems.first { $0.file == "RedflagDetector/lexicon/late.yml" })
        #expect(late.line != nil)
        let lie = problems.filter { $0.file == "RedflagDetector/lexicon/lie.yml" }
        #expect(lie.map(\.line) == [1, 4, 7])
        #expect(lie[2].message.contains("unknown key 'colour'"))
        #expect(problems.contains { $0.file.hasSuffix("lateness.yml") && $0.message.contains("not a sign") })
        #expect(problems.contains { $0.file.hasSuffix("abuse.yml") && $0.message.contains("missing") })
        // The valid rest of lie.yml is kept.
        #expect(lexicon.cues["lie"]?["en"] == [IncidentCue("lying", weight: IncidentCue.defaultUserWeight)])
    }

    @Test("a missing folder is one internal error, not a crash")
    func missingFolder() {
        let (lexicon, problems) = IncidentLexicon.load(
            directory: URL(fileURLWithPath: "/nonexistent/redflag-lexicon-\(UUID().uuidString)"))
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("internal error") == true)
        #expect(problems.first?.file.hasPrefix("/nonexistent/redflag-lexicon-") == true)
        #expect(lexicon.cues.isEmpty)
    }

    @Test("a file that is not a mapping, or has no phrases, is reported")
    func wrongShape() {
        let (_, list) = IncidentLexicon.load(files: [("late.yml", "- late\n")])
        #expect(list.contains { $0.file.hasSuffix("late.yml") && $0.message.contains("must be a mapping") })
        let (_, empty) = IncidentLexicon.load(files: [("late.yml", "personal: true\n")])
        #expect(empty.contains { $0.file.hasSuffix("late.yml") && $0.message.contains("no cues") })
    }
}
