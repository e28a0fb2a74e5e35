import ArgumentParser
import Foundation
import KesuCore

struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Read one customer utterance: type, situations, emotion, evidence, what to say.",
    discussion: "Without TEXT, reads standard input: one utterance per line, each judged on its own.")

  @OptionGroup var global: GlobalOptions
  @Flag(name: .long, help: "One JSON object per input line (schema in README.md).") var json = false
  @Argument(help: "What the customer said.") var text: String?

  func run() throws {
    let engine = try global.loadEngine()
    let view = ReadingView(knowledge: engine.knowledge, style: Terminal.style, columns: Terminal.columns)
    var output = OutputBuffer()
    let advisor = UtteranceAdvice(advisor: engine.advisor)
    func answer(_ text: String) {
      let reading = engine.classifier.classify(text)
      let (advice, adviceJSON) = advisor.adviseWithJSON(reading)
      if json {
        var writer = JSONWriter()
        writer.beginObject()
        writer.readingCore(reading)
        writer.fields(adviceJSON)
        writer.endObject()
        output.line(bytes: writer.bytes)
      } else {
        let hant = ScriptConverter.looksTraditional(text)
        output.line(global.display(view.render(reading, advice: advice, hant: hant, evidence: true)))
      }
    }
    if let text {
      guard !text.allSatisfy(\.isWhitespace) else {
        Terminal.error("kesu: empty text; say what the customer said, e.g. kesu classify \"宽带断了三天\"")
        throw ExitCode(ExitStatus.emptyInput.rawValue)
      }
      answer(text)
      output.flush()
      return
    }
    var first = true
    let trouble = try forEachInputLine { line in
      if line.text.allSatisfy(\.isWhitespace) {
        if json { output.line(JSONWriter.problem(text: line.text, error: "empty line")) }
        return
      }
      if !json && !first { output.line("") }
      first = false
      answer(line.text)
    }
    output.flush()
    for warning in trouble.warnings { Terminal.error("kesu: " + warning) }
    if trouble.status != .ok { throw ExitCode(trouble.status.rawValue) }
  }
}
