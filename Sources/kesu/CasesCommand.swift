import ArgumentParser
import KesuCore

struct CasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "cases", abstract: "(coming)")
  @OptionGroup var global: GlobalOptions
  func run() throws {}
}
