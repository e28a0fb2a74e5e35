import Dispatch

/// The knowledge base with everything built from it once: the customer and agent matchers and
/// the advisor. Build it at start-up and share it; every part of Kesu reads through it.
public struct Engine: Sendable {
  public let knowledge: KnowledgeBase
  public let classifier: Classifier
  public let checker: PhraseChecker
  public let advisor: Advisor

  public init(knowledge: KnowledgeBase) {
    // The two automata are independent: build them on two cores, start-up is what an agent waits for.
    let built = Self.inParallel(
      { CueMatcher(knowledge: knowledge, audience: .customer) }, { CueMatcher(knowledge: knowledge, audience: .agent) })
    self.init(knowledge: knowledge, customer: built.0, agent: built.1)
  }

  /// With both matchers built (by `init(knowledge:)`, or kept by the compiled-knowledge cache).
  init(knowledge: KnowledgeBase, customer: CueMatcher, agent: CueMatcher) {
    self.knowledge = knowledge
    self.classifier = Classifier(knowledge: knowledge, matcher: customer)
    self.checker = PhraseChecker(knowledge: knowledge, matcher: agent)
    self.advisor = Advisor(knowledge: knowledge)
  }

  private static func inParallel<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 { a = first() } else { b = second() }
    }
    return (a!, b!)
  }

  /// Loads and checks the knowledge folder, then builds the engine.
  public static func load(directory: String) throws(KnowledgeError) -> Engine {
    Engine(knowledge: try KnowledgeLoader.load(directory: directory))
  }
}
