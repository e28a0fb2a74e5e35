/// Display width and wrapping for a terminal: CJK and full-width characters take two columns.
public enum TextLayout {
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch value {
    case 0..<0x20, 0x7F..<0xA0, 0x200B...0x200F, 0x0300...0x036F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }

  public static func width(of text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + width(of: $1) } }

  /// Wraps `text` to `columns`, continuation lines indented by `indent` spaces.
  public static func wrap(_ text: String, columns: Int, indent: Int = 0, firstIndent: Int? = nil) -> [String] {
    var lines: [String] = []
    var current = ""
    var used = firstIndent ?? indent
    for character in text {
      let w = character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
      if used + w > columns, !current.isEmpty {
        lines.append(current)
        current = ""
        used = indent
      }
      current.append(character)
      used += w
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines.enumerated().map { index, line in
      index == 0 ? line : String(repeating: " ", count: indent) + line
    }
  }
}
