/// How well the classifier does on a labelled set: the figures the floors are asserted on and
/// `kesu kb test` prints, with every miss.
public struct ClassifierEvaluation: Sendable {
  public struct Miss: Sendable {
    public var utterance: LabelledSet.Utterance
    public var reading: Reading
    /// What was wrong: "type ordinary ≠ stalker", "situation billing missed" …
    public var problems: [String]
  }

  public var total = 0
  public var typeCorrect = 0
  public var ordinaryTotal = 0
  public var ordinaryCorrect = 0
  /// Per situation id: true positives, false positives, false negatives.
  public var situationCounts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
  public var emotionExact = 0
  public var angry = (tp: 0, fp: 0, fn: 0)
  public var criminalTotal = 0
  public var criminalFound = 0
  /// confusion[expected][actual]
  public var confusion: [String: [String: Int]] = [:]
  public var misses: [Miss] = []

  public init(classifier: Classifier, utterances: [LabelledSet.Utterance]) {
    for utterance in utterances {
      let reading = classifier.classify(utterance.text)
      add(utterance, reading)
    }
  }

  /// A second labeller's labels of the same lines measured against the first's, with the same
  /// figures: how far two people agree, the ceiling any classifier is measured under. The rows
  /// are paired in order and must have the same text.
  public init(
    labels: [LabelledSet.Utterance], other: [LabelledSet.Utterance], otherFile: String, knowledge: KnowledgeBase
  ) throws(LabelledSet.FormatError) {
    guard labels.count == other.count else {
      throw LabelledSet.FormatError(
        file: otherFile, line: other.last?.line ?? 1, message: "the two files have \(labels.count) and \(other.count) rows; they must label the same lines")
    }
    for (first, second) in zip(labels, other) {
      guard first.text == second.text else {
        throw LabelledSet.FormatError(
          file: otherFile, line: second.line, message: "the text differs from line \(first.line) of the first file: \(second.text)")
      }
      add(first, Self.reading(second, knowledge))
    }
  }

  /// A labelled row as if a classifier had read it, every label with confidence 1.
  static func reading(_ row: LabelledSet.Utterance, _ knowledge: KnowledgeBase) -> Reading {
    func label(_ id: String, _ name: String?) -> Reading.Label { .init(id: id, name: name ?? id, confidence: 1) }
    return Reading(
      text: row.text, type: label(row.type, knowledge.type(row.type)?.name), alternatives: [],
      situations: row.situations.sorted().map { label($0, knowledge.situation($0)?.name) },
      emotion: .init(level: row.emotion, name: knowledge.emotion(row.emotion)?.name ?? String(row.emotion)), demeanor: nil,
      evidence: [], demands: [], typeScores: [:])
  }

  private mutating func add(_ utterance: LabelledSet.Utterance, _ reading: Reading) {
    total += 1
    var problems: [String] = []
    confusion[utterance.type, default: [:]][reading.type.id, default: 0] += 1
    if reading.type.id == utterance.type { typeCorrect += 1 } else { problems.append("type \(reading.type.id) ≠ \(utterance.type)") }
    if utterance.type == "ordinary" {
      ordinaryTotal += 1
      if reading.type.id == "ordinary" { ordinaryCorrect += 1 }
    }
    let actual = Set(reading.situations.map(\.id))
    for id in actual.union(utterance.situations).sorted() {  // sorted: the same report every run
      var counts = situationCounts[id] ?? (0, 0, 0)
      switch (utterance.situations.contains(id), actual.contains(id)) {
      case (true, true): counts.tp += 1
      case (false, true): counts.fp += 1; problems.append("situation \(id) not expected")
      case (true, false): counts.fn += 1; problems.append("situation \(id) missed")
      default: break
      }
      situationCounts[id] = counts
    }
    if reading.emotion.level == utterance.emotion { emotionExact += 1 } else {
      problems.append("emotion \(reading.emotion.level) ≠ \(utterance.emotion)")
    }
    switch (utterance.emotion >= 2, reading.emotion.level >= 2) {
    case (true, true): angry.tp += 1
    case (false, true): angry.fp += 1
    case (true, false): angry.fn += 1
    default: break
    }
    if utterance.situations.contains("criminal") {
      criminalTotal += 1
      if actual.contains("criminal") { criminalFound += 1 }
    }
    if !problems.isEmpty { misses.append(Miss(utterance: utterance, reading: reading, problems: problems)) }
  }

  static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
  static func f1(_ c: (tp: Int, fp: Int, fn: Int)) -> Double {
    let denominator = 2 * c.tp + c.fp + c.fn
    return denominator == 0 ? 1 : Double(2 * c.tp) / Double(denominator)
  }

  public var typeAccuracy: Double { Self.ratio(typeCorrect, total) }
  public var ordinaryRecall: Double { Self.ratio(ordinaryCorrect, ordinaryTotal) }
  public var emotionAccuracy: Double { Self.ratio(emotionExact, total) }
  public var angryF1: Double { Self.f1(angry) }
  public var criminalRecall: Double { Self.ratio(criminalFound, criminalTotal) }
  /// Micro-averaged over all situations.
  public var situationF1: Double {
    let sum = situationCounts.values.reduce((tp: 0, fp: 0, fn: 0)) { ($0.tp + $1.tp, $0.fp + $1.fp, $0.fn + $1.fn) }
    return Self.f1(sum)
  }
  public func situationPrecision(_ id: String) -> Double {
    let c = situationCounts[id] ?? (0, 0, 0)
    return Self.ratio(c.tp, c.tp + c.fp)
  }
  public func situationRecall(_ id: String) -> Double {
    let c = situationCounts[id] ?? (0, 0, 0)
    return Self.ratio(c.tp, c.tp + c.fn)
  }
  public func typeAccuracy(_ id: String) -> Double {
    let row = confusion[id] ?? [:]
    return Self.ratio(row[id] ?? 0, row.values.reduce(0, +))
  }
}
