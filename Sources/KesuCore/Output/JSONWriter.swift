/// Writes one JSON object, keys in the order given, with no whitespace: fast enough for the
/// per-line output path (JSONEncoder is several times slower and does not keep key order).
public struct JSONWriter {
  /// The UTF-8 bytes written so far.
  public private(set) var bytes: [UInt8] = []
  /// One bit per open object or array, innermost lowest: whether it already holds a value.
  private var needsComma: UInt64 = 0
  private var depth = 0

  public init() { bytes.reserveCapacity(1024) }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  private mutating func separate() {
    guard depth > 0 else { return }
    if needsComma & 1 == 1 { bytes.append(0x2C) }
    needsComma |= 1
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    precondition(depth < 64, "JSON nested deeper than 64 levels")
    needsComma <<= 1
    depth += 1
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(bracket)
    needsComma >>= 1
    depth -= 1
  }

  private mutating func key(_ key: String?) {
    separate()
    if let key {
      // Keys are Kesu's own ASCII names: nothing to escape.
      bytes.append(0x22)
      if key.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: key.utf8) }
      bytes.append(0x22)
      bytes.append(0x3A)
    }
  }

  /// Splices ready-made `"key": value` pairs (from `adviceFragment`) into the open object.
  public mutating func fields(_ raw: [UInt8]) {
    guard !raw.isEmpty else { return }
    separate()
    bytes.append(contentsOf: raw)
  }

  public mutating func beginObject(_ name: String? = nil) {
    key(name)
    open(0x7B)
  }

  public mutating func endObject() { close(0x7D) }

  public mutating func beginArray(_ name: String? = nil) {
    key(name)
    open(0x5B)
  }

  public mutating func endArray() { close(0x5D) }

  public mutating func string(_ name: String?, _ value: String?) {
    key(name)
    if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
  }

  public mutating func int(_ name: String?, _ value: Int?) {
    key(name)
    if let value { digits(value) } else { bytes.append(contentsOf: "null".utf8) }
  }

  public mutating func double(_ name: String?, _ value: Double) {
    key(name)
    let hundredths = (value * 100).rounded()
    if value == value.rounded(), abs(value) < 1e15 {
      digits(Int(value))
    } else if hundredths / 100 == value, abs(value) < 1e13 {
      // Confidences (0.63): two decimals written directly, the same text as String(value).
      let whole = Int(hundredths)
      if whole < 0 { bytes.append(0x2D) }
      digits(abs(whole) / 100)
      bytes.append(0x2E)
      let fraction = abs(whole) % 100
      bytes.append(UInt8(0x30 + fraction / 10))
      if fraction % 10 != 0 { bytes.append(UInt8(0x30 + fraction % 10)) }
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  /// A whole number in decimal, without making a String.
  private mutating func digits(_ value: Int) {
    guard value != 0 else { return bytes.append(0x30) }
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    var reversed: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                   UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &reversed) { buffer in
      while magnitude > 0 {
        buffer[count] = UInt8(0x30 + magnitude % 10)
        magnitude /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
  }

  public mutating func bool(_ name: String?, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null(_ name: String?) {
    key(name)
    bytes.append(contentsOf: "null".utf8)
  }

  /// Inserts already-encoded JSON.
  public mutating func raw(_ name: String?, _ json: String) {
    key(name)
    bytes.append(contentsOf: json.utf8)
  }

  static func appendString(_ value: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    let copied: Bool? = value.utf8.withContiguousStorageIfAvailable { units in
      for unit in units where unit < 0x20 || unit == 0x22 || unit == 0x5C { return false }
      bytes.append(contentsOf: units)  // nothing to escape: one copy
      return true
    }
    if copied == true {
      bytes.append(0x22)
      return
    }
    for unit in value.utf8 {
      switch unit {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(unit >> 4)], hex[Int(unit & 0xF)]])
      default: bytes.append(unit)
      }
    }
    bytes.append(0x22)
  }

}
