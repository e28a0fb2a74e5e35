import ArgumentParser
import Foundation
import KesuCore

struct CasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cases", abstract: "Case records and follow-ups: the due and overdue first.",
    subcommands: [List.self, Show.self, Close.self, Export.self], defaultSubcommand: List.self)

  struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Case database (default $XDG_DATA_HOME/kesu/kesu.sqlite).") var db: String?

    func open() throws -> CaseStore {
      do {
        return try CaseStore(path: db ?? CaseStore.defaultPath())
      } catch {
        Terminal.error("kesu: \(error)")
        throw ExitCode(ExitStatus.database.rawValue)
      }
    }
  }

  /// Runs a store operation; a missing case is a usage error, anything else a database error.
  static func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CaseStoreError {
      Terminal.error("kesu: \(error)")
      if case .notFound = error { throw ExitCode(ExitStatus.usage.rawValue) }
      throw ExitCode(ExitStatus.database.rawValue)
    } catch {
      Terminal.error("kesu: database error: \(error)")
      throw ExitCode(ExitStatus.database.rawValue)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Open cases, the due and overdue first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "How many to list (default 50).") var limit = 50

    func run() throws {
      let knowledge = global.loadNames()
      let store = try store.open()
      let now = Date()
      let (cases, total) = try guarded { (try store.openCases(limit: limit), try store.count(status: .open)) }
      let view = CaseView(knowledge: knowledge, style: Terminal.style)
      if cases.isEmpty { print(global.display("没有处理中的案件。")) }
      for record in cases { print(global.display(view.row(record, now: now))) }
      if total > cases.count { print(global.display(Terminal.style.dim("……共\(total)件处理中,--limit 显示更多"))) }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One case in full.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "Show personal numbers unmasked.") var reveal = false
    @Argument(help: "The case number.") var id: Int64

    func run() throws {
      let knowledge = try global.loadEngine().knowledge
      let store = try store.open()
      let record = try guarded { try store.get(id) }
      print(global.display(CaseView(knowledge: knowledge, style: Terminal.style).detail(record, now: Date(), reveal: reveal)))
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case with a note.")
    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "How it ended (回访结果).") var note = ""
    @Argument(help: "The case number.") var id: Int64

    func run() throws {
      let store = try store.open()
      try guarded { try store.close(id, note: FactMasker.mask(note).text) }
      print("案件 #\(id) 已结案。")
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Every case as JSON Lines, for other tools.")
    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "JSON Lines (the only format; accepted for clarity).") var json = false
    @Flag(name: .long, help: "Include personal numbers unmasked.") var reveal = false

    func run() throws {
      let store = try store.open()
      let now = Date()
      var output = OutputBuffer()
      try guarded { try store.forEach { output.line(JSONWriter.caseRecord($0, now: now, reveal: reveal)) } }
      output.flush()
    }
  }
}
