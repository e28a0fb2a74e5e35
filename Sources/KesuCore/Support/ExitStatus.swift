/// Kesu's exit codes, one per kind of trouble, so scripts can tell them apart (README lists them).
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  /// `kesu check`: at least one line has a forbidden phrase.
  case violations = 1
  /// Some input was not valid UTF-8: replaced with U+FFFD, answered, and reported.
  case invalidUTF8 = 3
  /// No input at all, or only blank lines.
  case emptyInput = 4
  /// A line longer than 1 MiB: cut there, answered, and reported.
  case lineTooLong = 5
  /// The input contains NUL bytes: a binary file, not text.
  case binaryInput = 6
  /// Unknown command, option or argument (EX_USAGE).
  case usage = 64
  /// The knowledge base has mistakes (EX_DATAERR).
  case knowledge = 65
  /// A file named on the command line does not exist (EX_NOINPUT).
  case missingFile = 66
  /// The case database is corrupt or not Kesu's.
  case database = 70
  /// A file exists but cannot be read (EX_NOPERM).
  case unreadable = 77
  /// Reading or writing failed (EX_IOERR).
  case io = 74
}

/// Collects the trouble met while reading input lines; the worst decides the exit status.
public struct InputTrouble: Sendable {
  public private(set) var warnings: [String] = []
  public private(set) var status: ExitStatus = .ok
  public private(set) var sawText = false

  public init() {}

  /// Notes a line's problems; returns false when the input must not be read further (binary).
  public mutating func note(_ line: LineReader.Line, source: String) -> Bool {
    if line.hasNUL {
      raise(.binaryInput, "\(source):\(line.number): binary input (NUL byte); stopped reading")
      return false
    }
    if line.invalidUTF8 { raise(.invalidUTF8, "\(source):\(line.number): invalid UTF-8 replaced with U+FFFD") }
    if line.truncated {
      raise(.lineTooLong, "\(source):\(line.number): line longer than \(LineReader.defaultMaxLineBytes) bytes; cut there")
    }
    if !line.text.allSatisfy(\.isWhitespace) { sawText = true }
    return true
  }

  public mutating func raise(_ status: ExitStatus, _ warning: String) {
    warnings.append(warning)
    if self.status == .ok || status.rawValue > self.status.rawValue { self.status = status }
  }

  /// The exit status at the end of the input.
  public mutating func finish(source: String) -> ExitStatus {
    if !sawText, status == .ok { raise(.emptyInput, "\(source): empty input") }
    return status
  }
}
