import Foundation

/// Finds the knowledge folder to use: an explicit path, then `KESU_KNOWLEDGE`, then the copy
/// shipped beside the executable (SwiftPM's resource bundle, or `Knowledge/` or
/// `../share/kesu/Knowledge` next to it); the source tree the binary was built from wins when it
/// still exists.
public enum KnowledgeLocator {
  public static func locate(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    if let explicit, !explicit.isEmpty { return explicit }
    if let fromEnvironment = environment["KESU_KNOWLEDGE"], !fromEnvironment.isEmpty { return fromEnvironment }
    for candidate in builtInCandidates() where isKnowledgeFolder(candidate) { return candidate }
    return builtInCandidates().last ?? "Knowledge"
  }

  static func builtInCandidates() -> [String] {
    // The repository this binary was built from comes first, so a coach's edits in Knowledge/
    // count at once (Sources/KesuCore/Knowledge/ → ../../../Knowledge); an installed binary
    // has no such folder and uses the copy shipped beside it.
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    var candidates = [source.appendingPathComponent("../../../Knowledge").standardized.path]
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    var directories = [executable.deletingLastPathComponent()]
    if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
      directories.append(bundle)
    }
    for directory in directories {
      candidates.append(directory.appendingPathComponent("Kesu_KesuCore.resources/Knowledge").path)
      candidates.append(directory.appendingPathComponent("Knowledge").path)
      candidates.append(directory.appendingPathComponent("../share/kesu/Knowledge").standardized.path)
    }
    return candidates
  }

  static func isKnowledgeFolder(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("types.yaml"))
  }
}
