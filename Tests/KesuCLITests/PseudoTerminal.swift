import Foundation

/// `kesu` on a pseudo-terminal, as a person at a keyboard sees it: keys in, screen text out.
/// The child gets the terminal as its controlling terminal (`setsid -c`), so Ctrl-C is a real
/// SIGINT from the line discipline.
final class PseudoTerminal {
  let master: Int32
  let process = Process()
  private(set) var output = ""

  init(arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
    // posix_openpt/unlockpt/ptsname are hidden from Swift's Glibc module; these are their Linux ioctls.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
    let getNumber: UInt = 0x8004_5430  // TIOCGPTN
    guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
      throw CocoaError(.fileNoSuchFile)
    }
    let slavePath = "/dev/pts/\(number)"
    let slave = open(slavePath, O_RDWR | O_NOCTTY)
    var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments = ["-c", Kesu.binary] + arguments
    var environment = environment
    environment["TERM"] = "xterm"
    process.environment = environment
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  func send(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
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
    while true {
      let count = read(master, &buffer, buffer.count)
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
