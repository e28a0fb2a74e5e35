extension StringProtocol {
  /// Without leading and trailing spaces and tabs (full-width space too): a Swift-native trim,
  /// several times faster than Foundation's on the per-line path.
  public var trimmed: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[first...last])
  }
}
