import ArgumentParser
import Foundation
import RedflagKit

/// `--as-of DATE`, shared by the commands that judge. Defaults to today's date, read here (and only
/// here) from the system clock in the local time zone.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD); default: today.")
    var asOf: CalendarDate?

    /// The given date, or today.
    var date: CalendarDate {
        if let asOf { return asOf }
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

/// What the judging commands need: the notes, the policy in force, every client's dossier.
struct Judgement {
    var journal: Journal
    var policy: Policy
    var dossiers: [Dossier]
    var asOf: CalendarDate
    var inputDigest: String
    /// True when a notes file had an error: outputs are written, then the command exits with 2.
    var hadErrors: Bool

    /// Loads `notes` and judges every client as of `asOf`. Prints diagnostics to stderr; throws
    /// `ExitCode(2)` without judging when the notes directory or `redflag.yml` is unusable.
    static func load(notes: String, asOf: CalendarDate) throws -> Judgement {
        let (journal, hadErrors) = loadJournal(notes)
        let fatal = journal.diagnostics.contains {
            $0.severity == .error && ($0.file == Configuration.fileName || $0.file == notes)
        }
        if fatal {
            Console.error("error: no verdict: fix the errors above first")
            throw ExitCode(2)
        }
        let policy: Policy
        do {
            policy = try Policy(configuration: journal.configuration)
        } catch {
            Console.report(error.diagnostics, root: notes)
            Console.error("error: no verdict: fix the policy in \(Configuration.fileName) first")
            throw ExitCode(2)
        }
        let inputDigest = InputDigest.of(journal)
        let dossiers = Dossier.all(Timeline.all(in: journal, asOf: asOf), policy: policy, inputDigest: inputDigest)
        return Judgement(
            journal: journal, policy: policy, dossiers: dossiers, asOf: asOf, inputDigest: inputDigest,
            hadErrors: hadErrors)
    }

    var triage: Triage {
        Triage(dossiers, asOf: asOf, policyDigest: policy.digest, inputDigest: inputDigest)
    }

    /// The HTML templates, defaults overridden by `directory`; prints the problem and exits 2 on error.
    static func templates(_ directory: String?) throws -> HTMLTemplates {
        do {
            return try HTMLTemplates.load(overrides: directory)
        } catch {
            Console.error("error: \(error.message)")
            throw ExitCode(2)
        }
    }
}
