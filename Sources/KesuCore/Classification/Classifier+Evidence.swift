/// The evidence of a reading: every cue that fired and every intensifier, on the characters of
/// the original text, and the n-grams that carried the learned part of the verdict.
extension Classifier {
  /// What carried the learned part of the type (unless ordinary), the emotion and each situation:
  /// (target, start, end) in the normalised text.
  func learnedCarriers(
    _ verdict: LearnedBlend.Verdict, _ folded: NormalizedText, type: String, level: Int, situations: [Reading.Label]
  ) -> [(target: String, start: Int, end: Int)] {
    guard let blend else { return [] }
    var outputs: [Int] = []
    if type != "ordinary", let index = knowledge.types.firstIndex(where: { $0.id == type }), let output = blend.typeOutputs[index] {
      outputs.append(output)
    }
    if let output = blend.emotionOutputs[level] { outputs.append(output) }
    for situation in situations {
      if let index = knowledge.situations.firstIndex(where: { $0.id == situation.id }), let output = blend.situationOutputs[index] {
        outputs.append(output)
      }
    }
    return blend.carriers(verdict, outputs: outputs)
  }

  func evidence(
    _ text: String, _ folded: NormalizedText, _ hits: CueHits, learned: [(target: String, start: Int, end: Int)]
  ) -> [Reading.Evidence] {
    guard !hits.fired.isEmpty || !hits.intensifiers.isEmpty || !learned.isEmpty else { return [] }
    // Where each original scalar starts, so a match is copied out of the text in one piece.
    var bounds: [String.Index] = []
    bounds.reserveCapacity(folded.originalCount + 1)
    bounds.append(contentsOf: text.unicodeScalars.indices)
    bounds.append(text.endIndex)
    func slice(_ start: Int, _ end: Int) -> (String, Range<Int>) {
      let range = folded.originalRange(start: start, end: end)
      let clamped = range.clamped(to: 0..<(bounds.count - 1))
      return (String(text.unicodeScalars[bounds[clamped.lowerBound]..<bounds[clamped.upperBound]]), range)
    }
    var result: [Reading.Evidence] = hits.fired.map { fired in
      let (matched, range) = slice(fired.start, fired.end)
      return .init(
        rule: ruleIDs[fired.cue], target: targets[fired.cue], matched: matched, start: range.lowerBound,
        end: range.upperBound)
    }
    for intensifier in hits.intensifiers {
      let (matched, range) = slice(intensifier.start, intensifier.end)
      result.append(.init(rule: "intensifier", target: "intensifier", matched: matched, start: range.lowerBound, end: range.upperBound))
    }
    for carrier in learned {
      let (matched, range) = slice(carrier.start, carrier.end)
      // A cue already shows this target on these characters: the n-gram would say it twice.
      if result.contains(where: { $0.target == carrier.target && $0.start < range.upperBound && range.lowerBound < $0.end }) {
        continue
      }
      result.append(.init(rule: "learned", target: carrier.target, matched: matched, start: range.lowerBound, end: range.upperBound))
    }
    return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }
}
