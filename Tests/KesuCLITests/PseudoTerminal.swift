import Foundation

/// `kesu` on a pseudo-terminal, as a person at a keyboard sees it: keys in, screen text out.
/// util-linux `script` opens the terminal (forkpty: a new session with the terminal as its
/// controlling terminal), so Ctrl-C is a real SIGINT from the line discipline; we talk to
/// `script` through pipes.
final class PseudoTerminal {
  let process = Process()
  private let input = Pipe()
  private let outputPipe = Pipe()
  private(set) var output = ""

  init(arguments: [String], environment: [String: String], columns: Int = 100) throws {
    let command = ([Kesu.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
      .joined(separator: " ")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qfec", "stty cols \(columns) rows 40 2>/dev/null; exec " + command, "/dev/null"]
    var environment = environment
    environment["TERM"] = "xterm"
    environment["SHELL"] = "/bin/sh"
    process.environment = environment
    process.standardInput = input
    process.standardOutput = outputPipe
    process.standardError = outputPipe
    try process.run()
    let descriptor = outputPipe.fileHandleForReading.fileDescriptor
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  func send(_ text: String) {
    input.fileHandleForWriting.write(Data(text.utf8))
  }

  /// Reads until `text` appears after `from` (an offset into everything read so far), or the timeout.
  @discardableResult
  func waitFor(_ text: String, after from: Int = 0, timeout: TimeInterval = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      drain()
      if output.count > from, output.dropFirst(from).contains(text) { return true }
      usleep(20_000)
    }
    return false
  }

  func drain() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    let descriptor = outputPipe.fileHandleForReading.fileDescriptor
    while true {
      let count = read(descriptor, &buffer, buffer.count)
      if count <= 0 { break }
      output += String(decoding: buffer[0..<count], as: UTF8.self)
    }
  }

  func waitForExit(timeout: TimeInterval = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline {
      drain()
      usleep(20_000)
    }
    drain()
    return process.isRunning ? nil : process.terminationStatus
  }
}
