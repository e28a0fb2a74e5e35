import ArgumentParser
import KesuCore

struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "quiz", abstract: "(coming)")
  @OptionGroup var global: GlobalOptions
  func run() throws {}
}
