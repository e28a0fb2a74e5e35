import Foundation

/// Finds personal facts in what was said (phone, ID-card and bank-card numbers, order or
/// account numbers) and masks them: 13812345678 → 138****5678.
public enum FactMasker {
  public struct Fact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case phone, idCard = "id-card", bankCard = "bank-card", number }
    public var kind: Kind
    /// Already masked.
    public var value: String
    /// The number as said: kept in memory and in the case store for `--reveal`, never encoded.
    public var raw: String = ""

    enum CodingKeys: String, CodingKey { case kind, value }

    public init(kind: Kind, value: String, raw: String = "") {
      self.kind = kind
      self.value = value
      self.raw = raw
    }
  }

  /// The text with every long digit run masked, and the facts found.
  public static func mask(_ text: String) -> (text: String, facts: [Fact]) {
    var output = ""
    var facts: [Fact] = []
    var run = ""
    func flush() {
      guard !run.isEmpty else { return }
      if var fact = classify(run) {
        fact.raw = run
        facts.append(fact)
        output += fact.value
      } else {
        output += run
      }
      run = ""
    }
    for character in text {
      if character.isASCII, character.isNumber || (character == "X" || character == "x") && run.count == 17 {
        run.append(character)
      } else {
        flush()
        output.append(character)
      }
    }
    flush()
    return (output, facts)
  }

  private static func classify(_ run: String) -> Fact? {
    let count = run.count
    if count == 11, run.hasPrefix("1") { return Fact(kind: .phone, value: keep(run, first: 3, last: 4)) }
    if count == 18 || (count == 15 && run.allSatisfy(\.isNumber)) {
      return Fact(kind: .idCard, value: keep(run, first: 3, last: 4))
    }
    if (16...19).contains(count) { return Fact(kind: .bankCard, value: keep(run, first: 0, last: 4)) }
    if count >= 7 { return Fact(kind: .number, value: keep(run, first: 2, last: 4)) }
    return nil
  }

  private static func keep(_ run: String, first: Int, last: Int) -> String {
    String(run.prefix(first)) + String(repeating: "*", count: max(0, run.count - first - last)) + String(run.suffix(last))
  }
}
