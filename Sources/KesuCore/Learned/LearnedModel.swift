import Foundation

/// Weights learned from the labelled sets (`kesu kb train`, kept in `Knowledge/learned.tsv`):
/// a logistic model over the character n-grams (one to three characters) of the normalised
/// text, with one output per emotion level (a softmax), one per type (another softmax) and one
/// per situation (a sigmoid each).
/// The classifier adds its cues' verdict to these probabilities (`LearnedBlend`), so that wording
/// no cue lists still counts, and every learned decision names the n-grams that carried it.
public struct LearnedModel: Codable, Sendable {
  /// What each output stands for: `emotion:0` … `emotion:3`, then `type:ordinary` … (the
  /// types, possibly none), then `situation:billing` …
  public var outputs: [String]
  /// How many `type:` outputs follow the four emotion outputs.
  public var typeCount: Int
  /// Row → n-gram key (`GramTable.key`), its inverse document frequency, and its weights
  /// (`outputs.count` per row, row after row).
  public var grams: [UInt64]
  public var idf: [Float]
  public var weights: [Float]
  public var bias: [Float]
  /// One line saying what the weights were learned from (written into the file's header).
  public var source: String
  var table: GramTable

  public init(outputs: [String], grams: [UInt64], idf: [Float], weights: [Float], bias: [Float], source: String) {
    self.outputs = outputs
    self.grams = grams
    self.idf = idf
    self.weights = weights
    self.bias = bias
    self.source = source
    typeCount = outputs.count { $0.hasPrefix("type:") }
    table = GramTable(grams)
  }

  /// One n-gram of an utterance that the model knows: its row, its tf-idf value (the vector is
  /// of unit length) and where it first occurs in the normalised text.
  public struct Feature: Sendable, Equatable {
    public var row: Int32
    public var value: Float
    public var start: Int32
    public var length: Int32
  }

  /// The utterance's features: `1 + ln(count)` times the idf, scaled to unit length.
  public func features(_ scalars: [UInt32]) -> [Feature] {
    Self.features(scalars, lookup: table.lookup, idf: idf)
  }

  /// The same for training, where the vocabulary is still a dictionary. `lookup` gives an
  /// n-gram's row, `GramTable.prefixOnly`, or `GramTable.unknown` when no known n-gram begins
  /// with it (then the longer ones starting at the same place are not looked up).
  static func features(_ scalars: [UInt32], lookup: (UInt64) -> Int32, idf: [Float]) -> [Feature] {
    // Each occurrence as one integer, row then position, so a plain integer sort groups the
    // rows and puts each row's first occurrence first.
    var found: [UInt64] = []
    found.reserveCapacity(scalars.count * 3)
    scalars.withUnsafeBufferPointer { text in
      for start in 0..<text.count {
        var key: UInt64 = 0
        for length in 1...min(3, text.count - start) {
          key = GramTable.extend(key, text[start + length - 1])
          let row = lookup(key)
          if row == GramTable.unknown { break }
          if row >= 0 { found.append(UInt64(row) << 32 | UInt64(start) << 2 | UInt64(length)) }
        }
      }
    }
    guard !found.isEmpty else { return [] }
    found.sort()
    var merged: [Feature] = []
    merged.reserveCapacity(found.count)
    for occurrence in found {
      let row = Int32(truncatingIfNeeded: occurrence >> 32)
      if merged.last?.row == row {
        merged[merged.count - 1].value += 1
      } else {
        merged.append(
          Feature(
            row: row, value: 1, start: Int32(truncatingIfNeeded: (occurrence & 0xFFFF_FFFF) >> 2),
            length: Int32(truncatingIfNeeded: occurrence & 3)))
      }
    }
    var squares: Float = 0
    for index in merged.indices {
      let value = (1 + log(merged[index].value)) * idf[Int(merged[index].row)]
      merged[index].value = value
      squares += value * value
    }
    let scale = squares > 0 ? 1 / squares.squareRoot() : 0
    for index in merged.indices { merged[index].value *= scale }
    return merged
  }

  /// Each output's raw score (bias plus the weighted features), before softmax or sigmoid.
  public func logits(_ features: [Feature]) -> [Float] {
    var scores = bias
    let width = outputs.count
    weights.withUnsafeBufferPointer { weights in
      scores.withUnsafeMutableBufferPointer { scores in
        for feature in features {
          let row = weights.baseAddress! + Int(feature.row) * width
          for output in 0..<width { scores[output] += feature.value * row[output] }
        }
      }
    }
    return scores
  }

  /// Each output's probability: a softmax over the emotion levels, another over the types, a
  /// sigmoid for each situation.
  public func probabilities(_ features: [Feature]) -> [Float] {
    var scores = logits(features)
    normalize(&scores)
    return scores
  }

  /// Raw scores to probabilities, in place.
  func normalize(_ scores: inout [Float]) {
    func softmax(_ range: Range<Int>) {
      guard !range.isEmpty else { return }
      let top = scores[range].max()!
      var sum: Float = 0
      for index in range {
        scores[index] = exp(scores[index] - top)
        sum += scores[index]
      }
      for index in range { scores[index] /= sum }
    }
    softmax(emotionOutputs)
    softmax(typeOutputs)
    for index in typeOutputs.upperBound..<scores.count { scores[index] = 1 / (1 + exp(-scores[index])) }
  }

  public var emotionOutputs: Range<Int> { 0..<4 }
  public var typeOutputs: Range<Int> { 4..<(4 + typeCount) }

  /// How much `feature` adds to `output`'s score.
  public func contribution(_ feature: Feature, to output: Int) -> Float {
    feature.value * weights[Int(feature.row) * outputs.count + output]
  }

  /// The output index for `target` (`emotion:2`, `situation:billing`), if the model has it.
  public func output(_ target: String) -> Int? { outputs.firstIndex(of: target) }
}
