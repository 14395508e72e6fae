// swift-tools-version: 6.1
import PackageDescription

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
        // cmark tree -> Swift values; safe HTML rendering. The only target that sees C.
        .target(
            name: "RedflagMarkdown",
            dependencies: ["CCmark"]
        ),
        // All domain logic: journal grammar, timelines, policy, renderers, lint. Pure.
        .target(
            name: "RedflagKit",
            dependencies: [
                "RedflagMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // Thin command-line layer: load -> call the kit -> print -> exit code.
        .executableTarget(
            name: "redflag",
            dependencies: [
                "RedflagKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RedflagKitTests",
            dependencies: [
                "RedflagKit",
                "RedflagMarkdown",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures"), .copy("Snapshots")]
        ),
        .testTarget(
            name: "RedflagCLITests",
            dependencies: ["redflag"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
