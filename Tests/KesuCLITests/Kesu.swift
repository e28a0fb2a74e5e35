import Foundation

/// Runs the built `kesu` binary as a user would, through pipes.
enum Kesu {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/Fixtures")

  /// The binary `swift build` / `swift test` made.
  static let binary: String = {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kesu").path,
      Bundle.main.bundleURL.appendingPathComponent("kesu").path,
      root.appendingPathComponent(".build/debug/kesu").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
  }

  /// A private home so tests never touch the user's history or cases.
  static func environment(_ extra: [String: String] = [:]) -> [String: String] {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("kesu-home-\(UUID().uuidString)").path
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home
    environment["XDG_STATE_HOME"] = home + "/state"
    environment["XDG_DATA_HOME"] = home + "/data"
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "KESU_KNOWLEDGE")
    for (key, value) in extra { environment[key] = value }
    return environment
  }

  static func run(
    _ arguments: [String], input: Data = Data(), directory: String? = nil, environment: [String: String]? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment ?? Self.environment()
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Feed and drain concurrently so large inputs and outputs cannot deadlock.
    let writer = Thread {
      stdin.fileHandleForWriting.write(input)
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = Box()
    let errorReader = Thread { errorData.data = stderr.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorData.data == nil { usleep(1000) }
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: errorData.data ?? Data(), as: UTF8.self))
  }

  static func run(_ arguments: [String], input: String) throws -> Result {
    try run(arguments, input: Data(input.utf8))
  }

  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kesu-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

final class Box: @unchecked Sendable {
  var data: Data?
}
