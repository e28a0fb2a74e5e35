/// A scenario played through the conversation state: for each turn, Kesu's reading of the
/// customer, the good reply with its principle, and the poor reply with what is wrong with it.
/// The good replies are what the agent "said", so the call moves on as it should.
public struct ScenarioReplay: Sendable {
  public struct Step: Sendable {
    public var number: Int
    public var customer: String
    public var reading: Reading
    public var good: String
    public var goodCheck: AgentCheck
    public var principle: Principle?
    public var poor: String?
    public var poorVerdict: ReplyJudge.Verdict?
    public var fault: String?
  }

  public var scenario: Scenario
  public var steps: [Step]
  /// The stages the good agent went through, in order.
  public var stagesDone: [String]
  public var conversation: Conversation

  public init(scenario: Scenario, engine: Engine) {
    self.scenario = scenario
    var conversation = Conversation(engine: engine)
    let judge = ReplyJudge(engine: engine)
    var steps: [Step] = []
    for (index, turn) in scenario.turns.enumerated() {
      let (reading, _) = conversation.customer(turn.customer)
      let poorVerdict = turn.poor.map { judge.judge($0, state: conversation.state) }
      let goodCheck = conversation.agent(turn.good)
      steps.append(
        Step(
          number: index + 1, customer: turn.customer, reading: reading, good: turn.good, goodCheck: goodCheck,
          principle: turn.principle.flatMap(engine.knowledge.principle), poor: turn.poor, poorVerdict: poorVerdict,
          fault: turn.fault))
    }
    self.steps = steps
    self.stagesDone = conversation.state.stagesDone
    self.conversation = conversation
  }
}
