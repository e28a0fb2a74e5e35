/// One knowledge entry (`kesu kb show ID`, `/type ID`) as a person reads it.
public struct EntryView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  /// Every entry with this id, of whatever kind; nil when none has it.
  public func render(id: String) -> String? {
    var blocks: [String] = []
    if let type = knowledge.type(id) { blocks.append(render(type)) }
    if let situation = knowledge.situation(id) {
      var lines = [title("情况", situation.name, situation.id)]
      if let principle = situation.principle.flatMap(knowledge.principle) { lines.append("原则  \(principle.name):\(principle.summary)") }
      if let level = situation.escalateTo, let rung = knowledge.rung(level) { lines.append("升级  \(rung.name)") }
      if situation.safety { lines.append(style.red("安全优先:有任何迹象都会报告")) }
      lines.append(cues(situation.cues))
      blocks.append(lines.joined(separator: "\n"))
    }
    if let family = knowledge.family(id) {
      var lines = [title("禁语", family.name, family.id)]
      if !family.seed.isEmpty { lines.append("原话  " + family.seed.joined(separator: " / ")) }
      lines.append("改说  " + knowledge.fill(family.instead))
      if !family.why.isEmpty { lines.append("为什么 " + family.why) }
      lines.append(cues(family.cues))
      blocks.append(lines.joined(separator: "\n"))
    }
    if let stage = knowledge.stage(id) {
      blocks.append([title("阶段", stage.name, stage.id), stage.description, cues(stage.cues)].joined(separator: "\n"))
    }
    if let principle = knowledge.principle(id) {
      blocks.append([title("原则", principle.name, principle.id), principle.summary].joined(separator: "\n"))
    }
    if let list = knowledge.lists.first(where: { $0.id == id }) {
      blocks.append(([title("要点", list.name, list.id)] + list.items.map { "· " + $0 }).joined(separator: "\n"))
    }
    if let wording = knowledge.wording.first(where: { $0.id == id }) {
      var lines = [title("话术", knowledge.stage(wording.stage)?.name ?? wording.stage, wording.id), knowledge.fill(wording.text)]
      if !wording.types.isEmpty { lines.append("类型  " + wording.types.joined(separator: ", ")) }
      if !wording.situations.isEmpty { lines.append("情况  " + wording.situations.joined(separator: ", ")) }
      if !wording.why.isEmpty { lines.append("为什么 " + wording.why) }
      blocks.append(lines.joined(separator: "\n"))
    }
    if let scenario = knowledge.scenario(id) {
      blocks.append(
        [title("案例", scenario.title, scenario.id), "类型  \(scenario.type)  情况  \(scenario.situations.joined(separator: ", "))  \(scenario.turns.count)轮"]
          .joined(separator: "\n"))
    }
    return blocks.isEmpty ? nil : blocks.joined(separator: "\n\n")
  }

  public func render(_ type: ComplainantType) -> String {
    var lines = [title("类型", "\(type.name)(\(type.nameHant))", type.id)]
    lines.append("特征  " + type.marks)
    lines.append("对策  " + type.strategy)
    let avoid = type.avoid.compactMap(knowledge.family).map(\.name)
    if !avoid.isEmpty { lines.append("避免  " + avoid.joined(separator: "、")) }
    return lines.joined(separator: "\n")
  }

  func title(_ kind: String, _ name: String, _ id: String) -> String {
    style.dim(kind) + "  " + style.bold(name) + "  " + style.dim(id)
  }

  func cues(_ cues: [Cue]) -> String {
    let phrases = cues.flatMap(\.phrases)
    let shown = phrases.prefix(12).joined(separator: " / ")
    return style.dim("线索  " + shown + (phrases.count > 12 ? " …(共\(phrases.count)个)" : ""))
  }
}
