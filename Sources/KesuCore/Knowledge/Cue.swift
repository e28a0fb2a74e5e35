/// One recognition rule of the knowledge base: phrases that, found in normalised text, show
/// that its owner (a type, a situation, an emotion level, a stage, a forbidden family) applies.
public struct Cue: Codable, Hashable, Sendable {
  public enum Mode: String, Codable, Sendable {
    /// Fires when any one phrase occurs.
    case any
    /// Fires when every slot occurs inside a span of at most `within` characters; a slot is
    /// one phrase or a list of alternatives (`all: [[找人, 叫人], 砸]`).
    case all
  }

  public var id: String
  public var mode: Mode
  public var phrases: [String]
  /// The `all:` slot of each phrase (parallel to `phrases`); for `any` each phrase is its own.
  public var slots: [Int]
  public var within: Int
  /// For `all`: the slots must occur in the order written (把你们…砸, not 砸…把你们).
  public var ordered: Bool
  /// A match right after a negation word (不, 没有 …) does not count.
  public var negatable: Bool
  /// A match lying inside one of these longer phrases does not count.
  public var except: [String]
  /// A match followed by one of these (within `followWindow` characters, same clause) does not
  /// count: 扬言 is a threat, 扬言要投诉 is not.
  public var notFollowedBy: [String]
  /// A match coming right after one of these (ending within `followWindow` characters before
  /// it, same clause) does not count: 揍你 is a threat, 真想揍你 is venting.
  public var notPrecededBy: [String]
  public static let followWindow = 3
  /// A match followed later in the same sentence (within `clearedWithin` characters, across
  /// commas) by one of these does not count: 没办法 is a refusal, 没办法,不过我可以… is not.
  public var clearedBy: [String]
  public var clearedWithin: Int
  public var weight: Double
  /// The match must open the text (after leading spaces and punctuation): 喂 only as a greeting.
  public var atStart: Bool
  /// Sentences the cue must fire on; a test checks every one.
  public var examples: [String]
  /// Sentences the cue must not fire on.
  public var counters: [String]
  public var location: SourceLocation
}

extension [String] {
  /// Each phrase in a slot of its own (an `any:` cue).
  var slotted: (phrases: [String], slots: [Int]) { (self, [Int](indices)) }
}
