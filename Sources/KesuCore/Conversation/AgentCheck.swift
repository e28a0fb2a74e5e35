/// What an agent's line shows: forbidden phrases (禁语) with what to say instead, and the
/// stages of the call it accomplishes.
public struct AgentCheck: Codable, Sendable, Equatable {
  public struct Violation: Codable, Sendable, Equatable {
    public var family: String
    public var name: String
    public var matched: String
    /// Unicode scalar offsets in the original text.
    public var start: Int
    public var end: Int
    public var instead: String
    public var rule: String
  }

  public var text: String
  public var violations: [Violation]
  public var stages: [String]
}

/// Checks an agent's line against the forbidden families and the stage cues.
public struct PhraseChecker: Sendable {
  public let knowledge: KnowledgeBase
  public let matcher: CueMatcher
  let normalizer: TextNormalizer

  /// `matcher` must be the agent matcher of the same knowledge (`Engine` builds both).
  public init(knowledge: KnowledgeBase, matcher: CueMatcher, normalizer: TextNormalizer = .shared) {
    self.knowledge = knowledge
    self.normalizer = normalizer
    self.matcher = matcher
  }

  public func check(_ text: String) -> AgentCheck {
    let folded = normalizer.normalize(text)
    let hits = matcher.match(folded)
    var violations: [AgentCheck.Violation] = []
    var stages: [String] = []
    var original: [Unicode.Scalar]?
    for fired in hits.fired.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {  // the longest of matches at one place
      switch matcher.rules[fired.cue].owner {
      case .forbidden(let index):
        let family = knowledge.forbidden[index]
        guard !violations.contains(where: { $0.family == family.id }) else { continue }
        if original == nil { original = Array(text.unicodeScalars) }
        let range = folded.originalRange(start: fired.start, end: fired.end)
        var matched = String.UnicodeScalarView()
        matched.append(contentsOf: original![range.clamped(to: 0..<original!.count)])
        violations.append(
          .init(
            family: family.id, name: family.name, matched: String(matched), start: range.lowerBound,
            end: range.upperBound, instead: knowledge.fill(family.instead), rule: matcher.cues[fired.cue].cue.id))
      case .stage(let index):
        let id = knowledge.stages[index].id
        if !stages.contains(id) { stages.append(id) }
      default: break
      }
    }
    let order = knowledge.stageOrder
    stages.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
    return AgentCheck(text: text, violations: violations, stages: stages)
  }
}
