import Foundation

/// Learns a `LearnedModel` from labelled utterances: the n-grams found in at least
/// `minimumDocuments` of them, tf-idf features, and an L2-regularised logistic model (softmax
/// over the emotion levels, another over the types, one sigmoid per situation) fitted by
/// full-batch Adam from zero. Deterministic: the same files give the same weights.
public struct LearnedTrainer: Sendable {
  /// Inverse regularisation strength, as in most libraries: higher fits the data more closely.
  public var c: Float = 10
  public var epochs = 1000
  public var rate: Float = 0.05
  public var minimumDocuments = 2
  /// A situation needs this many labelled examples to get an output.
  public var minimumPositives = 5
  /// Fewer utterances than this teach nothing worth keeping (`kb train` refuses them).
  public static let minimumUtterances = 20

  public init() {}

  /// `safety`: lines of safety sets, which teach the criminal and emergency outputs only (their
  /// other labels are unknown, so those outputs learn nothing from them).
  public func train(
    _ utterances: [LabelledSet.Utterance], safety: [LabelledSet.SafetyLine] = [], knowledge: KnowledgeBase, source: String,
    normalizer: TextNormalizer = .shared
  ) -> LearnedModel {
    let texts = (utterances.map(\.text) + safety.map(\.text)).map { LearnedText.of(normalizer.normalize($0).scalars) }
    let (grams, idf) = vocabulary(texts)
    var rowOf: [UInt64: Int] = [:]
    for (row, gram) in grams.enumerated() { rowOf[gram] = row }
    let features = texts.map { LearnedModel.features($0, lookup: { rowOf[$0].map(Int32.init) ?? GramTable.unknown }, idf: idf) }

    let situations = knowledge.situations.filter { situation in
      utterances.count(where: { $0.situations.contains(situation.id) }) >= minimumPositives
    }
    let types = knowledge.types.map(\.id)
    let outputs = (0...3).map { "emotion:\($0)" } + types.map { "type:" + $0 } + situations.map { "situation:" + $0.id }
    var targets = [Float](repeating: 0, count: texts.count * outputs.count)
    var known = [Float](repeating: 1, count: texts.count * outputs.count)
    for (index, utterance) in utterances.enumerated() {
      let row = index * outputs.count
      targets[row + utterance.emotion] = 1
      if let type = types.firstIndex(of: utterance.type) { targets[row + 4 + type] = 1 }
      for (offset, situation) in situations.enumerated() where utterance.situations.contains(situation.id) {
        targets[row + 4 + types.count + offset] = 1
      }
    }
    let criminal = outputs.firstIndex(of: "situation:criminal")
    let emergency = outputs.firstIndex(of: "situation:emergency")
    for (offset, line) in safety.enumerated() {
      let row = (utterances.count + offset) * outputs.count
      for output in 0..<outputs.count { known[row + output] = 0 }
      for (output, flag) in [(criminal, line.criminal), (emergency, line.emergency)] {
        guard let output, let flag else { continue }
        known[row + output] = 1
        targets[row + output] = flag ? 1 : 0
      }
    }
    var model = LearnedModel(
      outputs: outputs, grams: grams, idf: idf, weights: [Float](repeating: 0, count: grams.count * outputs.count),
      bias: [Float](repeating: 0, count: outputs.count), source: source)
    fit(&model, features: features, targets: targets, known: known)
    return model
  }

  /// N-grams in at least `minimumDocuments` texts, in key order (single characters first), with
  /// the smoothed idf `ln((1 + n) / (1 + df)) + 1`.
  func vocabulary(_ texts: [[UInt32]]) -> (grams: [UInt64], idf: [Float]) {
    var documents: [UInt64: Int] = [:]
    for text in texts {
      var seen = Set<UInt64>()
      text.withUnsafeBufferPointer { text in
        for start in 0..<text.count {
          for length in 1...min(3, text.count - start) { seen.insert(GramTable.key(text, start: start, length: length)) }
        }
      }
      for gram in seen { documents[gram, default: 0] += 1 }
    }
    let grams = documents.filter { $0.value >= minimumDocuments }.keys.sorted()
    let count = Float(texts.count)
    return (grams, grams.map { log((1 + count) / (1 + Float(documents[$0]!))) + 1 })
  }

  /// Adam on the mean log-loss plus `|w|² / (2·c·n)` (`LearnedModel.normalize` says which
  /// outputs form a softmax). The bias is not regularised.
  /// `known`: 1 where a sample's target for an output is known, 0 where it teaches nothing.
  func fit(_ model: inout LearnedModel, features: [[LearnedModel.Feature]], targets: [Float], known: [Float]) {
    let width = model.outputs.count
    let count = Float(features.count)
    let decay = 1 / (c * count)
    var weightMoments = AdamMoments(count: model.weights.count)
    var biasMoments = AdamMoments(count: width)
    var gradient = [Float](repeating: 0, count: model.weights.count)
    var biasGradient = [Float](repeating: 0, count: width)
    for step in 1...max(1, epochs) {
      for index in gradient.indices { gradient[index] = decay * model.weights[index] }
      for index in biasGradient.indices { biasGradient[index] = 0 }
      for (sample, row) in features.enumerated() {
        var error = model.logits(row)
        model.normalize(&error)
        for output in 0..<width {
          error[output] = (error[output] - targets[sample * width + output]) * known[sample * width + output] / count
        }
        for output in 0..<width { biasGradient[output] += error[output] }
        for feature in row {
          let base = Int(feature.row) * width
          for output in 0..<width { gradient[base + output] += feature.value * error[output] }
        }
      }
      weightMoments.step(&model.weights, gradient, rate: rate, step: step)
      biasMoments.step(&model.bias, biasGradient, rate: rate, step: step)
    }
  }
}

/// Adam's running moments for a block of parameters (β₁ 0.9, β₂ 0.999).
struct AdamMoments {
  var first: [Float]
  var second: [Float]

  init(count: Int) {
    first = [Float](repeating: 0, count: count)
    second = [Float](repeating: 0, count: count)
  }

  mutating func step(_ parameters: inout [Float], _ gradient: [Float], rate: Float, step: Int) {
    let firstScale = 1 / (1 - pow(0.9, Float(step)))
    let secondScale = 1 / (1 - pow(0.999, Float(step)))
    for index in parameters.indices {
      first[index] = 0.9 * first[index] + 0.1 * gradient[index]
      second[index] = 0.999 * second[index] + 0.001 * gradient[index] * gradient[index]
      parameters[index] -= rate * (first[index] * firstScale) / ((second[index] * secondScale).squareRoot() + 1e-8)
    }
  }
}
