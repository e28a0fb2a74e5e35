import Foundation

/// Who the customer is, judged over the whole call rather than one line.
///
/// Rule: each customer turn's cue scores count with weight `decay^age` (age 0 for the latest
/// turn), so old weak signs fade — but a type that one turn showed clearly (its own score at
/// the threshold) keeps at least the threshold for the rest of the call; then three patterns that only show across turns add a full
/// threshold each: the same demand repeated (死缠烂打型), demands that keep changing
/// (不合逻辑型), long turns with no situation and no demand (打发时间型). The agent's
/// `/set type` overrides everything.
public struct TypeEstimate: Sendable, Equatable {
  public var id: String
  public var confidence: Double
  public var scores: [String: Double]
  /// Why the cross-turn patterns fired, for `/why`.
  public var patterns: [String]

  public static func estimate(_ state: CallState, knowledge: KnowledgeBase) -> TypeEstimate {
    let settings = knowledge.classifier
    let readings = state.customerTurns.compactMap(\.reading)
    var scores: [String: Double] = [:]
    var shown: Set<String> = []
    for (age, reading) in readings.reversed().enumerated() {
      let weight = pow(settings.turnDecay, Double(age))
      for (id, score) in reading.typeScores {
        scores[id, default: 0] += score * weight
        if score >= settings.typeThreshold { shown.insert(id) }
      }
    }
    // A type one turn showed clearly holds for the call (at the threshold) unless another overtakes it.
    for id in shown { scores[id] = max(scores[id] ?? 0, settings.typeThreshold) }
    var patterns: [String] = []
    let threshold = settings.typeThreshold

    if let repeated = state.demands.first(where: { $0.times >= settings.persistentRepeats }) {
      scores["persistent", default: 0] += threshold
      patterns.append("persistent: 同一诉求(\(repeated.id))重复了\(repeated.times)次")
    }
    var changes = 0
    var previous: [String] = []
    var previousAmount: Int?
    for reading in readings {
      let ids = reading.demands.map(\.id).filter { $0 != "supervisor" && $0 != "apology" }
      if !ids.isEmpty, !previous.isEmpty, Set(ids).isDisjoint(with: previous) { changes += 1 }
      if !ids.isEmpty { previous = ids }
      if let amount = reading.demands.first(where: { $0.id == "compensation" })?.amount {
        if let before = previousAmount, before != amount { changes += 1 }
        previousAmount = amount
      }
    }
    if changes >= settings.illogicalChanges {
      scores["illogical", default: 0] += threshold
      patterns.append("illogical: 诉求前后变了\(changes)次")
    }
    let idle = readings.filter {
      $0.text.count >= settings.timeKillerLength && $0.situations.isEmpty && $0.demands.isEmpty
    }
    if idle.count >= settings.timeKillerTurns {
      scores["time-killer", default: 0] += threshold
      patterns.append("time-killer: \(idle.count)段长话没有具体诉求")
    }

    if let override = state.typeOverride {
      return TypeEstimate(id: override, confidence: 1, scores: scores, patterns: patterns + ["override: 坐席指定"])
    }
    let order = knowledge.types.map(\.id)
    let best = scores.filter { $0.key != "ordinary" }.max { a, b in
      a.value != b.value ? a.value < b.value : (order.firstIndex(of: a.key) ?? 0) > (order.firstIndex(of: b.key) ?? 0)
    }
    if let best, best.value >= threshold {
      let total = scores.values.reduce(0, +)
      let confidence = (Classifier.confidence(best.value, threshold: threshold) * best.value / total).rounded(toPlaces: 2)
      return TypeEstimate(id: best.key, confidence: confidence, scores: scores, patterns: patterns)
    }
    let strongest = best.map { Classifier.confidence($0.value, threshold: threshold) } ?? 0
    return TypeEstimate(id: "ordinary", confidence: (1 - strongest).rounded(toPlaces: 2), scores: scores, patterns: patterns)
  }
}

