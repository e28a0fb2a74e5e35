/// A fixed set of character n-grams (one to three scalars of normalised text), each mapped to
/// its row in `LearnedModel`: an open-addressing table that is looked up three times per
/// character of every utterance, so it is kept flat (two arrays) and stored as is in the
/// compiled-knowledge cache.
public struct GramTable: Codable, Sendable, Equatable {
  /// `key(of:)` values, 0 for an empty slot; the capacity is a power of two at most half full.
  private var keys: [UInt64]
  private var rows: [Int32]

  public init(_ grams: [UInt64]) {
    var capacity = 16
    while capacity < grams.count * 2 { capacity *= 2 }
    keys = [UInt64](repeating: 0, count: capacity)
    rows = [Int32](repeating: -1, count: capacity)
    for (row, gram) in grams.enumerated() {
      var slot = Self.slot(gram, capacity)
      while keys[slot] != 0 && keys[slot] != gram { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = gram
      rows[slot] = Int32(row)
    }
  }

  /// The row of `gram`, or nil when the model does not know it.
  @inline(__always)
  public func row(_ gram: UInt64) -> Int? {
    let mask = keys.count - 1
    var slot = Self.slot(gram, keys.count)
    while true {
      let key = keys[slot]
      if key == gram { return Int(rows[slot]) }
      if key == 0 { return nil }
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
    for offset in 0..<length { key = key << 21 | UInt64(scalars[start + offset] + 1) }
    return key
  }

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
