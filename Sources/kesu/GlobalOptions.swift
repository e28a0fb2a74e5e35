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
    let directory = KnowledgeLocator.locate(explicit: knowledge)
    do {
      return try KnowledgeCache.engine(directory: directory)
    } catch {
      throw knowledgeFailure(error)
    }
  }

  /// The names of types and situations only (nothing checked): for lists that show them.
  func loadNames() -> KnowledgeBase { KnowledgeLoader.loadNames(directory: KnowledgeLocator.locate(explicit: knowledge)) }

  /// Loads and checks the knowledge base, or exits 65 with every diagnostic on standard error.
  func loadKnowledge() throws -> KnowledgeBase {
    let directory = KnowledgeLocator.locate(explicit: knowledge)
    do {
      return try KnowledgeLoader.load(directory: directory)
    } catch {
      throw knowledgeFailure(error)
    }
  }

  /// Prints every diagnostic; the caller throws the exit code (65).
  private func knowledgeFailure(_ error: KnowledgeError) -> ExitCode {
    Terminal.error(error.description)
    Terminal.error("kesu: the knowledge base has \(error.diagnostics.count) problem(s); fix them or run 'kesu kb lint'")
    return ExitCode(ExitStatus.knowledge.rawValue)
  }

  /// Applies `--script` to text about to be shown.
  func display(_ text: String) -> String { script == .hant ? ScriptConverter.toTraditional(text) : text }
}

enum OutputScript: String, ExpressibleByArgument, CaseIterable {
  case hans, hant
}
