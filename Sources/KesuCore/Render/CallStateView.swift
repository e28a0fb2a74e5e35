import Foundation

/// The call so far (`/state`) and the hand-over summary (`/summary`, Ctrl-D), for a person.
public struct CallStateView: Sendable {
  public var knowledge: KnowledgeBase
  public var style: Style

  public init(knowledge: KnowledgeBase, style: Style = .plain) {
    self.knowledge = knowledge
    self.style = style
  }

  /// Made once: a formatter is costly to build, and a case list shows dozens of times.
  /// (DateFormatter formats safely from several threads.)
  private static let formatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter
  }()

  static func time(_ date: Date) -> String { formatter.string(from: date) }

  func row(_ label: String, _ value: String) -> String {
    style.dim(label) + String(repeating: " ", count: max(1, 8 - TextLayout.width(of: label))) + value
  }

  func stageNames(_ ids: [String]) -> String {
    ids.isEmpty ? "无" : ids.map { knowledge.stage($0)?.name ?? $0 }.joined(separator: " · ")
  }

  func demandText(_ demand: CallState.DemandRecord) -> String {
    var text = knowledge.demands.first { $0.id == demand.id }?.name ?? demand.id
    if let amount = demand.amount { text += " ¥\(amount)" }
    if demand.times > 1 { text += "(\(demand.times)次)" }
    return text
  }

  func emotionName(_ level: Int) -> String { "\(level) \(knowledge.emotion(level)?.name ?? "")" }

  /// Lines shared by `/state` and `/summary`.
  func core(_ conversation: Conversation) -> [String] {
    let state = conversation.state
    let estimate = conversation.typeEstimate
    var lines: [String] = []
    lines.append(row("客户类型", (knowledge.type(estimate.id)?.name ?? estimate.id) + " \(ReadingView.percent(estimate.confidence))"))
    let situations = state.situations.map { knowledge.situation($0)?.name ?? $0 }
    lines.append(row("情况", situations.isEmpty ? "一般咨询" : situations.joined(separator: " · ")))
    let demands = state.demands.map(demandText)
    lines.append(row("诉求", demands.isEmpty ? "未明确" : demands.joined(separator: " · ")))
    lines.append(row("情绪", "峰值 \(emotionName(state.emotionPeak)),现在 \(emotionName(state.emotionNow))"))
    let escalation = conversation.escalation
    if escalation.level > 0 {
      let rung = knowledge.rung(escalation.level)?.name ?? "第\(escalation.level)级"
      let why = escalation.reasons.map(\.reason) + (state.manualEscalations > 0 ? ["坐席手动升级\(state.manualEscalations)次"] : [])
      lines.append(row("升级", style.yellow(rung) + ":" + why.joined(separator: ";")))
    } else {
      lines.append(row("升级", "无需升级"))
    }
    if let followUp = state.followUp {
      lines.append(row("承诺", "\(Self.time(followUp.deadline)) 前回复" + (followUp.note.isEmpty ? "" : ":" + followUp.note)))
    } else {
      lines.append(row("承诺", style.yellow("尚未约定回复时间(首问负责制:\(knowledge.settings.followUpHours)小时内)")))
    }
    return lines
  }

  /// `/state`: the call so far, stages done and missing, the emotion curve, violations.
  public func state(_ conversation: Conversation) -> String {
    let state = conversation.state
    var lines = [style.bold("通话进度") + style.dim("  客户\(state.customerTurns.count)句 · 坐席\(state.agentTurns.count)句")]
    lines += core(conversation)
    lines.append(row("已完成", style.green(stageNames(state.stagesDone))))
    lines.append(row("未完成", stageNames(conversation.stagesMissing)))
    if !state.emotionCurve.isEmpty {
      lines.append(row("情绪曲线", state.emotionCurve.map(String.init).joined(separator: " → ")))
    }
    lines += violationLines(state)
    if !state.facts.isEmpty { lines.append(row("资料", state.facts.map(\.value).joined(separator: " · "))) }
    return lines.joined(separator: "\n")
  }

  /// `/summary`: a hand-over for whoever takes the case next: who, what, demands, promises.
  public func summary(_ conversation: Conversation, notes: [String] = []) -> String {
    let state = conversation.state
    var lines = [style.bold("交接摘要") + style.dim("  \(Self.time(state.startedAt)) 开始 · \(state.turns.count)句")]
    lines += core(conversation)
    lines.append(row("已完成", stageNames(state.stagesDone)))
    let missing = conversation.stagesMissing.filter { $0 != "escalate" || conversation.escalation.level > 0 }
    if !missing.isEmpty { lines.append(row("还缺", style.yellow(stageNames(missing)))) }
    lines += violationLines(state)
    if !state.facts.isEmpty { lines.append(row("资料", state.facts.map(\.value).joined(separator: " · "))) }
    for note in notes { lines.append(row("备注", note)) }
    return lines.joined(separator: "\n")
  }

  func violationLines(_ state: CallState) -> [String] {
    let violations = state.violations
    guard !violations.isEmpty else { return [] }
    let text = violations.map { "\($0.violation.name)「\($0.violation.matched)」(第\($0.turn + 1)句)" }
    return [row("禁语", style.red("\(violations.count)次:") + text.joined(separator: ";"))]
  }
}
