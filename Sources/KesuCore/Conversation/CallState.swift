import Foundation

/// The memory of one call. A value type with no I/O: the chat, the transcript analyser and the
/// coach all drive it the same way, so a replayed transcript gives the flags the live session
/// gave. Everything that can be derived from the turns is derived (see `CallState+Derived`),
/// so `/undo` is just dropping the last turn.
public struct CallState: Codable, Sendable {
  public var turns: [CallTurn] = []
  /// Set by the agent (`/set type ID`): holds for the rest of the call.
  public var typeOverride: String?
  /// Added by the agent (`/set situation ID`).
  public var situationOverrides: [String] = []
  /// Stages the agent marked done by hand.
  public var markedStages: [String] = []
  /// Times the agent escalated by hand (`/escalate`), each one rung up.
  public var manualEscalations: Int = 0
  public var followUp: FollowUpPromise?
  /// Wording ids Kesu already suggested in this call, so it does not repeat itself.
  public var suggested: [String] = []
  public var facts: [FactMasker.Fact] = []
  public var startedAt: Date

  public init(startedAt: Date = Date()) { self.startedAt = startedAt }

  public var customerTurns: [CallTurn] { turns.filter { $0.speaker == .customer } }
  public var agentTurns: [CallTurn] { turns.filter { $0.speaker == .agent } }
  public var lastReading: Reading? { turns.last { $0.speaker == .customer }?.reading }
}
