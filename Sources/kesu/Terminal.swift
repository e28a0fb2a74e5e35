import Foundation
import KesuCore

/// The few facts about the terminal the commands need, and buffered output.
enum Terminal {
  static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
  static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

  /// Colour only on a TTY that wants it: no `NO_COLOR`, `TERM` not `dumb`.
  static var style: Style {
    let environment = ProcessInfo.processInfo.environment
    let wanted = stdoutIsTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    return Style(enabled: wanted)
  }

  static var columns: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
  }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// Standard output through a 64 KiB buffer: one write per line would cap the throughput.
struct OutputBuffer {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 16) }

  mutating func line(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    bytes.append(0x0A)
    if bytes.count >= 1 << 16 { flush() }
  }

  mutating func line(bytes line: [UInt8]) {
    bytes.append(contentsOf: line)
    bytes.append(0x0A)
    if bytes.count >= 1 << 16 { flush() }
  }

  mutating func flush() {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written <= 0 { break }
      offset += written
    }
    bytes.removeAll(keepingCapacity: true)
  }
}

/// Reads standard input line by line, noting trouble; calls `body` for each line to answer.
func forEachInputLine(source: String = "<stdin>", _ body: (LineReader.Line) throws -> Void) throws -> InputTrouble {
  var reader = LineReader(handle: FileHandle.standardInput)
  var trouble = InputTrouble()
  while let line = try reader.next() {
    guard trouble.note(line, source: source) else { break }
    try body(line)
  }
  _ = trouble.finish(source: source)
  return trouble
}
