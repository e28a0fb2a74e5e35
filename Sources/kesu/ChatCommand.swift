import ArgumentParser
import Foundation
import KesuCore

struct ChatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract: "The assistant for a live call: type what the customer said, get what to say next.",
    discussion: "A line starting with '>' is the agent's own line (checked for 禁语). '/help' lists the commands.")

  @OptionGroup var global: GlobalOptions
  @Option(name: .long, help: "Case database (default $XDG_DATA_HOME/kesu/kesu.sqlite).") var db: String?

  func run() throws {
    let engine = try global.loadEngine()
    let interactive = Terminal.stdinIsTTY
    var session = ChatSession(
      engine: engine, style: interactive ? Terminal.style : .plain, columns: Terminal.columns,
      casesPath: db ?? CaseStore.defaultPath())
    if interactive {
      try runInteractive(&session)
    } else {
      try runPiped(&session)
    }
  }

  func show(_ reply: ChatReply) {
    guard !reply.text.isEmpty else { return }
    let text = global.display(reply.text)
    if reply.kind == .error { Terminal.error(text) } else { print(text) }
    fflush(nil)
  }

  func runInteractive(_ session: inout ChatSession) throws {
    let editor = LineEditor(
      name: "kesu", completions: ChatCommandLine.names, historyPath: LineEditor.defaultHistoryPath())
    print(global.display(session.welcome))
    defer { editor.saveHistory() }
    while true {
      switch editor.read(prompt: "› ") {
      case .endOfInput:
        print("")  // Ctrl-D leaves the cursor on the prompt line
        print(global.display(session.farewell()))
        return
      case .invalidUTF8:
        Terminal.error("kesu: that line was not valid UTF-8; please type it again")
      case .line(let line):
        let reply = session.handle(line)
        show(reply)
        if reply.quit { return }
      }
    }
  }

  /// From a pipe: no prompt, no escape codes, one reply per line; the summary at the end.
  func runPiped(_ session: inout ChatSession) throws {
    var quit = false
    let trouble = try forEachInputLine { line in
      guard !quit else { return }
      let reply = session.handle(line.text)
      show(reply)
      quit = reply.quit
    }
    if !quit { print(global.display(session.farewell())) }
    for warning in trouble.warnings where trouble.status != .emptyInput { Terminal.error("kesu: " + warning) }
    if trouble.status != .ok, trouble.status != .emptyInput { throw ExitCode(trouble.status.rawValue) }
  }
}
