import ArgumentParser
import Foundation
import KesuCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "Knowledge folder to use instead of the built-in one (or set KESU_KNOWLEDGE).")
  var knowledge: String?

  @Option(name: .long, help: "Script of the output: hans (default) or hant (Traditional, for Taiwan and Hong Kong).")
  var script: OutputScript = .hans

  /// The knowledge with its automata built, for commands that read text: from the compiled
  /// cache when the folder has not changed since it was written (`KnowledgeCache`).
  func loadEngine() throws -> Engine {
    try checked { directory throws(KnowledgeError) in try KnowledgeCache.engine(directory: directory) }
  }

  /// The names of types and situations, for lists that show them: from the compiled cache, or
  /// when the knowledge has a mistake, the two files read without checks (never an error).
  func loadNames() -> KnowledgeBase {
    let directory = KnowledgeLocator.locate(explicit: knowledge)
    return (try? KnowledgeCache.engine(directory: directory).knowledge) ?? KnowledgeLoader.loadNames(directory: directory)
  }

  /// Loads and checks the knowledge base.
  func loadKnowledge() throws -> KnowledgeBase {
    try checked { directory throws(KnowledgeError) in try KnowledgeLoader.load(directory: directory) }
  }

  /// Runs a load of the knowledge folder; on a knowledge error prints every diagnostic on
  /// standard error and exits 65.
  private func checked<T>(_ load: (String) throws(KnowledgeError) -> T) throws -> T {
    do {
      return try load(KnowledgeLocator.locate(explicit: knowledge))
    } catch {
      Terminal.error(error.description)
      Terminal.error("kesu: the knowledge base has \(error.diagnostics.count) problem(s); fix them or run 'kesu kb lint'")
      throw ExitCode(ExitStatus.knowledge.rawValue)
    }
  }

  /// Applies `--script` to text about to be shown.
  func display(_ text: String) -> String { script == .hant ? ScriptConverter.toTraditional(text) : text }
}

enum OutputScript: String, ExpressibleByArgument, CaseIterable {
  case hans, hant
}
