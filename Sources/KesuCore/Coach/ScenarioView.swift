/// A scenario replay for the terminal (turn by turn) or as a printable Markdown handout.
public struct ScenarioView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  public func header(_ replay: ScenarioReplay) -> String {
    let s = replay.scenario
    let type = knowledge.type(s.type)?.name ?? s.type
    let situations = s.situations.map { knowledge.situation($0)?.name ?? $0 }.joined(separator: "、")
    return style.bold("案例:\(s.title)") + style.dim("  \(s.id) · \(type) · \(situations)" + (s.source.isEmpty ? "" : " · 出处 \(s.source)"))
  }

  public func step(_ step: ScenarioReplay.Step, of total: Int) -> String {
    var lines = [style.bold("第\(step.number)/\(total)轮") + " 客户:" + step.customer]
    let r = step.reading
    let situations = r.situations.map(\.name).joined(separator: "、")
    lines.append(
      style.dim("  解读 ") + "\(r.type.name) · \(situations.isEmpty ? "一般咨询" : situations) · 情绪\(r.emotion.level) \(r.emotion.name)")
    let rules = r.evidence.map { "「\($0.matched)」→\($0.target)" }
    if !rules.isEmpty { lines.append(style.dim("  规则 " + rules.joined(separator: " "))) }
    lines.append(style.green("  ✓ 推荐 ") + step.good)
    if let principle = step.principle { lines.append(style.dim("    原则 \(principle.name):\(principle.summary)")) }
    if let poor = step.poor {
      lines.append(style.red("  ✗ 反例 ") + poor)
      if let fault = step.fault { lines.append("    问题 " + fault) }
      for reason in step.poorVerdict?.reasons ?? [] where !(step.fault ?? "").contains(reason) {
        lines.append(style.dim("    检查 ") + reason)
      }
    }
    return lines.joined(separator: "\n")
  }

  public func ending(_ replay: ScenarioReplay) -> String {
    let stages = replay.stagesDone.map { knowledge.stage($0)?.name ?? $0 }
    return style.bold("好的坐席走过的阶段:") + stages.joined(separator: " → ")
  }

  public func markdown(_ replay: ScenarioReplay) -> String {
    let s = replay.scenario
    var lines = ["# 案例:\(s.title)", ""]
    let type = knowledge.type(s.type)
    lines.append("- 客户类型:\(type?.name ?? s.type)")
    lines.append("- 情况:" + s.situations.map { knowledge.situation($0)?.name ?? $0 }.joined(separator: "、"))
    if !s.source.isEmpty { lines.append("- 出处:\(s.source)") }
    if let type { lines += ["- 对策:\(type.strategy)"] }
    lines.append("")
    for step in replay.steps {
      lines.append("## 第\(step.number)轮")
      lines.append("")
      lines.append("**客户:** \(step.customer)")
      lines.append("")
      let situations = step.reading.situations.map(\.name).joined(separator: "、")
      lines.append("*Kesu 解读:* \(step.reading.type.name) · \(situations.isEmpty ? "一般咨询" : situations) · 情绪 \(step.reading.emotion.level)")
      lines.append("")
      lines.append("**推荐回答:** \(step.good)")
      if let principle = step.principle { lines += ["", "> \(principle.name):\(principle.summary)"] }
      if let poor = step.poor {
        lines.append("")
        lines.append("**反例:** ~~\(poor)~~")
        if let fault = step.fault { lines += ["", "问题:\(fault)"] }
      }
      lines.append("")
    }
    lines.append("## 小结")
    lines.append("")
    lines.append("好的坐席走过的阶段:" + replay.stagesDone.map { knowledge.stage($0)?.name ?? $0 }.joined(separator: " → "))
    return lines.joined(separator: "\n")
  }
}
