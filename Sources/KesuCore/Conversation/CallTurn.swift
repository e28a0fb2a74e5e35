import Foundation

public enum Speaker: String, Codable, Sendable {
  case customer, agent
}

/// One line of a call, as kept in the state: personal numbers already masked.
public struct CallTurn: Codable, Sendable {
  public var speaker: Speaker
  public var text: String
  /// Kesu's reading, for a customer's line.
  public var reading: Reading?
  /// Forbidden phrases and stages, for an agent's line.
  public var check: AgentCheck?
  /// The wording id, when the agent used one of Kesu's suggestions.
  public var wording: String?
  /// 1-based line in the input, for transcripts.
  public var line: Int?

  public init(
    speaker: Speaker, text: String, reading: Reading? = nil, check: AgentCheck? = nil, wording: String? = nil,
    line: Int? = nil
  ) {
    self.speaker = speaker
    self.text = text
    self.reading = reading
    self.check = check
    self.wording = wording
    self.line = line
  }
}

/// A promise to call the customer back (首问负责制: within 48 hours by default).
public struct FollowUpPromise: Codable, Sendable, Equatable {
  public var deadline: Date
  public var note: String
}
