// swift-tools-version: 6.1
import PackageDescription

// The targets follow the pipeline, and every arrow points one way (docs/architecture.md):
//
//   CCmark → RedflagMarkdown ─┐
//   RedflagCore ──────────────┴→ RedflagJournal → RedflagJudgement ─┐
//                                      └→ RedflagDetector → RedflagLint ┴→ RedflagOutput → RedflagKit → redflag
//   CStemmer → RedflagDetector (Snowball stems, Debian libstemmer-dev)
//                                                                             RedflagKit → RedflagLanguageServer → redflag
let package = Package(
    name: "redflag",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redflag", targets: ["redflag"]),
        .library(name: "RedflagKit", targets: ["RedflagKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The C door: libcmark from Debian's libcmark-dev. Only RedflagMarkdown imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The Snowball stemmers (English, Russian) from Debian's libstemmer-dev. Only RedflagDetector imports it.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // cmark tree -> Swift values; safe HTML rendering. The only target that sees C.
        .target(name: "RedflagMarkdown", dependencies: ["CCmark"]),
        // What every stage shares: source text and positions, diagnostics, calendar dates, the signs
        // and the tag vocabulary, slugs, spelling suggestions, redflag.yml as sections.
        .target(
            name: "RedflagCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Notes directory → files → entries with tags and dates → clients. The only user of cmark.
        // swift-crypto: each file's SHA-256 (the input digest, the parse cache's content check).
        .target(
            name: "RedflagJournal",
            dependencies: ["RedflagCore", "RedflagMarkdown", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Timelines, the keep/watch/fire policy, dossiers and the triage. Pure: `asOf` is passed in.
        .target(
            name: "RedflagJudgement",
            dependencies: [
                "RedflagCore", "RedflagJournal",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Untagged-incident detection: a logistic-regression model and the lexicon (bundled data), adapted
        // by naive Bayes on the user's tags, behind `IncidentDetecting`.
        .target(
            name: "RedflagDetector",
            dependencies: ["RedflagCore", "RedflagJournal", "CStemmer"],
            resources: [.copy("Resources")]
        ),
        // Lint rules as types with their own examples, suppressions, fixes.
        .target(name: "RedflagLint", dependencies: ["RedflagCore", "RedflagJournal", "RedflagDetector"]),
        // Every rendered byte: text, Markdown, HTML (templates), JSON, CSV, SARIF; the terminal style.
        .target(
            name: "RedflagOutput",
            dependencies: [
                "RedflagCore", "RedflagJournal", "RedflagJudgement", "RedflagLint", "RedflagMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // The library entry point: `Workspace` (load, judge, lint) and `RedflagError`.
        .target(
            name: "RedflagKit",
            dependencies: ["RedflagCore", "RedflagJournal", "RedflagJudgement", "RedflagLint", "RedflagOutput"]
        ),
        // `redflag lsp`: the Language Server Protocol server (framing, documents, diagnostics,
        // code actions, hover), transport-free so that tests drive it in-process.
        .target(name: "RedflagLanguageServer", dependencies: ["RedflagKit"]),
        // Thin command-line layer: options -> Workspace -> renderer -> stdout/stderr -> exit code.
        .executableTarget(
            name: "redflag",
            dependencies: [
                "RedflagKit",
                "RedflagLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Developer tooling, not part of the product: measures the detector on labelled sets.
        .executableTarget(
            name: "RedflagDetectorEval",
            dependencies: [
                "RedflagCore", "RedflagDetector",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets: running a subprocess (redflag, Chromium, Python) with a deadline.
        .target(name: "RedflagTestSupport", path: "Tests/RedflagTestSupport"),
        .testTarget(
            name: "RedflagKitTests",
            dependencies: [
                "RedflagKit",
                "RedflagLanguageServer",
                "RedflagMarkdown",
                "RedflagTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures"), .copy("Snapshots")]
        ),
        .testTarget(
            name: "RedflagCLITests",
            dependencies: ["redflag", "RedflagTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target exists only when REDFLAG_FUZZ is set, so that `swift build` and `swift test`
// never build or wait for it: `make fuzz` (Fuzz/run.sh) sets it and builds with -sanitize=fuzzer,address.
if Context.environment["REDFLAG_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(name: "RedflagFuzz", dependencies: ["RedflagKit"], path: "Fuzz/RedflagFuzz"))
}
