/// One recognition rule of the knowledge base: phrases that, found in normalised text, show
/// that its owner (a type, a situation, an emotion level, a stage, a forbidden family) applies.
public struct Cue: Codable, Hashable, Sendable {
  public enum Mode: String, Codable, Sendable {
    /// Fires when any one phrase occurs.
    case any
    /// Fires when every phrase occurs inside a span of at most `within` characters.
    case all
  }

  public var id: String
  public var mode: Mode
  public var phrases: [String]
  public var within: Int
  /// A match right after a negation word (不, 没有 …) does not count.
  public var negatable: Bool
  /// A match lying inside one of these longer phrases does not count.
  public var except: [String]
  public var weight: Double
  /// The match must open the text (after leading spaces and punctuation): 喂 only as a greeting.
  public var atStart: Bool
  /// Sentences the cue must fire on; a test checks every one.
  public var examples: [String]
  /// Sentences the cue must not fire on.
  public var counters: [String]
  public var location: SourceLocation
}
