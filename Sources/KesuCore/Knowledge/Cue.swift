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
  /// The same looking back: a match that comes after one of these in the same sentence (ending
  /// within `clearedWithin` characters before it) does not count: 你们自己掂量 menaces, 我咨询过
  /// 律师了……你们自己掂量 weighs a lawsuit.
  public var clearedByEarlier: [String]
  public var clearedWithin: Int
  public var weight: Double
  /// The match must open the text (after leading spaces and punctuation): 喂 only as a greeting.
  public var atStart: Bool
  /// An emotion cue whose level is firm: the learned weights may raise it, never lower it. For
  /// an agent's note of the customer's state (客户很生气, 客户情绪失控) and for words that settle
  /// the level (他妈的, 我很生气), where the weights, which saw few such lines, read a calm note or
  /// a polite tail instead. At level 0 (an agent's note that the customer is calm, 客户语气平和)
  /// only firm cues, the type and the situations set the level, and the weights may not raise it.
  public var firm: Bool
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

extension Cue {
  /// Read field by field from the compiled-knowledge cache (`BinarySource`), in the order the
  /// synthesised `encode(to:)` wrote them: start-up decodes some two thousand cues, and the
  /// generic keyed path cost a third of it. Any other decoder takes the keyed path.
  public init(from decoder: any Decoder) throws {
    if let source = decoder as? BinarySource {
      id = try source.string()
      guard let mode = Mode(rawValue: try source.string()) else { throw BinaryDecoder.Malformed() }
      self.mode = mode
      phrases = try source.strings()
      slots = try source.block(Int64.self).map(Int.init)
      within = Int(try source.raw(Int64.self))
      ordered = try source.raw(UInt8.self) != 0
      negatable = try source.raw(UInt8.self) != 0
      except = try source.strings()
      notFollowedBy = try source.strings()
      notPrecededBy = try source.strings()
      clearedBy = try source.strings()
      clearedByEarlier = try source.strings()
      clearedWithin = Int(try source.raw(Int64.self))
      weight = Double(bitPattern: try source.raw(UInt64.self))
      atStart = try source.raw(UInt8.self) != 0
      firm = try source.raw(UInt8.self) != 0
      examples = try source.strings()
      counters = try source.strings()
      location = SourceLocation(
        file: try source.string(), line: Int(try source.raw(Int64.self)), column: Int(try source.raw(Int64.self)))
      return
    }
    let fields = try decoder.container(keyedBy: CodingKeys.self)
    id = try fields.decode(String.self, forKey: .id)
    mode = try fields.decode(Mode.self, forKey: .mode)
    phrases = try fields.decode([String].self, forKey: .phrases)
    slots = try fields.decode([Int].self, forKey: .slots)
    within = try fields.decode(Int.self, forKey: .within)
    ordered = try fields.decode(Bool.self, forKey: .ordered)
    negatable = try fields.decode(Bool.self, forKey: .negatable)
    except = try fields.decode([String].self, forKey: .except)
    notFollowedBy = try fields.decode([String].self, forKey: .notFollowedBy)
    notPrecededBy = try fields.decode([String].self, forKey: .notPrecededBy)
    clearedBy = try fields.decode([String].self, forKey: .clearedBy)
    clearedByEarlier = try fields.decode([String].self, forKey: .clearedByEarlier)
    clearedWithin = try fields.decode(Int.self, forKey: .clearedWithin)
    weight = try fields.decode(Double.self, forKey: .weight)
    atStart = try fields.decode(Bool.self, forKey: .atStart)
    firm = try fields.decode(Bool.self, forKey: .firm)
    examples = try fields.decode([String].self, forKey: .examples)
    counters = try fields.decode([String].self, forKey: .counters)
    location = try fields.decode(SourceLocation.self, forKey: .location)
  }
}
