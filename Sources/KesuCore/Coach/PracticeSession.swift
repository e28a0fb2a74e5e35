/// A trainee practising a scenario: at each customer turn they type their reply; Kesu judges it,
/// shows the model reply, and moves on (the model reply is what the call remembers, so every
/// trainee meets the same call). A score out of 100 at the end, with the reasons.
public struct PracticeSession {
  public let scenario: Scenario
  let engine: Engine
  let judge: ReplyJudge
  var conversation: Conversation
  public private(set) var index = 0
  public private(set) var verdicts: [ReplyJudge.Verdict] = []
  public var style: Style

  public init(scenario: Scenario, engine: Engine, style: Style = .plain) {
    self.scenario = scenario
    self.engine = engine
    self.judge = ReplyJudge(engine: engine)
    self.style = style
    conversation = Conversation(engine: engine)
    if let first = scenario.turns.first { conversation.customer(first.customer) }
  }

  public var finished: Bool { index >= scenario.turns.count }

  /// What the customer says now, to show before the trainee answers.
  public var prompt: String {
    guard !finished else { return "" }
    return style.bold("第\(index + 1)/\(scenario.turns.count)轮") + " 客户:" + scenario.turns[index].customer
  }

  public var introduction: String {
    let type = engine.knowledge.type(scenario.type)?.name ?? scenario.type
    return style.bold("练习:\(scenario.title)") + style.dim("  客户类型 \(type)。输入你的回答,回车提交;q 退出。")
  }

  /// Judges the trainee's reply; returns the feedback (and the next customer line, if any).
  public mutating func answer(_ reply: String) -> String {
    guard !finished else { return "" }
    let trimmed = reply.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return "请输入你对客户说的话。" }
    let verdict = judge.judge(trimmed, state: conversation.state)
    verdicts.append(verdict)
    let turn = scenario.turns[index]
    var lines = [
      (verdict.score >= 80 ? style.green("✓") : style.red("✗")) + " 本轮 \(verdict.score)/100"
    ]
    lines += verdict.reasons.map { "  " + $0 }
    lines.append(style.cyan("  范例 ") + turn.good)
    if let principle = turn.principle.flatMap(engine.knowledge.principle) { lines.append(style.dim("  原则 " + principle.name)) }
    conversation.agent(turn.good)
    index += 1
    if !finished { conversation.customer(scenario.turns[index].customer) }
    return lines.joined(separator: "\n")
  }

  /// The mean of the turn scores (0 for turns not answered).
  public var score: Int {
    guard !scenario.turns.isEmpty else { return 0 }
    return verdicts.reduce(0) { $0 + $1.score } / scenario.turns.count
  }

  public var report: String {
    var lines = [style.bold("练习结束:\(score)/100") + style.dim("  回答了\(verdicts.count)/\(scenario.turns.count)轮")]
    for (number, verdict) in verdicts.enumerated() where verdict.score < 100 {
      lines.append("  第\(number + 1)轮 \(verdict.score):" + verdict.reasons.joined(separator: ";"))
    }
    if verdicts.allSatisfy({ $0.score == 100 }), !verdicts.isEmpty { lines.append("  每一轮都做到了该做的事。") }
    return lines.joined(separator: "\n")
  }
}
