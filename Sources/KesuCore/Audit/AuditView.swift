/// The audit of one call for a person: score, what was missed, forbidden phrases by line.
public struct AuditView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  public func render(_ audit: CallAudit) -> String {
    let type = knowledge.type(audit.type.id)?.name ?? audit.type.id
    let situations = audit.situations.map { knowledge.situation($0)?.name ?? $0 }
    var lines = [
      style.bold("审核 \(audit.call)  得分 \(audit.score)/100"),
      "  类型 \(type) · 情况 \(situations.isEmpty ? "一般咨询" : situations.joined(separator: "、")) · 情绪 峰值\(audit.emotionPeak) 结束\(audit.emotionEnd)",
    ]
    for part in audit.parts {
      let mark = part.points == part.max ? style.green("✓") : style.red("✗")
      lines.append("  \(mark) \(part.note) \(style.dim("\(part.points)/\(part.max)"))")
    }
    for flag in audit.violations {
      lines.append(
        "  " + style.red("禁语") + " 第\(flag.line.map(String.init) ?? "?")行 \(flag.violation.name)「\(flag.violation.matched)」→ \(flag.violation.instead)")
    }
    if audit.escalation.level > 0, let rung = knowledge.rung(audit.escalation.level) {
      lines.append("  升级 \(rung.name):" + audit.escalation.reasons.map(\.reason).joined(separator: ";"))
    }
    return lines.joined(separator: "\n")
  }
}
