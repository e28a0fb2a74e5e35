/// The knowledge base with everything built from it once: the customer and agent matchers and
/// the advisor. Build it at start-up and share it; every part of Kesu reads through it.
public struct Engine: Sendable {
  public let knowledge: KnowledgeBase
  public let classifier: Classifier
  public let checker: PhraseChecker
  public let advisor: Advisor

  public init(knowledge: KnowledgeBase) {
    self.knowledge = knowledge
    self.classifier = Classifier(knowledge: knowledge)
    self.checker = PhraseChecker(knowledge: knowledge)
    self.advisor = Advisor(knowledge: knowledge)
  }

  /// Loads and checks the knowledge folder, then builds the engine.
  public static func load(directory: String) throws(KnowledgeError) -> Engine {
    Engine(knowledge: try KnowledgeLoader.load(directory: directory))
  }
}
