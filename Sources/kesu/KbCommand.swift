import ArgumentParser
import Foundation
import KesuCore

struct KbCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kb", abstract: "Check, show and measure the knowledge base.",
    subcommands: [Lint.self, Show.self, Test.self, Agree.self, Train.self])

  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check a knowledge folder: YAML, ids, references, cue examples, scenario expectations.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder to check (default: the one Kesu uses).") var directory: String?

    func run() throws {
      let folder = KnowledgeLocator.locate(explicit: directory ?? global.knowledge)
      let engine: Engine
      do {
        engine = try Engine.load(directory: folder)
      } catch {
        print(error.description)
        Terminal.error("kesu: \(error.diagnostics.count) problem(s) in \(folder)")
        throw ExitCode(ExitStatus.knowledge.rawValue)
      }
      let problems = KnowledgeLint.check(engine)
      for problem in problems { print(problem.description) }
      guard problems.isEmpty else {
        Terminal.error("kesu: \(problems.count) problem(s) in \(folder)")
        throw ExitCode(ExitStatus.knowledge.rawValue)
      }
      let k = engine.knowledge
      let cues = engine.classifier.matcher.cues.count + engine.checker.matcher.cues.count
      let examples = (engine.classifier.matcher.cues + engine.checker.matcher.cues).reduce(0) {
        $0 + $1.cue.examples.count + $1.cue.counters.count
      }
      print(
        "ok: \(k.types.count) types, \(k.situations.count) situations, \(k.forbidden.count) forbidden families, "
          + "\(k.stages.count) stages, \(k.wording.count) wordings, \(k.scenarios.count) scenarios, \(k.quiz.count) quiz questions; "
          + "\(cues) cues, \(examples) examples checked"
          + (k.learned.map { "; learned weights: \($0.grams.count) n-grams × \($0.outputs.count) outputs" } ?? "; no learned weights"))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show one entry: a type, situation, forbidden family, stage …")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id, e.g. stalker, compensation, hide-behind-rules.") var id: String

    func run() throws {
      let engine = try global.loadEngine()
      let view = EntryView(knowledge: engine.knowledge, style: Terminal.style)
      guard let text = view.render(id: id) else {
        let k = engine.knowledge
        let ids = k.types.map(\.id) + k.situations.map(\.id) + k.forbidden.map(\.id) + k.stages.map(\.id)
          + k.principles.map(\.id) + k.scenarios.map(\.id) + k.wording.map(\.id) + k.lists.map(\.id)
        let hint = closestMatch(to: id, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
        Terminal.error("kesu: no entry '\(id)'\(hint)")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      print(global.display(text))
    }
  }

  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Measure the classifier (text, type, situations, emotion), its safety readings (text, criminal, emergency, pattern) or the checker (text, families) on a labelled TSV.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A labelled .tsv file.") var file: String

    func run() throws {
      let engine = try global.loadEngine()
      let contents = try readWholeFile(file)
      let report = try readingLabels { () throws(LabelledSet.FormatError) in
        if LabelledSet.isSafetySet(contents) {
          let lines = try LabelledSet.safetyLines(contents, file: file)
          return EvaluationReport.safety(SafetyEvaluation(classifier: engine.classifier, lines: lines))
        } else if LabelledSet.isAgentSet(contents) {
          let lines = try LabelledSet.agentLines(contents, file: file, knowledge: engine.knowledge)
          return EvaluationReport.checker(CheckerEvaluation(checker: engine.checker, lines: lines))
        }
        let utterances = try LabelledSet.utterances(contents, file: file, knowledge: engine.knowledge)
        return EvaluationReport.classifier(
          ClassifierEvaluation(classifier: engine.classifier, utterances: utterances), knowledge: engine.knowledge)
      }
      print(report)
    }
  }
}

/// The result of reading labelled files, or exit 64 with the file, line and mistake.
func readingLabels<T>(_ body: () throws(LabelledSet.FormatError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    Terminal.error(error.description)
    throw ExitCode(ExitStatus.usage.rawValue)
  }
}

/// A whole (small) file as text, or exit with a clear message: 66 missing, 77 unreadable.
func readWholeFile(_ path: String) throws -> String {
  guard FileManager.default.fileExists(atPath: path) else {
    Terminal.error("kesu: \(path): no such file")
    throw ExitCode(ExitStatus.missingFile.rawValue)
  }
  guard let data = FileManager.default.contents(atPath: path) else {
    Terminal.error("kesu: \(path): cannot read (permission denied?)")
    throw ExitCode(ExitStatus.unreadable.rawValue)
  }
  return String(decoding: data, as: UTF8.self)
}
