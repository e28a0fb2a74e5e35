import ArgumentParser
import KesuCore

extension KbCommand {
  struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "agree",
      abstract: "Measure how far two people's labels of the same lines agree (the figures of kb test, the second file in the classifier's place).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A labelled .tsv file (text, type, situations, emotion).") var first: String
    @Argument(help: "Another person's labels of the same lines, in the same order.") var second: String

    func run() throws {
      let engine = try global.loadEngine()
      let (firstContents, secondContents) = (try readWholeFile(first), try readWholeFile(second))
      let agreement = try readingLabels { () throws(LabelledSet.FormatError) in
        let labels = try LabelledSet.utterances(firstContents, file: first, knowledge: engine.knowledge)
        let other = try LabelledSet.utterances(secondContents, file: second, knowledge: engine.knowledge)
        return try ClassifierEvaluation(labels: labels, other: other, otherFile: second, knowledge: engine.knowledge)
      }
      print(EvaluationReport.classifier(agreement, knowledge: engine.knowledge, secondLabeller: true))
    }
  }
}
