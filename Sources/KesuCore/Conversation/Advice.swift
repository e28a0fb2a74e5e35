/// What Kesu tells the agent to do now: 1–3 things to say, what to avoid, the next step.
public struct Advice: Codable, Sendable, Equatable {
  public struct Suggestion: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var stage: String
    public var why: String
  }

  public struct Avoid: Codable, Sendable, Equatable {
    public var family: String
    public var name: String
    public var instead: String
  }

  public var suggestions: [Suggestion]
  public var avoid: [Avoid]
  /// One line: 先安抚情绪 / 复述确认 / 升级到班组长 …
  public var nextStep: String
  /// The stages the advisor aimed at, most urgent first.
  public var focus: [String]
  /// Things the agent must not forget before hanging up.
  public var reminders: [String]
  /// Why this focus, for `/why`.
  public var reasoning: [String]
}
