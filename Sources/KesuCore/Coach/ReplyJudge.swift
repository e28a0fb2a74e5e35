/// Judges an agent's reply at one moment of a call: forbidden phrases, whether it does what the
/// moment needs (the advisor's focus), and whether it skips a step (a solution or money talk
/// before the feeling is acknowledged, before listening and confirming).
public struct ReplyJudge: Sendable {
  public struct Verdict: Sendable, Equatable {
    public var check: AgentCheck
    /// The stages the moment called for, most urgent first.
    public var needed: [String]
    /// Did the reply do at least one of them?
    public var didWhatWasNeeded: Bool
    /// Steps skipped: "先谈方案,没有先安抚情绪" …
    public var skipped: [String]
    /// 0–100.
    public var score: Int
    public var reasons: [String]
  }

  public let engine: Engine

  public init(engine: Engine) { self.engine = engine }

  /// - Parameter state: the call just before the reply (the customer's line already in it).
  public func judge(_ reply: String, state: CallState) -> Verdict {
    let knowledge = engine.knowledge
    let check = engine.checker.check(reply)
    let advice = engine.advisor.advise(state)
    let needed = advice.focus
    let did = !Set(check.stages).isDisjoint(with: needed)
    var skipped: [String] = []
    let emotion = state.emotionNow
    let done = Set(state.stagesDone)
    let acknowledges = check.stages.contains("listen") || check.stages.contains("apologize")
    if check.stages.contains("solve"), emotion >= 2, !state.feelingAcknowledged(atLeast: 2), !acknowledges {
      skipped.append("客户情绪激动时先谈方案,没有先安抚、认同感受(先处理情绪,后处理事情)")
    }
    // Money talk: the reply names compensation or a refund (the demand cues of the knowledge base).
    let moneyTalk = engine.classifier.classify(reply).demands.contains { $0.id == "compensation" || $0.id == "refund" }
    if moneyTalk, state.situations.contains("compensation"), !(done.contains("listen") && done.contains("confirm")),
      !check.stages.contains("confirm")
    {
      skipped.append("还没倾听、复述确认就谈赔偿金额")
    }
    var score = 100
    var reasons: [String] = []
    for violation in check.violations {
      score -= 30
      reasons.append("禁语 \(violation.name)「\(violation.matched)」,改说:\(violation.instead)")
    }
    if !did {
      score -= 30
      let names = needed.compactMap { knowledge.stage($0)?.name }
      reasons.append("这一刻需要:" + names.joined(separator: "或") + ",这句话没有做到")
    }
    for step in skipped {
      score -= 20
      reasons.append(step)
    }
    if reasons.isEmpty {
      let names = check.stages.compactMap { knowledge.stage($0)?.name }
      reasons.append("做到了:" + names.joined(separator: "、"))
    }
    return Verdict(
      check: check, needed: needed, didWhatWasNeeded: did, skipped: skipped, score: max(0, score), reasons: reasons)
  }
}
