/// What a cue stands for: the entry of the knowledge base that it recognises.
public enum CueOwner: Hashable, Sendable {
  case type(Int)
  case situation(Int)
  case demeanor(Int)
  case demand(Int)
  case emotion(level: Int)
  case stage(Int)
  case forbidden(Int)
}

/// Which cues one matcher looks for: a customer's line and an agent's line need different ones.
public enum CueAudience: Sendable {
  /// Types, situations, demands, demeanors and emotion levels.
  case customer
  /// Stages and forbidden families.
  case agent
}
