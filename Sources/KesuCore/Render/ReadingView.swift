/// A reading and its advice as a compact block for a person: fits `columns`, reads at a glance.
///
///     类型  激情型 0.86(其次 死缠烂打型 0.40)
///     情况  故障中断 · 赔偿要求    情绪 2 愤怒 · 激动型
///     建议  1. 您先别着急,我在认真听,您慢慢说。
///     避免  搬出规定 → 我理解这个规定给您带来了不便……
///     下一步 先处理情绪,后处理事情
public struct ReadingView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style
  public var columns: Int

  public init(knowledge: KnowledgeBase, style: Style = .plain, columns: Int = 80) {
    self.knowledge = knowledge
    self.style = style
    self.columns = max(40, columns)
  }

  func typeName(_ id: String, hant: Bool) -> String {
    guard let type = knowledge.type(id) else { return id }
    return hant ? type.nameHant : type.name
  }

  static func percent(_ confidence: Double) -> String { "\(Int((confidence * 100).rounded()))%" }

  /// - Parameters:
  ///   - type: the type to show (the call's estimate in the chat; the line's own type otherwise).
  ///   - hant: the customer wrote Traditional: type names in Traditional.
  ///   - evidence: show the original text with the matched characters highlighted.
  public func render(
    _ reading: Reading, advice: Advice?, type: (id: String, confidence: Double)? = nil, hant: Bool = false,
    evidence: Bool = false
  ) -> String {
    var lines: [String] = []
    let shown = type ?? (reading.type.id, reading.type.confidence)
    var typeLine = style.bold(typeName(shown.id, hant: hant)) + " " + Self.percent(shown.confidence)
    // A runner-up is shown only when it came close: one weak cue is no reason to put an odd
    // label beside an ordinary customer.
    let close = knowledge.classifier.typeThreshold * 0.75
    if let runnerUp = reading.alternatives.first(where: { $0.id != shown.id && $0.id != "ordinary" }),
      reading.typeScores[runnerUp.id, default: 0] >= close
    {
      typeLine += style.dim("(其次 \(typeName(runnerUp.id, hant: hant)) \(Self.percent(runnerUp.confidence)))")
    }
    lines.append(field("类型", typeLine))
    let situations = reading.situations.map { label in
      knowledge.situation(label.id)?.safety == true ? style.red(style.bold(label.name)) : label.name
    }
    var emotion = "情绪 \(reading.emotion.level) \(reading.emotion.name)"
    if reading.emotion.level >= 2 { emotion = style.red(emotion) }
    if let demeanor = reading.demeanor { emotion += " · " + demeanor.name }
    lines.append(field("情况", (situations.isEmpty ? "一般咨询" : situations.joined(separator: " · ")) + "    " + emotion))
    if evidence { lines.append(contentsOf: wrapped("依据", highlighted(reading))) }
    if let advice { lines += adviceLines(advice) }
    return lines.joined(separator: "\n")
  }

  public func adviceLines(_ advice: Advice) -> [String] {
    var lines: [String] = []
    for (index, suggestion) in advice.suggestions.enumerated() {
      lines += wrapped(index == 0 ? "建议" : "", style.cyan("\(index + 1).") + " " + suggestion.text)
    }
    for avoid in advice.avoid.prefix(2) {
      lines += wrapped("避免", style.yellow(avoid.name) + " → " + avoid.instead)
    }
    if !advice.nextStep.isEmpty { lines.append(field("下一步", style.bold(advice.nextStep))) }
    for reminder in advice.reminders { lines += wrapped("提醒", reminder) }
    return lines
  }

  /// `type:stalker` → 跟踪狂型, `situation:outage` → 故障中断, `emotion:2` → 情绪2 …
  func targetName(_ target: String) -> String {
    let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return target == "intensifier" ? "加强语气" : target }
    switch parts[0] {
    case "type": return knowledge.type(parts[1])?.name ?? parts[1]
    case "situation": return knowledge.situation(parts[1])?.name ?? parts[1]
    case "emotion": return "情绪" + parts[1]
    case "demand": return "诉求:" + (knowledge.demands.first { $0.id == parts[1] }?.name ?? parts[1])
    case "demeanor": return knowledge.demeanor(parts[1])?.name ?? parts[1]
    default: return target
    }
  }

  func field(_ label: String, _ value: String) -> String {
    let pad = max(1, 7 - TextLayout.width(of: label))
    return style.dim(label) + String(repeating: " ", count: pad) + value
  }

  /// A labelled field whose value wraps under itself.
  func wrapped(_ label: String, _ value: String) -> [String] {
    if style.enabled { return [field(label, value)] }  // escape codes would confuse the width count
    let lines = TextLayout.wrap(value, columns: columns, indent: 7)
    return [field(label, lines[0].trimmingLeadingSpaces())] + lines.dropFirst()
  }
}

extension String {
  func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
