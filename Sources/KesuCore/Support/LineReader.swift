import Foundation

/// Reads a file descriptor line by line in fixed-size chunks, so memory stays flat whatever the
/// input size. Each line is decoded as UTF-8 with bad bytes replaced (and flagged); a line
/// longer than `maxLineBytes` is cut there (and flagged); a NUL byte marks binary input.
public struct LineReader {
  public struct Line {
    /// 1-based.
    public var number: Int
    public var text: String
    public var invalidUTF8: Bool
    public var truncated: Bool
    public var hasNUL: Bool
  }

  public static let defaultMaxLineBytes = 1 << 20

  private let handle: FileHandle
  private let maxLineBytes: Int
  private var buffer: [UInt8] = []
  private var position = 0
  private var eof = false
  private var lineNumber = 0

  public init(handle: FileHandle, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
    self.handle = handle
    self.maxLineBytes = maxLineBytes
  }

  private mutating func fill() throws -> Bool {
    if eof { return false }
    let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
    if chunk.isEmpty {
      eof = true
      return false
    }
    if position > 0 {
      buffer.removeFirst(position)
      position = 0
    }
    buffer.append(contentsOf: chunk)
    return true
  }

  /// The next line without its `\n` (and `\r`), or nil at the end.
  public mutating func next() throws -> Line? {
    var line: [UInt8] = []
    var truncated = false
    while true {
      if position >= buffer.count {
        buffer.removeAll(keepingCapacity: true)
        position = 0
        if try !fill() {
          if line.isEmpty && !truncated { return nil }
          break
        }
      }
      let end = buffer[position...].firstIndex(of: 0x0A)
      let stop = end ?? buffer.count
      let room = maxLineBytes - line.count
      if room > 0 { line.append(contentsOf: buffer[position..<min(stop, position + room)]) }
      if stop - position > room { truncated = true }
      if let end {
        position = end + 1
        break
      }
      position = buffer.count
    }
    lineNumber += 1
    if line.last == 0x0D { line.removeLast() }
    if truncated {
      // Do not cut a UTF-8 sequence in half.
      while let last = line.last, last & 0xC0 == 0x80 || last >= 0xC0 {
        line.removeLast()
        if last >= 0xC0 { break }
      }
    }
    let hasNUL = line.contains(0)
    if let text = String(validating: line, as: UTF8.self) {
      return Line(number: lineNumber, text: text, invalidUTF8: false, truncated: truncated, hasNUL: hasNUL)
    }
    return Line(number: lineNumber, text: String(decoding: line, as: UTF8.self), invalidUTF8: true, truncated: truncated, hasNUL: hasNUL)
  }
}
