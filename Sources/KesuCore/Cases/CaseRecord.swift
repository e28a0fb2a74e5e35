import Foundation

/// One complaint case as kept in the store: who, what, what was promised by when, and the whole
/// call (turn texts already masked). Raw personal numbers are kept apart, shown only on `--reveal`.
public struct CaseRecord: Codable, Sendable {
  public enum Status: String, Codable, Sendable { case open, closed }

  public var id: Int64?
  public var openedAt: Date
  public var updatedAt: Date
  public var status: Status = .open
  /// The customer's contact as said in the call, masked (138****5678).
  public var customer: String = ""
  public var type: String = "ordinary"
  public var situations: [String] = []
  /// Demands in words: "赔偿 ¥5000", "找上级".
  public var demands: [String] = []
  /// What the agent promised (solution wording, the follow-up note).
  public var promised: String = ""
  public var followUpDue: Date?
  public var escalationLevel: Int = 0
  public var notes: String = ""
  public var source: String = "chat"
  public var state: CallState?
  /// Unmasked personal numbers, for `--reveal` only.
  public var revealed: [String] = []
  public var closedAt: Date?
  public var closeNote: String = ""

  public init(openedAt: Date, updatedAt: Date? = nil) {
    self.openedAt = openedAt
    self.updatedAt = updatedAt ?? openedAt
  }

  /// A case from the call as it stands; keeps `id`, `openedAt` and notes of `existing`.
  public static func from(
    _ conversation: Conversation, existing: CaseRecord? = nil, source: String = "chat", revealed: [String] = [],
    now: Date = Date()
  ) -> CaseRecord {
    let knowledge = conversation.knowledge
    let state = conversation.state
    var record = existing ?? CaseRecord(openedAt: state.startedAt)
    record.updatedAt = now
    record.customer = state.facts.first { $0.kind == .phone }?.value ?? state.facts.first?.value ?? ""
    record.type = conversation.typeEstimate.id
    record.situations = state.situations
    record.demands = state.demands.map { demand in
      let name = knowledge.demands.first { $0.id == demand.id }?.name ?? demand.id
      return demand.amount.map { "\(name) ¥\($0)" } ?? name
    }
    let promisedLines = state.agentTurns.filter { $0.check?.stages.contains("solve") ?? false }.map(\.text)
    record.promised = (promisedLines + [state.followUp?.note ?? ""].filter { !$0.isEmpty }).joined(separator: " / ")
    record.followUpDue = state.followUp?.deadline
    record.escalationLevel = conversation.escalation.level
    record.source = existing?.source ?? source
    record.state = state
    record.revealed = Array(Set((existing?.revealed ?? []) + revealed)).sorted()
    return record
  }

  /// Whether the promised reply time has passed without the case being closed.
  public func isOverdue(now: Date) -> Bool { status == .open && (followUpDue.map { $0 < now } ?? false) }
}
