/// Where the case stands on the ladder (班组长 → … → 公司总经理) and why it went up.
///
/// Triggers come from `escalation.yaml`: a situation whose id names a trigger (external-threat,
/// criminal, repeat-complaint) or that has `escalate_to`; a request for a supervisor
/// (`supervisor-request`); compensation above `compensation_norm` (`beyond-authority`). Each
/// `/escalate` by the agent goes one rung further.
public struct EscalationStatus: Codable, Sendable, Equatable {
  public struct Reason: Codable, Sendable, Equatable {
    public var trigger: String
    public var reason: String
    public var level: Int
  }

  /// 0 means the agent handles it; 1 is the first rung.
  public var level: Int
  public var reasons: [Reason]

  /// The situation that stands for a request for a supervisor.
  static let supervisorSituation = "escalation-request"

  /// Whether reporting `situation` sends a case up: its id names a trigger, it has
  /// `escalate_to`, or it is a request for a supervisor.
  static func escalates(_ situation: Situation, in knowledge: KnowledgeBase) -> Bool {
    situation.id == supervisorSituation || situation.escalateTo != nil || knowledge.triggers.contains { $0.id == situation.id }
  }

  public static func of(_ state: CallState, knowledge: KnowledgeBase) -> EscalationStatus {
    var reasons: [Reason] = []
    /// `reason` overrides the trigger's own; `fallbackReason` only stands in when escalation.yaml
    /// does not know the trigger.
    func add(_ trigger: String, fallbackLevel: Int? = nil, reason: String? = nil, fallbackReason: String? = nil) {
      guard !reasons.contains(where: { $0.trigger == trigger }) else { return }
      if let known = knowledge.triggers.first(where: { $0.id == trigger }) {
        reasons.append(Reason(trigger: trigger, reason: reason ?? known.reason, level: known.level))
      } else if let fallbackLevel {
        reasons.append(Reason(trigger: trigger, reason: reason ?? fallbackReason ?? trigger, level: fallbackLevel))
      }
    }
    for id in state.situations {
      // A request for a supervisor is one trigger however it was heard (situation or demand).
      if id == supervisorSituation {
        add("supervisor-request", fallbackLevel: 1)
        continue
      }
      let situation = knowledge.situation(id)
      add(id, fallbackLevel: situation?.escalateTo, fallbackReason: situation.map { "情况:\($0.name)" })
    }
    for demand in state.demands {
      if demand.id == "supervisor" { add("supervisor-request", fallbackLevel: 1) }
      if demand.id == "compensation", let amount = demand.amount, amount > knowledge.settings.compensationNorm {
        add("beyond-authority", fallbackLevel: 1, reason: "赔偿要求\(amount)元,超出常规(\(knowledge.settings.compensationNorm)元)")
      }
    }
    let triggered = reasons.map(\.level).max() ?? 0
    let top = knowledge.ladder.map(\.level).max() ?? 5
    let level = min(top, max(triggered, 0) + state.manualEscalations)
    return EscalationStatus(level: level, reasons: reasons)
  }
}
