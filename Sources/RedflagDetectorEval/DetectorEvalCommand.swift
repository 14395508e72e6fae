import ArgumentParser
import Foundation
import RedflagCore
import RedflagDetector

/// `swift run RedflagDetectorEval`: developer tooling for the untagged-incident detector. Measures it
/// on a labelled JSON Lines set (`evaluate`, the default) and exports the model's feature vectors for
/// `scripts/train-detector.py` (`features`).
@main
struct DetectorEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag-detector-eval",
        abstract: "Measure the untagged-incident detector, or export its features for training.",
        subcommands: [EvaluateDetectorCommand.self, ExportFeaturesCommand.self],
        defaultSubcommand: EvaluateDetectorCommand.self)
}

/// `RedflagDetectorEval [evaluate] SET.jsonl [--train TRAIN.jsonl]`: the figures of docs/detector.md.
struct EvaluateDetectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the untagged-incident detector on a labelled JSON Lines set.",
        discussion: """
            Each line of EVAL is {"text": "...", "lang": "en", "tags": ["late"], "kind": "near-miss"} \
            ([] = not an incident; kind is optional). Prints precision, recall and F1 overall, per \
            language and per sign, the share of each kind flagged (near-miss false-flag rate) and the \
            suggested-tag accuracy on detected incidents. With --train, the detector also learns from \
            TRAIN (the stand-in for the user's tagged entries).
            """)

    @Argument(help: "The labelled evaluation set (JSON Lines).", completion: .file(extensions: ["jsonl"]))
    var eval: String

    @Option(name: .long, help: "Training entries (JSON Lines) standing in for the user's tagged journal.")
    var train: String?

    @Option(help: "Confidence at or above which an entry counts as detected.")
    var threshold: Double = 0.5

    @Option(help: "The detector's evidence floor (log-odds beyond the strongest word; -100 turns it off).")
    var evidenceFloor: Double?

    @Option(help: "The least the detector's strongest single cue must add (log-odds; -100 turns it off).")
    var evidenceCue: Double?

    @Flag(help: "List the misclassified entries after the figures.")
    var errors = false

    @Flag(help: "Print the figures as JSON instead of text.")
    var json = false

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let examples = try loadLabelled(eval)
        var detector = IncidentDetector()
        if let evidenceFloor { detector.evidenceFloor = evidenceFloor }
        if let evidenceCue { detector.evidenceCue = evidenceCue }
        var title = "shipped model + lexicon"
        if let train {
            let training = try loadLabelled(train)
            detector = detector.trained(on: training)
            title += ", adapted to \(training.count) tagged entries"
        }
        let clock = ContinuousClock()
        let started = clock.now
        let predictions = examples.map { detector.suggestions(for: $0.text).first }
        let elapsed = clock.now - started
        let result = DetectorEvaluation.score(examples, predictions: predictions, threshold: threshold)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(result.render(title: title), terminator: "")
        }
        standardError("timing: scored \(examples.count) entries in \(seconds(elapsed))")
        if errors {
            var lines = ["", "misclassified:"]
            for (example, prediction) in zip(examples, predictions) {
                let best = prediction.flatMap { $0.confidence >= threshold ? $0 : nil }
                let wrong = example.tags.isEmpty ? best != nil : !(best.map { example.tags.contains($0.tag) } ?? false)
                guard wrong else { continue }
                let expected = example.tags.isEmpty ? "-" : example.tags.sorted().joined(separator: ",")
                let got = best.map { "\($0.tag) \(String(format: "%.2f", $0.confidence)) «\($0.evidence)»" } ?? "-"
                lines.append("  [\(expected)|\(example.kind ?? "?")] got [\(got)]: \(example.text)")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return String(format: "%.2f s", Double(whole) + Double(fraction) / 1e18)
    }
}

/// `RedflagDetectorEval features IN.jsonl > OUT.jsonl`: each entry's feature vector, as the Swift
/// detector computes it, for the training script (so training and inference read the same features).
struct ExportFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Export the model's feature vectors of a labelled set, one JSON object a line.",
        discussion: """
            Each output line is {"i": [indices], "v": [values], "tags": [...], "lang": ..., "kind": ...}, \
            in the order of the input. With --probabilities, also "p": the bundled model's class \
            probabilities (for the parity test).
            """)

    @Argument(help: "A labelled JSON Lines set.", completion: .file(extensions: ["jsonl"]))
    var input: String

    @Flag(help: "Also print the bundled model's class probabilities.")
    var probabilities = false

    func run() throws {
        let examples = try loadLabelled(input)
        let detector = IncidentDetector()
        var output = ""
        for example in examples {
            let (indices, values) = detector.features(for: example.text)
            var object: [String: Any] = [
                "i": indices.map { Int($0) }, "v": values.map { Double($0) }, "tags": example.tags.sorted(),
                "lang": example.language ?? "", "kind": example.kind ?? "",
            ]
            if probabilities { object["p"] = detector.modelProbabilities(for: example.text) }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            output += String(decoding: data, as: UTF8.self) + "\n"
            if output.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Reads a labelled JSON Lines file, or exits 2 naming the file and line.
func loadLabelled(_ path: String) throws -> [LabeledText] {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
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

/// Writes one line to standard error.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
