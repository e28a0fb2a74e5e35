// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Kesu",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "KesuCore", targets: ["KesuCore"]),
    .executable(name: "kesu", targets: ["kesu"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
    .target(
      name: "KesuCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      resources: [.copy("../../Knowledge")]
    ),
    .executableTarget(
      name: "kesu",
      dependencies: [
        "KesuCore", "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "kesu-bench", dependencies: ["KesuCore"]),
    .testTarget(
      name: "KesuCoreTests",
      dependencies: ["KesuCore"],
      resources: [.copy("../Fixtures")]
    ),
    .testTarget(name: "KesuCLITests", dependencies: ["KesuCore"]),
  ],
  swiftLanguageModes: [.v6]
)
