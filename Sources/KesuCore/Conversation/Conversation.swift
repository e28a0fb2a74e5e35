import Foundation

/// Drives a `CallState` with the knowledge base: the one place where lines become turns, so the
/// chat, the transcript analyser and the coach give the same flags for the same call.
public struct Conversation: Sendable {
  public let knowledge: KnowledgeBase
  public let classifier: Classifier
  public let checker: PhraseChecker
  public let advisor: Advisor
  public var state: CallState
  /// The suggestions of the last advice, for `/use N`.
  public private(set) var lastAdvice: Advice?

  public init(engine: Engine, state: CallState = CallState()) {
    self.knowledge = engine.knowledge
    self.classifier = engine.classifier
    self.checker = engine.checker
    self.advisor = engine.advisor
    self.state = state
  }

  /// Records what the customer said and returns the reading and fresh advice.
  @discardableResult
  public mutating func customer(_ text: String, line: Int? = nil) -> (reading: Reading, advice: Advice) {
    let (masked, facts) = FactMasker.mask(text)
    let reading = classifier.classify(masked)
    state.facts += facts.filter { !state.facts.contains($0) }
    state.turns.append(CallTurn(speaker: .customer, text: masked, reading: reading, line: line))
    let advice = advise()
    return (reading, advice)
  }

  /// Records what the agent said (or is about to say): forbidden phrases and stages.
  @discardableResult
  public mutating func agent(_ text: String, line: Int? = nil, wording: String? = nil) -> AgentCheck {
    let (masked, facts) = FactMasker.mask(text)
    var check = checker.check(masked)
    if let wording, let stage = knowledge.wording.first(where: { $0.id == wording })?.stage, !check.stages.contains(stage) {
      check.stages.append(stage)
    }
    state.facts += facts.filter { !state.facts.contains($0) }
    state.turns.append(CallTurn(speaker: .agent, text: masked, check: check, wording: wording, line: line))
    return check
  }

  /// Advice for the state as it is now; remembers what it suggested.
  public mutating func advise(ending: Bool = false) -> Advice {
    let advice = advisor.advise(state, ending: ending)
    for suggestion in advice.suggestions where !state.suggested.contains(suggestion.id) {
      state.suggested.append(suggestion.id)
    }
    lastAdvice = advice
    return advice
  }

  /// The agent used suggestion `number` (1-based) of the last advice: recorded as their line.
  public mutating func use(_ number: Int) -> AgentCheck? {
    guard let suggestions = lastAdvice?.suggestions, suggestions.indices.contains(number - 1) else { return nil }
    let suggestion = suggestions[number - 1]
    return agent(suggestion.text, wording: suggestion.id)
  }

  /// Takes back the last line.
  @discardableResult
  public mutating func undo() -> CallTurn? {
    guard !state.turns.isEmpty else { return nil }
    return state.turns.removeLast()
  }

  public mutating func escalate() { state.manualEscalations += 1 }

  public mutating func promiseFollowUp(hours: Double? = nil, note: String = "", now: Date = Date()) {
    let hours = hours ?? Double(knowledge.settings.followUpHours)
    state.followUp = FollowUpPromise(deadline: now.addingTimeInterval(hours * 3600), note: note)
  }

  public var typeEstimate: TypeEstimate { TypeEstimate.estimate(state, knowledge: knowledge) }
  public var escalation: EscalationStatus { EscalationStatus.of(state, knowledge: knowledge) }

  /// Stage ids not yet done, in call order.
  public var stagesMissing: [String] {
    let done = Set(state.stagesDone)
    return knowledge.stageOrder.filter { !done.contains($0) }
  }
}
