/// Kesu's reading of one customer utterance: who, about what, how upset, and why.
public struct Reading: Codable, Sendable {
  public struct Label: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var confidence: Double
  }

  public struct Emotion: Codable, Sendable, Equatable {
    public var level: Int
    public var name: String
  }

  public struct Named: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
  }

  /// One rule that fired, on which characters of the original text (Unicode scalar offsets).
  public struct Evidence: Codable, Sendable, Equatable {
    public var rule: String
    /// What the rule stands for: `type:emotional`, `situation:billing`, `emotion:2`, `intensifier`.
    public var target: String
    public var matched: String
    public var start: Int
    public var end: Int

    /// How a person sees the link from text to target: → a cue of the knowledge base, ≈ an
    /// n-gram of the learned weights.
    public var arrow: String { rule == "learned" ? "≈" : "→" }
  }

  /// A demand heard in the utterance, with the amount named for compensation.
  public struct Demand: Codable, Sendable, Equatable {
    public var id: String
    public var amount: Int?
  }

  public var text: String
  public var type: Label
  public var alternatives: [Label]
  public var situations: [Label]
  public var emotion: Emotion
  public var demeanor: Named?
  public var evidence: [Evidence]
  public var demands: [Demand]
  /// Raw cue score per type id, for callers that accumulate evidence over turns.
  public var typeScores: [String: Double]
}
