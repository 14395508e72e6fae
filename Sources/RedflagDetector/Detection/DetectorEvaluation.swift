import Foundation
import RedflagCore
import RedflagJournal

/// How well the detector finds untagged incidents in a labelled set: the figures of issue 4.
///
/// An entry counts as *detected* when its best suggestion reaches `threshold`. For detection,
/// a detected incident is a true positive, a detected non-incident a false positive, an undetected
/// incident a false negative. The suggested tag is *correct* when it is one of the entry's tags.
package struct DetectorEvaluation: Hashable, Sendable, Codable {
    /// True/false positives and false negatives, with the usual ratios (0 when undefined).
    package struct Counts: Hashable, Sendable, Codable {
        package var truePositives = 0
        package var falsePositives = 0
        package var falseNegatives = 0

        package init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        package var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        package var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        package var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Figures for one sign.
    package struct SignFigures: Hashable, Sendable, Codable {
        package var sign: String
        /// Entries labelled with the sign.
        package var support = 0
        /// Of those, entries detected as incidents (whatever the tag).
        package var detected = 0
        /// Of those, entries whose suggested tag is one of their tags.
        package var correctTag = 0
        /// Per-sign classification: suggested `sign` and labelled `sign` (TP), suggested `sign` but not
        /// labelled so (FP, including non-incidents), labelled `sign` but not suggested it (FN).
        package var counts = Counts()

        package init(sign: String) { self.sign = sign }

        /// Share of the sign's entries detected as incidents.
        package var detectionRecall: Double { support == 0 ? 0 : Double(detected) / Double(support) }
        /// Share of the sign's detected entries that got a correct tag.
        package var tagAccuracy: Double { detected == 0 ? 0 : Double(correctTag) / Double(detected) }
    }

    package var threshold: Double
    package var entries: Int
    /// "Is an untagged incident" over the whole set.
    package var detection: Counts
    /// Detected incidents, and of those the ones with a correct suggested tag.
    package var detectedIncidents: Int
    package var correctTags: Int
    /// Per sign, in `Vocabulary.signs` order.
    package var signs: [SignFigures]
    /// Detection by language code (entries without one are under `?`).
    package var languages: [String: Counts]
    /// Per `kind` of entry (sets that say it): how many entries, and how many were flagged as
    /// incidents. For `near-miss` (and the other non-incident kinds) the flagged share is the
    /// false-flag rate.
    package var kinds: [String: KindFigures] = [:]

    /// Entries of one kind and how many of them were flagged.
    package struct KindFigures: Hashable, Sendable, Codable {
        package var entries = 0
        package var flagged = 0
        package var rate: Double { entries == 0 ? 0 : Double(flagged) / Double(entries) }
    }

    /// Share of `near-miss` entries flagged as incidents (0 when the set has none).
    package var nearMissFlagRate: Double { kinds["near-miss"]?.rate ?? 0 }

    /// Share of detected incidents with a correct suggested tag.
    package var tagAccuracy: Double { detectedIncidents == 0 ? 0 : Double(correctTags) / Double(detectedIncidents) }

    /// Scores `predictions[i]` (the best suggestion for `examples[i]`, or nil) against the labels.
    package static func score(
        _ examples: [LabeledText], predictions: [IncidentSuggestion?], threshold: Double
    ) -> DetectorEvaluation {
        var detection = Counts()
        var detectedIncidents = 0
        var correctTags = 0
        var languages: [String: Counts] = [:]
        var kinds: [String: KindFigures] = [:]
        let signNames =
            Vocabulary.signs
            + Set(examples.flatMap(\.tags)).subtracting(Vocabulary.signs).sorted()
        var signs = Dictionary(uniqueKeysWithValues: signNames.map { ($0, SignFigures(sign: $0)) })
        for (example, prediction) in zip(examples, predictions) {
            let suggestion = prediction.flatMap { $0.confidence >= threshold ? $0 : nil }
            let isIncident = !example.tags.isEmpty
            let language = example.language ?? "?"
            if let kind = example.kind {
                kinds[kind, default: KindFigures()].entries += 1
                if suggestion != nil { kinds[kind, default: KindFigures()].flagged += 1 }
            }
            switch (isIncident, suggestion != nil) {
            case (true, true):
                detection.truePositives += 1
                languages[language, default: Counts()].truePositives += 1
                detectedIncidents += 1
                if let tag = suggestion?.tag, example.tags.contains(tag) { correctTags += 1 }
            case (false, true):
                detection.falsePositives += 1
                languages[language, default: Counts()].falsePositives += 1
            case (true, false):
                detection.falseNegatives += 1
                languages[language, default: Counts()].falseNegatives += 1
            case (false, false):
                languages[language] = languages[language] ?? Counts()
            }
            for tag in example.tags {
                signs[tag]?.support += 1
                if let suggestion {
                    signs[tag]?.detected += 1
                    if example.tags.contains(suggestion.tag) { signs[tag]?.correctTag += 1 }
                }
                if suggestion?.tag != tag { signs[tag]?.counts.falseNegatives += 1 }
            }
            if let tag = suggestion?.tag {
                if example.tags.contains(tag) {
                    signs[tag]?.counts.truePositives += 1
                } else {
                    signs[tag, default: SignFigures(sign: tag)].counts.falsePositives += 1
                }
            }
        }
        var result = DetectorEvaluation(
            threshold: threshold, entries: examples.count, detection: detection,
            detectedIncidents: detectedIncidents, correctTags: correctTags,
            signs: signNames.compactMap { signs[$0] }, languages: languages)
        result.kinds = kinds
        return result
    }

    /// Runs `detector` on every example and scores its best suggestions.
    package static func evaluate(
        _ detector: some IncidentDetecting, on examples: [LabeledText], threshold: Double
    ) -> DetectorEvaluation {
        score(examples, predictions: examples.map { detector.suggestions(for: $0.text).first }, threshold: threshold)
    }

    /// A plain-text report: overall detection, tag accuracy, per-language and per-sign tables.
    package func render(title: String) -> String {
        func pct(_ value: Double) -> String { String(format: "%.3f", value) }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        func left(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
        }
        var lines: [String] = []
        lines.append("\(title) — \(entries) entries, threshold \(String(format: "%.2f", threshold))")
        lines.append(
            "detection (is an untagged incident): precision \(pct(detection.precision))  "
                + "recall \(pct(detection.recall))  F1 \(pct(detection.f1))  (TP \(detection.truePositives), "
                + "FP \(detection.falsePositives), FN \(detection.falseNegatives))"
        )
        lines.append(
            "correct suggested tag: \(pct(tagAccuracy)) (\(correctTags) of \(detectedIncidents) detected incidents)")
        for language in languages.keys.sorted() {
            guard let counts = languages[language] else { continue }
            lines.append(
                "  \(pad(language, 3)) detection: precision \(pct(counts.precision))  "
                    + "recall \(pct(counts.recall))  F1 \(pct(counts.f1))"
            )
        }
        for kind in kinds.keys.sorted() {
            guard let figures = kinds[kind] else { continue }
            lines.append(
                "  kind \(pad(kind, 13)) \(figures.flagged) of \(figures.entries) flagged (\(pct(figures.rate)))")
        }
        if kinds["near-miss"] != nil { lines.append("near-miss false-flag rate: \(pct(nearMissFlagRate))") }
        lines.append("")
        lines.append(
            pad("sign", 15) + left("n", 4) + left("precision", 11) + left("recall", 8) + left("F1", 7)
                + left("detected", 10) + left("tag ok", 8))
        for figures in signs {
            lines.append(
                pad(figures.sign, 15) + left("\(figures.support)", 4) + left(pct(figures.counts.precision), 11)
                    + left(pct(figures.counts.recall), 8) + left(pct(figures.counts.f1), 7)
                    + left(pct(figures.detectionRecall), 10) + left(pct(figures.tagAccuracy), 8))
        }
        lines.append("")
        lines.append(
            "per sign: precision/recall/F1 of suggesting that tag; detected = share of its entries detected as "
                + "incidents; tag ok = share of those detected with a correct tag."
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
