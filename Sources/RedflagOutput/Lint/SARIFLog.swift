/// The part of SARIF 2.1.0 that `SARIFReporter` writes, as Encodable values. Optional members are
/// left out when absent, as the SARIF schema expects.
struct SARIFLog: Encodable, Sendable {
    var schema: String
    var version: String
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Text: Encodable, Sendable {
        var text: String
    }

    struct Rule: Encodable, Sendable {
        struct Configuration: Encodable, Sendable {
            var level: String
        }

        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Result: Encodable, Sendable {
        struct Location: Encodable, Sendable {
            var physicalLocation: PhysicalLocation
        }

        struct PhysicalLocation: Encodable, Sendable {
            var artifactLocation: ArtifactLocation
            var region: Region
        }

        struct ArtifactLocation: Encodable, Sendable {
            var uri: String
        }

        struct Region: Encodable, Sendable {
            var startLine: Int
            var startColumn: Int
        }

        struct Properties: Encodable, Sendable {
            var suggestion: Suggestion
        }

        struct Suggestion: Encodable, Sendable {
            var tag: String
            var confidence: Double
        }

        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var properties: Properties?
    }

    struct Run: Encodable, Sendable {
        struct Tool: Encodable, Sendable {
            var driver: Driver
        }

        struct Driver: Encodable, Sendable {
            var name: String
            var version: String
            var informationUri: String
            var rules: [Rule]
        }

        var tool: Tool
        var columnKind: String
        var results: [Result]
    }
}
