import ArgumentParser
import Foundation
import KesuCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "Knowledge folder to use instead of the built-in one (or set KESU_KNOWLEDGE).")
  var knowledge: String?

  @Option(name: .long, help: "Script of the output: hans (default) or hant (Traditional, for Taiwan and Hong Kong).")
  var script: OutputScript = .hans

  /// The knowledge with its automata built: from the compiled cache when the folder has not
  /// changed since it was written (`KnowledgeCache`). On a knowledge error prints every
  /// diagnostic on standard error and exits 65.
  func loadEngine() throws -> Engine {
    do {
      return try KnowledgeCache.engine(directory: KnowledgeLocator.locate(explicit: knowledge))
    } catch {
      Terminal.error(error.description)
      Terminal.error("kesu: the knowledge base has \(error.diagnostics.count) problem(s); fix them or run 'kesu kb lint'")
      throw ExitCode(ExitStatus.knowledge.rawValue)
    }
  }

  /// The names of types and situations, for lists that show them: from the compiled cache, or
  /// when the knowledge has a mistake, the two files read without checks (never an error).
  func loadNames() -> KnowledgeBase {
    let directory = KnowledgeLocator.locate(explicit: knowledge)
    return (try? KnowledgeCache.engine(directory: directory).knowledge) ?? KnowledgeLoader.loadNames(directory: directory)
  }

  /// Applies `--script` to text about to be shown.
  func display(_ text: String) -> String { script == .hant ? ScriptConverter.toTraditional(text) : text }
}

enum OutputScript: String, ExpressibleByArgument, CaseIterable {
  case hans, hant
}
