/// Writes one JSON object, keys in the order given, with no whitespace: fast enough for the
/// per-line output path (JSONEncoder is several times slower and does not keep key order).
public struct JSONWriter {
  public private(set) var text = ""
  private var needsComma: [Bool] = []

  public init() { text.reserveCapacity(512) }

  private mutating func separate() {
    if let last = needsComma.last {
      if last { text.append(",") }
      needsComma[needsComma.count - 1] = true
    }
  }

  private mutating func key(_ key: String?) {
    separate()
    if let key {
      Self.appendString(key, to: &text)
      text.append(":")
    }
  }

  public mutating func beginObject(_ name: String? = nil) {
    key(name)
    text.append("{")
    needsComma.append(false)
  }

  public mutating func endObject() {
    text.append("}")
    needsComma.removeLast()
  }

  public mutating func beginArray(_ name: String? = nil) {
    key(name)
    text.append("[")
    needsComma.append(false)
  }

  public mutating func endArray() {
    text.append("]")
    needsComma.removeLast()
  }

  public mutating func string(_ name: String?, _ value: String?) {
    key(name)
    if let value { Self.appendString(value, to: &text) } else { text.append("null") }
  }

  public mutating func int(_ name: String?, _ value: Int?) {
    key(name)
    text.append(value.map(String.init) ?? "null")
  }

  public mutating func double(_ name: String?, _ value: Double) {
    key(name)
    text.append(value == value.rounded() ? String(Int(value)) : String(value))
  }

  public mutating func bool(_ name: String?, _ value: Bool) {
    key(name)
    text.append(value ? "true" : "false")
  }

  public mutating func null(_ name: String?) {
    key(name)
    text.append("null")
  }

  /// Inserts already-encoded JSON.
  public mutating func raw(_ name: String?, _ json: String) {
    key(name)
    text.append(json)
  }

  static func appendString(_ value: String, to text: inout String) {
    text.append("\"")
    var plain = true
    for unit in value.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5C {
      plain = false
      break
    }
    if plain {
      text.append(value)
    } else {
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": text.append("\\\"")
        case "\\": text.append("\\\\")
        case "\n": text.append("\\n")
        case "\r": text.append("\\r")
        case "\t": text.append("\\t")
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        default: text.unicodeScalars.append(scalar)
        }
      }
    }
    text.append("\"")
  }
}
