import Foundation
import KesuCore

/// Where a trainee's answers come from: readline on a terminal, plain lines from a pipe (so
/// tests can script the answers). Nil means the input ended.
final class AnswerSource {
  private let editor: LineEditor?
  private var reader: LineReader?

  init() {
    if Terminal.stdinIsTTY {
      editor = LineEditor(name: "kesu", completions: [], historyPath: LineEditor.defaultHistoryPath())
    } else {
      editor = nil
      reader = LineReader(handle: FileHandle.standardInput)
    }
  }

  var interactive: Bool { editor != nil }

  func read(prompt: String) -> String? {
    if let editor {
      switch editor.read(prompt: prompt) {
      case .line(let line): return line
      case .invalidUTF8:
        Terminal.error("kesu: that line was not valid UTF-8; please type it again")
        return ""
      case .endOfInput: return nil
      }
    }
    guard let line = try? reader?.next() else { return nil }
    if line.invalidUTF8 { Terminal.error("kesu: <stdin>:\(line.number): invalid UTF-8 replaced") }
    return line.text
  }

  func finish() { editor?.saveHistory() }
}
