/// Reads a money amount written in digits or Chinese numerals: "500", "五百", "两千块", "1.5万", "三万五".
public enum AmountParser {
  private static let digits: [Character: Int] = [
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]
  private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10000]

  /// The first amount in `text`, if any.
  public static func firstAmount(in text: Substring) -> Int? {
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if (character.isASCII && character.isNumber) || digits[character] != nil || character == "十" {
        var end = index
        while end < text.endIndex, isNumeral(text[end]) { end = text.index(after: end) }
        let run = text[index..<end]
        let followedByMoney = end < text.endIndex && "元块钱".contains(text[end])
        let looksLikeAmount = run.count >= 2 || followedByMoney || run.contains { units[$0] != nil }
        if looksLikeAmount, let value = parse(run), value > 0 { return value }
        index = end
      } else {
        index = text.index(after: index)
      }
    }
    return nil
  }

  private static func isNumeral(_ character: Character) -> Bool {
    (character.isASCII && (character.isNumber || character == ".")) || digits[character] != nil || units[character] != nil
  }

  /// Parses one run of numerals.
  static func parse(_ run: Substring) -> Int? {
    guard !run.isEmpty else { return nil }
    if run.allSatisfy({ $0.isASCII }) { return Double(run).map { Int($0) } }
    // Mixed: "1.5万" or Chinese numerals.
    if let last = run.last, let unit = units[last], let number = Double(run.dropLast()) { return Int(number * Double(unit)) }
    var total = 0, section = 0, digit = 0
    var lastUnit = 1
    for character in run {
      if let value = digits[character] {
        digit = value
      } else if let value = Int(String(character)) {
        digit = digit * 10 + value
      } else if let unit = units[character] {
        if unit == 10000 {
          total += (section + digit) * unit
          section = 0
        } else {
          section += (digit == 0 ? 1 : digit) * unit
        }
        lastUnit = unit
        digit = 0
      }
    }
    // "三万五" means 35000 and "两千五" 2500: a trailing digit counts one unit down.
    if digit > 0, lastUnit >= 100, run.count >= 3 { digit *= lastUnit / 10 }
    return total + section + digit
  }
}
