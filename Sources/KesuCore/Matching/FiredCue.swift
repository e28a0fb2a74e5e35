/// A cue that fired on a text, with where (in folded-text scalar offsets).
public struct FiredCue: Sendable {
  public var cue: Int
  public var start: Int
  public var end: Int
}

/// Everything a matcher found in one text.
public struct CueHits: Sendable {
  public var fired: [FiredCue] = []
  /// Non-overlapping intensifier occurrences (非常, 太, !!!, ??).
  public var intensifiers: [(start: Int, end: Int, punctuation: Bool)] = []
  /// Cues that did not fire because a negation cancelled them (我不是要赔偿): the learned
  /// weights, which do not see negation, must not put back what they stand for.
  public var negated: [Int] = []
}
