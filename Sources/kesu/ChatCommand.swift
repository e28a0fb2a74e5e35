import ArgumentParser
import KesuCore

struct ChatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "chat", abstract: "(coming)")
  @OptionGroup var global: GlobalOptions
  func run() throws {}
}
