/// The quiz: the O/X statements of `quiz.yaml` (seed 000 and others) plus questions drawn from
/// the knowledge base — which type is this customer, is this line a forbidden phrase, what
/// comes next. A seed makes the set repeatable.
public struct Quiz: Sendable {
  public struct Item: Sendable, Equatable {
    public var id: String
    public var prompt: String
    /// Empty for a true/false question.
    public var options: [String]
    /// The index of the right option, or 1 (true) / 0 (false).
    public var answer: Int
    public var explanation: String

    public var isTrueFalse: Bool { options.isEmpty }
  }

  public var items: [Item]

  public init(engine: Engine, count: Int?, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    var pool = Self.pool(engine.knowledge, generator: &generator)
    pool.shuffle(using: &generator)
    items = Array(pool.prefix(count ?? 10))
  }

  static func pool(_ knowledge: KnowledgeBase, generator: inout SplitMix64) -> [Item] {
    var items = knowledge.quiz.map {
      Item(id: $0.id, prompt: $0.statement, options: [], answer: $0.answer ? 1 : 0, explanation: $0.explanation)
    }
    let types = knowledge.types.filter { $0.id != "ordinary" }
    func options(_ right: String, among all: [String]) -> ([String], Int) {
      var choices = [right] + Array(all.filter { $0 != right }.shuffled(using: &generator).prefix(3))
      choices.shuffle(using: &generator)
      return (choices, choices.firstIndex(of: right) ?? 0)
    }
    for scenario in knowledge.scenarios where scenario.type != "ordinary" {
      guard let type = knowledge.type(scenario.type), let line = scenario.turns.first?.customer else { continue }
      let (choices, answer) = options(type.name, among: types.map(\.name))
      items.append(
        Item(id: "type-\(scenario.id)", prompt: "客户说:「\(line)」这是哪一类客户?", options: choices, answer: answer,
          explanation: "\(type.name):\(type.marks) 对策:\(type.strategy)"))
    }
    for family in knowledge.forbidden {
      for phrase in family.seed.prefix(1) {
        items.append(
          Item(id: "forbidden-\(family.id)", prompt: "坐席说「\(phrase)」——这是禁语吗?", options: [], answer: 1,
            explanation: "\(family.name)。改说:\(knowledge.fill(family.instead))"))
      }
    }
    for wording in knowledge.wording.filter({ $0.types.isEmpty && $0.situations.isEmpty }).prefix(6) {
      items.append(
        Item(id: "clean-\(wording.id)", prompt: "坐席说「\(knowledge.fill(wording.text))」——这是禁语吗?", options: [], answer: 0,
          explanation: "不是禁语。" + wording.why))
    }
    let order = knowledge.stageOrder
    for (index, id) in order.enumerated() where index + 1 < order.count && index >= 1 {
      guard let stage = knowledge.stage(id), let next = knowledge.stage(order[index + 1]) else { continue }
      let (choices, answer) = options(next.name, among: knowledge.stages.map(\.name))
      items.append(
        Item(id: "next-\(id)", prompt: "处理投诉时,「\(stage.name)」之后通常下一步是?", options: choices, answer: answer,
          explanation: "顺序:" + order.compactMap { knowledge.stage($0)?.name }.joined(separator: " → ")))
    }
    return items
  }

  /// Reads an answer: O/X (对/错, y/n, 1/0) or an option letter/number; nil when unreadable.
  public static func parse(_ text: String, for item: Item) -> Int? {
    let answer = text.trimmingCharacters(in: .whitespaces).lowercased()
    if item.isTrueFalse {
      if ["o", "对", "是", "y", "yes", "true", "t", "√", "正确", "○", "〇", "1"].contains(answer) { return 1 }
      if ["x", "错", "否", "n", "no", "false", "f", "×", "错误", "0", "不是"].contains(answer) { return 0 }
      return nil
    }
    if let number = Int(answer), (1...item.options.count).contains(number) { return number - 1 }
    if answer.count == 1, let scalar = answer.unicodeScalars.first, (97..<97 + item.options.count).contains(Int(scalar.value)) {
      return Int(scalar.value) - 97
    }
    return item.options.firstIndex { $0 == text.trimmingCharacters(in: .whitespaces) }
  }
}

/// A small, fast, repeatable random number generator (for `--seed`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
