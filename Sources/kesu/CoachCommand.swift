import ArgumentParser
import KesuCore

struct CoachCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "coach", abstract: "(coming)")
  @OptionGroup var global: GlobalOptions
  func run() throws {}
}
