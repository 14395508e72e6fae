import ArgumentParser
import Foundation
import RedflagCore
import RedflagDetector

/// `swift run RedflagDetectorEval`: precision, recall and F1 of the untagged-incident detector on a
/// labelled JSON Lines set, with and without training on the user's tagged entries.
@main
struct EvaluateDetectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag-detector-eval",
        abstract: "Measure the untagged-incident detector on a labelled JSON Lines set.",
        discussion: """
            Each line of EVAL is {"text": "...", "lang": "en", "tags": ["late"]} ([] = not an incident).
            With --train, the detector also learns from TRAIN (the stand-in for the user's tagged
            entries) and both the lexicon-only and the trained figures are printed.
            Developer tooling: `swift run RedflagDetectorEval SET.jsonl --train TRAIN.jsonl`.
            """)

    @Argument(help: "The labelled evaluation set (JSON Lines).", completion: .file(extensions: ["jsonl"]))
    var eval: String

    @Option(name: .long, help: "Training entries (JSON Lines) standing in for the user's tagged journal.")
    var train: String?

    @Option(help: "Confidence at or above which an entry counts as detected.")
    var threshold: Double = 0.5

    @Flag(help: "List the misclassified entries after the figures.")
    var errors = false

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let examples = try load(eval)
        let lexiconOnly = IncidentDetector()
        var report = DetectorEvaluation.evaluate(lexiconOnly, on: examples, threshold: threshold)
            .render(title: "lexicon only")
        var detector = lexiconOnly
        if let train {
            let training = try load(train)
            let clock = ContinuousClock()
            let started = clock.now
            detector = lexiconOnly.trained(on: training)
            let trained = clock.now
            let result = DetectorEvaluation.evaluate(detector, on: examples, threshold: threshold)
            let scored = clock.now
            report += "\n" + result.render(title: "lexicon + naive Bayes trained on \(training.count) entries")
            standardError(
                "timing: trained on \(training.count) entries in \(seconds(trained - started)), "
                    + "scored \(examples.count) entries in \(seconds(scored - trained))")
        }
        print(report, terminator: "")
        if errors {
            var lines = ["", "misclassified:"]
            for example in examples {
                let best = detector.suggestions(for: example.text).first.flatMap {
                    $0.confidence >= threshold ? $0 : nil
                }
                let wrong = example.tags.isEmpty ? best != nil : !(best.map { example.tags.contains($0.tag) } ?? false)
                guard wrong else { continue }
                let expected = example.tags.isEmpty ? "-" : example.tags.sorted().joined(separator: ",")
                let got = best.map { "\($0.tag) \(String(format: "%.2f", $0.confidence)) «\($0.evidence)»" } ?? "-"
                lines.append("  [\(expected)] got [\(got)]: \(example.text)")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return String(format: "%.2f s", Double(whole) + Double(fraction) / 1e18)
    }

    private func load(_ path: String) throws -> [LabeledText] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            standardError("\(path): error: cannot read the file")
            throw ExitCode(2)
        }
        do {
            return try LabeledText.parseJSONLines(text)
        } catch {
            standardError("\(path):\(error.line): error: \(error.message)")
            throw ExitCode(2)
        }
    }
}

/// Writes one line to standard error.
private func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
