/// Writes one JSON object, keys in the order given, with no whitespace: fast enough for the
/// per-line output path (JSONEncoder is several times slower and does not keep key order).
public struct JSONWriter {
  /// The UTF-8 bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private var needsComma: [Bool] = []

  public init() { bytes.reserveCapacity(1024) }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  private mutating func separate() {
    if let last = needsComma.last {
      if last { bytes.append(contentsOf: ",".utf8) }
      needsComma[needsComma.count - 1] = true
    }
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
    bytes.append(contentsOf: "{".utf8)
    needsComma.append(false)
  }

  public mutating func endObject() {
    bytes.append(contentsOf: "}".utf8)
    needsComma.removeLast()
  }

  public mutating func beginArray(_ name: String? = nil) {
    key(name)
    bytes.append(contentsOf: "[".utf8)
    needsComma.append(false)
  }

  public mutating func endArray() {
    bytes.append(contentsOf: "]".utf8)
    needsComma.removeLast()
  }

  public mutating func string(_ name: String?, _ value: String?) {
    key(name)
    if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
  }

  public mutating func int(_ name: String?, _ value: Int?) {
    key(name)
    bytes.append(contentsOf: (value.map(String.init) ?? "null").utf8)
  }

  public mutating func double(_ name: String?, _ value: Double) {
    key(name)
    bytes.append(contentsOf: (value == value.rounded() ? String(Int(value)) : String(value)).utf8)
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
