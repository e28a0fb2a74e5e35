import ArgumentParser
import Foundation
import KesuCore

extension KbCommand {
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "train",
      abstract: "Learn the weights of learned.tsv from labelled classifier sets (text, type, situations, emotion) and safety sets (text, criminal, emergency, pattern).",
      discussion: """
        Writes <knowledge>/learned.tsv (or --out) atomically. Train on the tuning sets only: a set \
        the weights were learned from no longer measures them.
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the weights (default: learned.tsv in the knowledge folder).") var out: String?
    @Option(help: "Inverse regularisation: higher fits the sets more closely.") var c: Float = LearnedTrainer().c
    @Option(help: "Passes of the optimiser over the sets.") var epochs: Int = LearnedTrainer().epochs
    @Argument(help: "Labelled .tsv files.") var files: [String]

    func run() throws {
      let directory = KnowledgeLocator.locate(explicit: global.knowledge)
      let knowledge: KnowledgeBase
      do {
        knowledge = try KnowledgeLoader.load(directory: directory, learned: false)
      } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.knowledge.rawValue)
      }
      guard !files.isEmpty else {
        Terminal.error("kesu kb train: name at least one labelled .tsv file")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      let measuring = files.first { file in
        let name = (file as NSString).lastPathComponent
        return name.contains("-held") || name.contains("-unseen")
      }
      if let measuring {
        Terminal.error("kesu kb train: \(measuring) is a measuring set (held-out or kept unseen): weights learned from it would no longer be measured by it")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      var utterances: [LabelledSet.Utterance] = []
      var safety: [LabelledSet.SafetyLine] = []
      for file in files {
        let contents = try readWholeFile(file)
        if LabelledSet.isSafetySet(contents) {
          safety += try readingLabels { () throws(LabelledSet.FormatError) in try LabelledSet.safetyLines(contents, file: file) }
        } else {
          utterances += try readingLabels { () throws(LabelledSet.FormatError) in
            try LabelledSet.utterances(contents, file: file, knowledge: knowledge)
          }
        }
      }
      guard utterances.count >= LearnedTrainer.minimumUtterances else {
        Terminal.error(
          "kesu kb train: \(utterances.count) labelled utterance(s); at least \(LearnedTrainer.minimumUtterances) are needed to learn anything")
        throw ExitCode(ExitStatus.usage.rawValue)
      }
      let names = files.map { ($0 as NSString).lastPathComponent }
      var trainer = LearnedTrainer()
      trainer.c = c
      trainer.epochs = epochs
      let lines = safety.isEmpty ? "" : " and \(safety.count) safety lines"
      let model = trainer.train(
        utterances, safety: safety, knowledge: knowledge,
        source: "\(utterances.count) utterances\(lines) from \(names.joined(separator: ", "))")
      let path = out ?? (directory as NSString).appendingPathComponent(KnowledgeLoader.learnedFile)
      do {
        try LearnedModelFile.text(model).write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        Terminal.error("kesu: \(path): cannot write (\(error.localizedDescription))")
        throw ExitCode(ExitStatus.io.rawValue)
      }
      print("\(path): \(model.grams.count) n-grams × \(model.outputs.count) outputs, from \(utterances.count) utterances")
    }
  }
}
