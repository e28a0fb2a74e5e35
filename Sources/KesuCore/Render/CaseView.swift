import Foundation

/// Case records for a person: one line each in `kesu cases`, the whole case in `cases show`.
public struct CaseView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  func due(_ record: CaseRecord, now: Date) -> String {
    guard let due = record.followUpDue else { return style.dim("未约定") }
    let text = CallStateView.time(due)
    if record.status == .closed { return text }
    if due < now { return style.red(text + " 已逾期") }
    if due.timeIntervalSince(now) < 4 * 3600 { return style.yellow(text + " 将到期") }
    return text
  }

  /// `#12  2026-11-24 15:00 已逾期  激情型  故障中断·赔偿要求  138****5678`
  public func row(_ record: CaseRecord, now: Date) -> String {
    let type = knowledge.type(record.type)?.name ?? record.type
    let situations = record.situations.map { knowledge.situation($0)?.name ?? $0 }.joined(separator: "·")
    return ["#\(record.id ?? 0)", due(record, now: now), type, situations.isEmpty ? "一般咨询" : situations, record.customer]
      .filter { !$0.isEmpty }.joined(separator: "  ")
  }

  public func detail(_ record: CaseRecord, now: Date, reveal: Bool = false) -> String {
    func row(_ label: String, _ value: String) -> String {
      style.dim(label) + String(repeating: " ", count: max(1, 8 - TextLayout.width(of: label))) + value
    }
    var lines = [style.bold("案件 #\(record.id ?? 0)") + "  " + (record.status == .open ? "处理中" : "已结案")]
    lines.append(row("建档", CallStateView.time(record.openedAt) + style.dim("  更新 " + CallStateView.time(record.updatedAt))))
    if !record.customer.isEmpty { lines.append(row("客户", record.customer)) }
    lines.append(row("类型", knowledge.type(record.type)?.name ?? record.type))
    let situations = record.situations.map { knowledge.situation($0)?.name ?? $0 }
    lines.append(row("情况", situations.isEmpty ? "一般咨询" : situations.joined(separator: " · ")))
    if !record.demands.isEmpty { lines.append(row("诉求", record.demands.joined(separator: " · "))) }
    if !record.promised.isEmpty { lines.append(row("承诺", record.promised)) }
    lines.append(row("回复期限", due(record, now: now)))
    if record.escalationLevel > 0 {
      lines.append(row("升级", knowledge.rung(record.escalationLevel)?.name ?? "第\(record.escalationLevel)级"))
    }
    if !record.notes.isEmpty { lines.append(row("备注", record.notes)) }
    if record.status == .closed {
      lines.append(row("结案", (record.closedAt.map(CallStateView.time) ?? "") + " " + record.closeNote))
    }
    if reveal, !record.revealed.isEmpty { lines.append(row("完整号码", record.revealed.joined(separator: " · "))) }
    if let state = record.state, !state.turns.isEmpty {
      lines.append(style.dim("通话记录"))
      for turn in state.turns {
        lines.append("  " + (turn.speaker == .customer ? "客户:" : "坐席:") + turn.text)
      }
    }
    return lines.joined(separator: "\n")
  }
}
