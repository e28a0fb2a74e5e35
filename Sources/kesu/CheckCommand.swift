import ArgumentParser
import Foundation
import KesuCore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check what an agent says for forbidden phrases (禁语), with what to say instead.",
    discussion: "Without TEXT, reads standard input, one line each. Exit 1 when any line has a forbidden phrase.")

  @OptionGroup var global: GlobalOptions
  @Flag(name: .long, help: "One JSON object per input line.") var json = false
  @Argument(help: "What the agent says or is about to say.") var text: String?

  func run() throws {
    let engine = try global.loadEngine()
    let view = CheckView(knowledge: engine.knowledge, style: Terminal.style)
    var output = OutputBuffer()
    var violated = false
    func answer(_ text: String) {
      let check = engine.checker.check(text)
      if !check.violations.isEmpty { violated = true }
      output.line(json ? JSONWriter.check(check) : global.display(view.render(check)))
    }
    if let text {
      guard !text.allSatisfy(\.isWhitespace) else {
        Terminal.error("kesu: empty text; give the agent's line, e.g. kesu check \"这是公司规定\"")
        throw ExitCode(ExitStatus.emptyInput.rawValue)
      }
      answer(text)
    } else {
      let trouble = try forEachInputLine { line in
        if line.text.allSatisfy(\.isWhitespace) {
          if json { output.line(JSONWriter.problem(text: line.text, error: "empty line")) }
          return
        }
        answer(line.text)
      }
      output.flush()
      for warning in trouble.warnings { Terminal.error("kesu: " + warning) }
      if trouble.status != .ok { throw ExitCode(trouble.status.rawValue) }
    }
    output.flush()
    if violated { throw ExitCode(ExitStatus.violations.rawValue) }
  }
}
