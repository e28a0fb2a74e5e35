/// Folds text before matching: full-width → half-width, Traditional → Simplified, Latin lower
/// case, control characters and space runs → one space, a run of one punctuation mark cut to
/// three (`！！！！！` → `!!!`), zero-width characters dropped.
///
/// Everything is one table lookup per scalar (built once from `hantToHansPairs`), so the
/// per-line cost is linear and small; ICU transforms are far too slow for the hot path.
public struct TextNormalizer: Sendable {
  public static let shared = TextNormalizer()

  private static let drop: UInt32 = 0xFFFF_FFFF
  private static let space: UInt32 = 0x20
  private static let longestPunctuationRun = 3

  /// Folded value of every BMP scalar.
  private let table: [UInt32]
  /// Folded values of the few Traditional characters outside the BMP.
  private let supplementary: [UInt32: UInt32]

  public init() {
    var table = [UInt32](0..<0x10000)
    for value in 0..<UInt32(0x10000) { table[Int(value)] = Self.foldWidthAndCase(value) }
    var supplementary: [UInt32: UInt32] = [:]
    var scalars = Self.hantToHansPairs.unicodeScalars.filter { $0 != "\n" }.makeIterator()
    while let from = scalars.next(), let to = scalars.next() {
      if from.value < 0x10000 { table[Int(from.value)] = to.value } else { supplementary[from.value] = to.value }
    }
    self.table = table
    self.supplementary = supplementary
  }

  private static func foldWidthAndCase(_ value: UInt32) -> UInt32 {
    var folded = value
    switch value {
    case 0xFF01...0xFF5E: folded = value - 0xFEE0
    case 0x3000: folded = space
    case 0x3002, 0xFF61: folded = 0x2E  // 。 → .
    case 0x3001, 0xFF64: folded = 0x2C  // 、 → ,
    case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: folded = 0x22  // “ ” 「 」 『 』 → "
    case 0x2018, 0x2019: folded = 0x27  // ‘ ’ → '
    case 0x3010, 0x3014: folded = 0x5B  // 【 → [
    case 0x3011, 0x3015: folded = 0x5D
    case 0xFE4F, 0x2014, 0x2015, 0x2500: folded = 0x2D  // dashes → -
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return drop
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return space
    default: break
    }
    if (0x41...0x5A).contains(folded) { folded += 0x20 }
    return folded
  }

  /// A folded scalar that is a space or punctuation.
  public static func isSpaceOrPunctuation(_ value: UInt32) -> Bool { value == space || isPunctuation(value) }

  /// Punctuation that ends a clause (, . ! ? ; :) after folding: a negation does not reach past it.
  public static func isClausePunctuation(_ value: UInt32) -> Bool {
    switch value {
    case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x3001, 0x3002: return true
    default: return false
    }
  }

  /// Punctuation that ends a sentence (. ! ?) after folding.
  public static func isSentencePunctuation(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E, 0x21, 0x3F, 0x3002: return true
    default: return false
    }
  }

  /// An ASCII digit.
  @inline(__always)
  public static func isDigit(_ value: UInt32) -> Bool { value &- 0x30 < 10 }

  /// A Latin letter of folded text (lower case: `normalize` folds case).
  @inline(__always)
  public static func isLetter(_ value: UInt32) -> Bool { value &- 0x61 < 26 }

  /// A Chinese character (CJK unified ideographs and their extensions).
  public static func isHan(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2FFFF).contains(value)
  }

  private static func isPunctuation(_ value: UInt32) -> Bool {
    switch value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x2026, 0x3000...0x303F: return true
    default: return false
    }
  }

  public func fold(_ value: UInt32) -> UInt32 {
    value < 0x10000 ? table[Int(value)] : (supplementary[value] ?? value)
  }

  public func normalize(_ text: String) -> NormalizedText {
    var scalars: [UInt32] = []
    var origin: [Int32] = []
    scalars.reserveCapacity(text.utf8.count / 2 + 1)
    origin.reserveCapacity(text.utf8.count / 2 + 1)
    var index: Int32 = 0
    var runValue: UInt32 = 0
    var runLength = 0
    for scalar in text.unicodeScalars {
      defer { index += 1 }
      let value = fold(scalar.value)
      if value == Self.drop { continue }
      if value == runValue {
        runLength += 1
        if value == Self.space { continue }
        if Self.isPunctuation(value), runLength > Self.longestPunctuationRun { continue }
      } else {
        runValue = value
        runLength = 1
      }
      scalars.append(value)
      origin.append(index)
    }
    return NormalizedText(scalars: scalars, origin: origin, originalCount: Int(index))
  }

  /// The folded form of a phrase, for building matchers and comparing.
  public func fold(_ text: String) -> String { normalize(text).string }
}
