import Foundation
import RedflagCore
import RedflagJournal
import RedflagJudgement

/// `redflag verify`: a JSON dossier's evidence manifest checked against the notes as they are now.
public struct EvidenceVerification: Sendable {
    /// Every cited entry and what became of it, in the manifest's order.
    public var checks: [EvidenceManifest.Check]
    /// Cited files whose bytes changed (or that are gone): information, entries are checked one by one.
    public var changedFiles: [String]

    /// Checks `manifest` against `journal`. Pure.
    public init(manifest: EvidenceManifest, journal: Journal) {
        checks = manifest.verify(against: journal)
        changedFiles = manifest.changedFiles(in: journal)
    }

    /// True when every cited entry is still there with the same text (moved entries included).
    public var intact: Bool { checks.allSatisfy { $0.status == .intact || $0.status == .moved } }

    /// The evidence manifest of the JSON dossier at `path`.
    public static func manifest(at path: String) throws(RedflagError) -> EvidenceManifest {
        struct Document: Decodable {
            var evidence: EvidenceManifest?
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .evidenceUnreadable(path: path, reason: "cannot read the file")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw .evidenceUnreadable(path: path, reason: "not a JSON dossier (\(Self.describe(error)))")
        }
        guard let evidence = document.evidence else {
            throw .evidenceUnreadable(
                path: path, reason: "the dossier has no evidence manifest (made by an older redflag?)")
        }
        guard evidence.algorithm == "sha256" else {
            throw .evidenceUnreadable(path: path, reason: "unknown digest algorithm '\(evidence.algorithm)'")
        }
        return evidence
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "invalid JSON"
        }
    }
}
