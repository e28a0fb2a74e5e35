/// What the learned weights read of a normalised utterance: the same characters, except that the
/// digits of a run of seven or more (a phone, order or account number) become `#`. An
/// identifier says nothing about the complaint, yet its digits would light up the n-grams of
/// 12315 and 12345 (手机号13912345678 read as a threat to go to the regulator). Shorter runs —
/// amounts, the hotlines, dates — stay as they are. The length is kept, so positions still point
/// into the normalised text.
enum LearnedText {
  static let identifierDigits = 7
  static let placeholder = UInt32(UInt8(ascii: "#"))

  static func of(_ normalized: [UInt32]) -> [UInt32] {
    var text = normalized
    var start = 0
    while start < text.count {
      guard TextNormalizer.isDigit(text[start]) else {
        start += 1
        continue
      }
      var end = start
      while end < text.count, TextNormalizer.isDigit(text[end]) { end += 1 }
      if end - start >= identifierDigits {
        for index in start..<end { text[index] = placeholder }
      }
      start = end
    }
    return text
  }
}
