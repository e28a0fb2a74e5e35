/// Everything Kesu knows, loaded from `Knowledge/` and checked before use.
public struct KnowledgeBase: Codable, Sendable {
  public var settings = Settings()
  public var classifier = ClassifierSettings()
  public var types: [ComplainantType] = []
  public var situations: [Situation] = []
  public var demeanors: [Demeanor] = []
  public var demands: [DemandKind] = []
  public var emotions: [EmotionLevel] = []
  public var stages: [Stage] = []
  public var forbidden: [ForbiddenFamily] = []
  public var principles: [Principle] = []
  public var lists: [PrincipleList] = []
  public var ladder: [EscalationLevel] = []
  public var triggers: [EscalationTrigger] = []
  public var quiz: [QuizQuestion] = []
  public var wording: [Wording] = []
  public var scenarios: [Scenario] = []
  /// The weights of `learned.tsv`, when the folder has one.
  public var learned: LearnedModel?

  public init() {}

  public func type(_ id: String) -> ComplainantType? { types.first { $0.id == id } }
  public func situation(_ id: String) -> Situation? { situations.first { $0.id == id } }
  public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
  public func family(_ id: String) -> ForbiddenFamily? { forbidden.first { $0.id == id } }
  public func principle(_ id: String) -> Principle? { principles.first { $0.id == id } }
  public func emotion(_ level: Int) -> EmotionLevel? { emotions.first { $0.level == level } }
  public func demeanor(_ id: String) -> Demeanor? { demeanors.first { $0.id == id } }
  public func rung(_ level: Int) -> EscalationLevel? { ladder.first { $0.level == level } }
  public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

  /// Stage ids in call order.
  public var stageOrder: [String] { stages.sorted { $0.order < $1.order }.map(\.id) }

  /// Fills `{company}` and `{agent}` from the settings; an empty setting is left out.
  public func fill(_ text: String) -> String {
    guard text.utf8.contains(0x7B) else { return text }  // no "{": nothing to fill (the common, fast case)
    return text.replacingOccurrences(of: "{company}", with: settings.company)
      .replacingOccurrences(of: "{agent}", with: settings.agent)
  }
}
