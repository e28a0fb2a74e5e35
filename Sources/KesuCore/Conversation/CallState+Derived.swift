/// What the state knows without storing it: situations, emotion curve, demands, stages.
extension CallState {
  /// Emotion level of each customer turn, in order.
  public var emotionCurve: [Int] { customerTurns.compactMap { $0.reading?.emotion.level } }
  public var emotionPeak: Int { emotionCurve.max() ?? 0 }
  public var emotionNow: Int { emotionCurve.last ?? 0 }

  /// Situations seen so far, first seen first, then the agent's own additions.
  public var situations: [String] {
    var seen: [String] = []
    for turn in customerTurns {
      for situation in turn.reading?.situations ?? [] where !seen.contains(situation.id) { seen.append(situation.id) }
    }
    for id in situationOverrides where !seen.contains(id) { seen.append(id) }
    return seen
  }

  /// Each demand once, with how many customer turns repeated it and the latest amount named.
  public struct DemandRecord: Codable, Sendable, Equatable {
    public var id: String
    public var amount: Int?
    public var times: Int
    public var firstTurn: Int
  }

  public var demands: [DemandRecord] {
    var records: [DemandRecord] = []
    for (index, turn) in turns.enumerated() where turn.speaker == .customer {
      for demand in turn.reading?.demands ?? [] {
        if let existing = records.firstIndex(where: { $0.id == demand.id }) {
          records[existing].times += 1
          if let amount = demand.amount { records[existing].amount = amount }
        } else {
          records.append(DemandRecord(id: demand.id, amount: demand.amount, times: 1, firstTurn: index))
        }
      }
    }
    return records
  }

  /// Stage ids done, in the order they were first done (agent lines and hand marks).
  public var stagesDone: [String] {
    var done: [String] = []
    for turn in agentTurns {
      for stage in turn.check?.stages ?? [] where !done.contains(stage) { done.append(stage) }
    }
    for stage in markedStages where !done.contains(stage) { done.append(stage) }
    if followUp != nil, !done.contains("follow-up") { done.append("follow-up") }
    return done
  }

  /// Index in `turns` of the first agent line that did `stage`, if any.
  public func firstTurn(of stage: String) -> Int? {
    turns.firstIndex { $0.speaker == .agent && ($0.check?.stages.contains(stage) ?? false) }
  }

  /// Whether the customer's feeling was acknowledged since emotion last rose to `level` or more.
  public func feelingAcknowledged(atLeast level: Int) -> Bool {
    guard let lastHigh = turns.lastIndex(where: { ($0.reading?.emotion.level ?? 0) >= level }) else { return true }
    return turns[lastHigh...].contains { turn in
      turn.speaker == .agent && (turn.check?.stages.contains("listen") ?? false)
    }
  }

  /// All forbidden phrases the agent used, with the turn they came in.
  public var violations: [(turn: Int, violation: AgentCheck.Violation)] {
    turns.enumerated().flatMap { index, turn in (turn.check?.violations ?? []).map { (index, $0) } }
  }
}
