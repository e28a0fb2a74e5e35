/// The audit of one call: what the agent did and missed, and a score out of 100 whose parts a
/// reviewer can check by hand.
///
/// | part | points | full marks when |
/// |---|---|---|
/// | apology | 15 | apologised within the first two agent lines (10 if later) |
/// | feelings | 15 | acknowledged the feeling before the first solution (8 if only after) |
/// | confirm | 10 | restated the problem to confirm it |
/// | solution | 15 | offered a concrete solution |
/// | escalation | 5 | escalated when the call needed it (or it did not) |
/// | thanks | 10 | thanked the customer |
/// | follow_up | 10 | promised a reply time |
/// | language | 15 | no forbidden phrase (−5 each) |
/// | emotion | 5 | the customer ended calmer than their peak (or was never upset) |
public struct CallAudit: Sendable {
  public struct Part: Sendable, Equatable {
    public var id: String
    public var points: Int
    public var max: Int
    public var note: String
  }

  public struct Flag: Sendable, Equatable {
    public var line: Int?
    public var violation: AgentCheck.Violation
  }

  public var call: String
  public var type: TypeEstimate
  public var situations: [String]
  public var emotionPeak: Int
  public var emotionEnd: Int
  public var demands: [CallState.DemandRecord]
  public var stagesPresent: [String]
  public var stagesMissing: [String]
  public var violations: [Flag]
  public var escalation: EscalationStatus
  public var followUp: FollowUpPromise?
  /// Agent lines before the first apology (nil: never apologised).
  public var turnsBeforeApology: Int?
  public var parts: [Part]

  public var score: Int { parts.reduce(0) { $0 + $1.points } }

  public init(call: String, conversation: Conversation) {
    let state = conversation.state
    self.call = call
    type = conversation.typeEstimate
    situations = state.situations
    emotionPeak = state.emotionPeak
    emotionEnd = state.emotionNow
    demands = state.demands
    stagesPresent = state.stagesDone
    escalation = conversation.escalation
    let needsEscalation = escalation.level > 0
    stagesMissing = conversation.stagesMissing.filter { $0 != "escalate" || needsEscalation }
    violations = state.violations.map { Flag(line: state.turns[$0.turn].line, violation: $0.violation) }
    followUp = state.followUp
    let agentTurns = state.turns.filter { $0.speaker == .agent }
    turnsBeforeApology = agentTurns.firstIndex { $0.check?.stages.contains("apologize") ?? false }

    let done = Set(stagesPresent)
    var parts: [Part] = []
    switch turnsBeforeApology {
    case .some(let n) where n < 2: parts.append(Part(id: "apology", points: 15, max: 15, note: "第\(n + 1)句坐席话就道歉"))
    case .some(let n): parts.append(Part(id: "apology", points: 10, max: 15, note: "道歉较晚(第\(n + 1)句)"))
    case nil: parts.append(Part(id: "apology", points: 0, max: 15, note: "没有道歉"))
    }
    let listen = state.firstTurn(of: "listen")
    let solve = state.firstTurn(of: "solve")
    switch (listen, solve) {
    case (nil, _): parts.append(Part(id: "feelings", points: 0, max: 15, note: "没有认同客户的感受"))
    case (let l?, let s?) where l > s: parts.append(Part(id: "feelings", points: 8, max: 15, note: "先谈方案后认同感受"))
    default: parts.append(Part(id: "feelings", points: 15, max: 15, note: "先认同感受"))
    }
    func stage(_ id: String, _ points: Int, yes: String, no: String) {
      parts.append(done.contains(id) ? Part(id: id, points: points, max: points, note: yes) : Part(id: id, points: 0, max: points, note: no))
    }
    stage("confirm", 10, yes: "复述确认了问题", no: "没有复述确认")
    parts.append(
      done.contains("solve")
        ? Part(id: "solution", points: 15, max: 15, note: "提出了具体方案") : Part(id: "solution", points: 0, max: 15, note: "没有具体方案"))
    if !needsEscalation {
      parts.append(Part(id: "escalation", points: 5, max: 5, note: "无需升级"))
    } else {
      parts.append(
        done.contains("escalate")
          ? Part(id: "escalation", points: 5, max: 5, note: "按需升级") : Part(id: "escalation", points: 0, max: 5, note: "需要升级但没有升级"))
    }
    parts.append(
      done.contains("thank") ? Part(id: "thanks", points: 10, max: 10, note: "致谢") : Part(id: "thanks", points: 0, max: 10, note: "没有致谢"))
    parts.append(
      done.contains("follow-up")
        ? Part(id: "follow_up", points: 10, max: 10, note: "约定了回复时间") : Part(id: "follow_up", points: 0, max: 10, note: "没有约定回复时间"))
    let count = violations.count
    parts.append(Part(id: "language", points: max(0, 15 - 5 * count), max: 15, note: count == 0 ? "没有禁语" : "禁语\(count)次"))
    let calmer = emotionPeak < 2 || emotionEnd < emotionPeak
    parts.append(
      Part(id: "emotion", points: calmer ? 5 : 0, max: 5, note: calmer ? "情绪\(emotionPeak)→\(emotionEnd)" : "情绪没有缓和(\(emotionPeak)→\(emotionEnd))"))
    self.parts = parts
  }
}
