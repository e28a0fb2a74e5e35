import ArgumentParser
import Foundation
import KesuCore

@main
struct Kesu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kesu",
    abstract: "客诉助手: who is complaining, about what, what to say next and what never to say.",
    discussion: """
      With no command: on a terminal, the chat (`kesu chat`); with a pipe on standard input, \
      the transcript analysis (`kesu analyze`).
      """,
    subcommands: [
      ChatCommand.self, ClassifyCommand.self, CheckCommand.self, AnalyzeCommand.self, CoachCommand.self,
      QuizCommand.self, CasesCommand.self, KbCommand.self,
    ])

  @OptionGroup var global: GlobalOptions

  mutating func run() throws {
    var arguments: [String] = []
    if let knowledge = global.knowledge { arguments += ["--knowledge", knowledge] }
    if global.script == .hant { arguments += ["--script", "hant"] }
    if isatty(STDIN_FILENO) == 1 {
      try ChatCommand.parse(arguments).run()
    } else {
      try AnalyzeCommand.parse(arguments).run()
    }
  }
}
