/// An agent's line checked for forbidden phrases (禁语), for a person.
///
///     ✗ 搬出规定 「这是我们公司的规定」
///       改说:我理解这个规定给您带来了不便,我来看看在规定之内能为您做些什么。
///     ✓ 完成:道歉 · 倾听
public struct CheckView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  public func render(_ check: AgentCheck) -> String {
    var lines: [String] = []
    for violation in check.violations {
      lines.append(style.red("✗ 禁语 " + violation.name) + " 「\(style.enabled ? style.highlight(violation.matched) : violation.matched)」")
      lines.append("  改说:" + violation.instead)
    }
    if check.violations.isEmpty { lines.append(style.green("✓ 没有禁语")) }
    if !check.stages.isEmpty {
      lines.append(style.green("✓ 完成:") + check.stages.map { knowledge.stage($0)?.name ?? $0 }.joined(separator: " · "))
    }
    return lines.joined(separator: "\n")
  }
}
