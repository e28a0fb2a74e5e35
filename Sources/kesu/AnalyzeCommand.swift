import ArgumentParser
import KesuCore

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "analyze", abstract: "(coming)")
  @OptionGroup var global: GlobalOptions
  func run() throws {}
}
