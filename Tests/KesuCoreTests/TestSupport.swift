import Foundation
import KesuCore

/// The repository's own knowledge and fixtures, loaded once for all tests.
enum TestSupport {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let knowledgePath = root.appendingPathComponent("Knowledge").path
  static let fixtures = root.appendingPathComponent("Tests/Fixtures")

  static let engine: Engine = {
    do {
      return try Engine.load(directory: knowledgePath)
    } catch {
      fatalError("the repository's knowledge does not load:\n\(error)")
    }
  }()

  static func fixture(_ name: String) -> String {
    (try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  /// A fresh temporary folder, removed by the caller if it cares.
  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kesu-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A copy of the knowledge folder to break on purpose.
  static func knowledgeCopy() -> URL {
    let folder = temporaryFolder().appendingPathComponent("Knowledge")
    try? FileManager.default.copyItem(atPath: knowledgePath, toPath: folder.path)
    return folder
  }
}
