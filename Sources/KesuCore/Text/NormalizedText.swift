/// Text folded for matching, with a map back to the original so evidence can point at what
/// the person actually typed.
public struct NormalizedText: Sendable {
  /// The folded Unicode scalars.
  public var scalars: [UInt32]
  /// For each folded scalar, the index of the original scalar it came from.
  public var origin: [Int32]
  /// How many scalars the original text had.
  public var originalCount: Int

  public var count: Int { scalars.count }

  /// The original scalar range `[start, end)` behind the folded range `[start, end)`.
  public func originalRange(start: Int, end: Int) -> Range<Int> {
    guard start < end, end <= origin.count else { return 0..<0 }
    return Int(origin[start])..<(Int(origin[end - 1]) + 1)
  }

  public var string: String {
    var result = String.UnicodeScalarView()
    for value in scalars { if let scalar = Unicode.Scalar(value) { result.append(scalar) } }
    return String(result)
  }
}
