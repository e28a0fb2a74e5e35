/// A fixed set of character n-grams (one to three scalars of normalised text), each mapped to
/// its row in `LearnedModel`: an open-addressing table that is looked up up to three times per
/// character of every utterance, so it is kept flat (two arrays) and stored as is in the
/// compiled-knowledge cache.
///
/// The table also holds every prefix of its n-grams (without a row), so that a lookup can say
/// "nothing longer starts here" and the caller stops extending the n-gram: most two-character
/// strings of a text are unknown, and so is every three-character one they begin.
public struct GramTable: Codable, Sendable, Equatable {
  /// `key(of:)` values, 0 for an empty slot; the capacity is a power of two at most half full.
  private var keys: [UInt64]
  /// The row of each key, or `Self.prefixOnly`.
  private var rows: [Int32]

  /// What `lookup` gives for an n-gram the table does not know and that begins none it knows.
  public static let unknown: Int32 = -2
  /// What `lookup` gives for an n-gram the table knows only as the beginning of longer ones.
  public static let prefixOnly: Int32 = -1

  public init(_ grams: [UInt64]) {
    var entries: [UInt64: Int32] = [:]
    for (row, gram) in grams.enumerated() {
      entries[gram] = Int32(row)
      var prefix = gram >> 21
      while prefix != 0 {
        if entries[prefix] == nil { entries[prefix] = Self.prefixOnly }
        prefix >>= 21
      }
    }
    var capacity = 16
    while capacity < entries.count * 2 { capacity *= 2 }
    keys = [UInt64](repeating: 0, count: capacity)
    rows = [Int32](repeating: Self.prefixOnly, count: capacity)
    // In key order, so the same grams always give the same table.
    for gram in entries.keys.sorted() {
      var slot = Self.slot(gram, capacity)
      while keys[slot] != 0 && keys[slot] != gram { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = gram
      rows[slot] = entries[gram]!
    }
  }

  /// The row of `gram`; `prefixOnly` when the table has it only as a prefix; `unknown` when
  /// nothing in the table begins with it.
  @inline(__always)
  public func lookup(_ gram: UInt64) -> Int32 {
    let mask = keys.count - 1
    var slot = Self.slot(gram, keys.count)
    while true {
      let key = keys[slot]
      if key == gram { return rows[slot] }
      if key == 0 { return Self.unknown }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always)
  private static func slot(_ gram: UInt64, _ capacity: Int) -> Int {
    Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
  }

  /// The key of the n-gram `scalars[start..<start+length]` (length 1 to 3): each scalar plus
  /// one in its own 21 bits, so no key is 0 and grams of different lengths never collide.
  @inline(__always)
  public static func key(_ scalars: UnsafeBufferPointer<UInt32>, start: Int, length: Int) -> UInt64 {
    var key: UInt64 = 0
    for offset in 0..<length { key = extend(key, scalars[start + offset]) }
    return key
  }

  /// The key of an n-gram one scalar longer than the one `key` stands for (0: the empty one).
  @inline(__always)
  public static func extend(_ key: UInt64, _ scalar: UInt32) -> UInt64 { key << 21 | UInt64(scalar + 1) }

  /// The scalars of a key, for writing the model out and for evidence.
  public static func scalars(of key: UInt64) -> [UInt32] {
    var result: [UInt32] = []
    var rest = key
    while rest != 0 {
      result.insert(UInt32(rest & 0x1F_FFFF) - 1, at: 0)
      rest >>= 21
    }
    return result
  }
}
