import Foundation

/// Reads one customer utterance against the knowledge base. Built once per knowledge base;
/// `classify` is pure and cheap (one automaton pass plus a little arithmetic).
///
/// Precedence (see docs/KNOWLEDGE.md): a type wins on the highest summed cue weight when it
/// reaches the threshold, ties to the earlier type in `types.yaml`, otherwise `ordinary`;
/// situations are multi-label over their own threshold, and safety situations (criminal,
/// emergency) are reported on any full cue; emotion is the highest level whose cue fired, raised
/// by intensifiers.
public struct Classifier: Sendable {
  public let knowledge: KnowledgeBase
  public let matcher: CueMatcher
  let normalizer: TextNormalizer
  private let ordinaryIndex: Int
  /// What each cue stands for (`type:stalker` …), per cue index: built once, not per utterance.
  let targets: [String]
  /// Each cue's id, per cue index (reading it through `matcher.cues` would copy the whole cue).
  let ruleIDs: [String]
  /// The learned weights and how they join the cues, when the knowledge has `learned.tsv`.
  let blend: LearnedBlend?

  /// `matcher` must be the customer matcher of the same knowledge (`Engine` builds both).
  public init(knowledge: KnowledgeBase, matcher: CueMatcher, normalizer: TextNormalizer = .shared) {
    self.knowledge = knowledge
    self.normalizer = normalizer
    self.matcher = matcher
    self.ordinaryIndex = knowledge.types.firstIndex { $0.id == "ordinary" } ?? 0
    self.targets = matcher.cues.map { Self.target($0.owner, knowledge) }
    self.ruleIDs = matcher.cues.map(\.cue.id)
    self.blend = knowledge.learned.map { LearnedBlend(model: $0, knowledge: knowledge) }
  }

  public func classify(_ text: String) -> Reading {
    let folded = normalizer.normalize(text)
    let hits = matcher.match(folded)
    let settings = knowledge.classifier

    var typeScores = [Double](repeating: 0, count: knowledge.types.count)
    var situationScores = [Double](repeating: 0, count: knowledge.situations.count)
    var demeanorScores = [Double](repeating: 0, count: knowledge.demeanors.count)
    var level = 0
    /// A level-0 cue (请问, 麻烦您 …): a polite question is not a complaint.
    var calmMarker = false
    /// The highest level of a `firm` cue (客户很生气, 他妈的): the weights do not go below it.
    var firmLevel = 0
    /// A `firm` level-0 cue, an agent's note that the customer is calm (客户语气平和, 说不着急):
    /// only firm cues, the type and the situations set the level, and the weights do not raise it.
    var firmCalm = false
    var demands: [Reading.Demand] = []
    for fired in hits.fired {
      let rule = matcher.rules[fired.cue]
      switch rule.owner {
      case .type(let index): typeScores[index] += rule.weight
      case .situation(let index): situationScores[index] += rule.weight
      case .demeanor(let index): demeanorScores[index] += rule.weight
      case .demand(let index):
        let id = knowledge.demands[index].id
        if !demands.contains(where: { $0.id == id }) {
          demands.append(.init(id: id, amount: id == "compensation" ? amount(near: fired, in: folded) : nil))
        }
      case .emotion(let cueLevel):
        level = max(level, cueLevel)
        if rule.firm {
          firmLevel = max(firmLevel, cueLevel)
          if cueLevel == 0 { firmCalm = true }
        }
        if cueLevel == 0 { calmMarker = true }
      case .stage, .forbidden: break
      }
    }
    let verdict = blend?.verdict(folded.scalars)
    var type = pickType(typeScores)
    if let verdict { type = blendedType(type, verdict, typeScores) }
    var floor = knowledge.type(type.winner.id)?.emotionMin ?? 0
    // Someone reporting a problem is at least displeased, unless they ask politely and say
    // nothing displeased (level-0 cues and no higher one).
    let politeQuestion = calmMarker && level == 0
    // A note that the customer is calm (客户要求退款,态度平和) outranks every cue's level but a
    // firm one's (客户要求 alone reads displeased), and the complaint it reports keeps it calm.
    if firmCalm { level = firmLevel }
    // A cue fired, or three Chinese characters or Latin words at least.
    let saysSomething = !hits.fired.isEmpty || Self.saysSomething(folded.scalars)
    var negated = [Bool](repeating: false, count: knowledge.situations.count)
    for cue in hits.negated {
      if case .situation(let index) = matcher.rules[cue].owner { negated[index] = true }
    }
    let complaintFloor = politeQuestion || firmCalm ? 0 : settings.complaintEmotion
    let situations = knowledge.situations.indices.compactMap { index -> Reading.Label? in
      let score = situationScores[index]
      // A safety situation needs one full cue (weight 1), or hints (smaller weights) adding up to one.
      // (The fields are read in place: copying a whole `Situation` per utterance retains its lists.)
      let fired = score >= settings.situationThreshold || (knowledge.situations[index].safety && score >= 1)
      var confidence = Self.confidence(score, threshold: settings.situationThreshold)
      if let verdict, let blend, let blended = blend.situation(index, verdict, ruleFired: fired) {
        let safety = knowledge.situations[index].safety
        guard blended >= (!fired && safety ? blend.safetyThreshold : blend.situationThreshold) else { return nil }
        // What the weights alone would add:
        if !fired {
          // A polite question with nothing displeased in it (请问营业厅几点开门), or a line with
          // next to nothing in it (投诉, hello), names no problem.
          if !safety, politeQuestion || !saysSomething { return nil }
          // A crime or an emergency with no hint of it from the cues needs a line long enough to
          // say it (好吧那算了 is no crime).
          if safety, score == 0, !Self.saysSomething(folded.scalars, pieces: Self.safetyByWeightsPieces) { return nil }
          // The customer says it is not so (我不是要赔偿, 我没打算去12315: a cue of a situation with
          // `negation_denies:` was negated): the weights, which do not see negation, do not put it back.
          if negated[index], knowledge.situations[index].negationDenies { return nil }
        }
        confidence = min(1, blended).rounded(toPlaces: 2)
      } else if !fired {
        return nil
      }
      floor = max(floor, knowledge.situations[index].emotionMin, complaintFloor)
      return Reading.Label(
        id: knowledge.situations[index].id, name: knowledge.situations[index].name, confidence: confidence)
    }
    .sorted { $0.confidence > $1.confidence }
    // Emotion: the strongest cue, at least what the type and situations imply; intensifiers
    // then raise it one level; a run of !!! or ?? alone lifts calm to displeased. The learned
    // model may then move it (`LearnedBlend.emotion`).
    level = max(level, floor)
    if level >= 1, hits.intensifiers.count >= settings.intensifierBump { level = min(3, level + 1) }
    if level == 0, hits.intensifiers.contains(where: \.punctuation) { level = 1 }
    // The weights judge the emotion of a line that says something (a cue fired, a situation is
    // reported, or three Chinese characters or Latin words); hello, 嗯嗯 or a string of dots keeps
    // the cues' level: with nothing to read, the weights would give the labelled sets' commonest
    // level, displeased.
    if let verdict, let blend, saysSomething || !situations.isEmpty {
      let learned = max(blend.emotion(verdict, ruleLevel: level), firmLevel)
      level = firmCalm ? min(learned, level) : learned
    }

    var demeanor: Reading.Named?
    if let best = demeanorScores.indices.max(by: { demeanorScores[$0] < demeanorScores[$1] }), demeanorScores[best] >= 1 {
      demeanor = .init(id: knowledge.demeanors[best].id, name: knowledge.demeanors[best].name)
    } else if level >= 2, let agitated = knowledge.demeanor("agitated") {
      demeanor = .init(id: agitated.id, name: agitated.name)
    }

    let emotionName = knowledge.emotion(level)?.name ?? String(level)
    return Reading(
      text: text, type: type.winner, alternatives: type.alternatives, situations: situations,
      emotion: .init(level: level, name: emotionName), demeanor: demeanor,
      evidence: evidence(
        text, folded, hits,
        learned: verdict.map { learnedCarriers($0, folded, type: type.winner.id, level: level, situations: situations) } ?? []),
      demands: demands,
      typeScores: scoresByID(typeScores))
  }

  /// How many Chinese characters or Latin words a line needs before the weights alone may add a
  /// crime or an emergency to it (no labelled set moves below 8; 好吧那算了 has 5).
  static let safetyByWeightsPieces = 8

  /// At least `enough` (three) Chinese characters or Latin words (a word counts as one, like a character).
  static func saysSomething(_ scalars: [UInt32], pieces enough: Int = 3) -> Bool {
    var pieces = 0
    var inWord = false
    for value in scalars {
      let letter = TextNormalizer.isLetter(value)
      if TextNormalizer.isHan(value) || (letter && !inWord) { pieces += 1 }
      inWord = letter
      if pieces >= enough { return true }
    }
    return false
  }

  /// The learned weights' say in the type (`LearnedBlend.types`); confidences become the
  /// blended scores, and the runners-up the next three by that score.
  private func blendedType(
    _ cues: (winner: Reading.Label, alternatives: [Reading.Label]), _ verdict: LearnedBlend.Verdict, _ scores: [Double]
  ) -> (winner: Reading.Label, alternatives: [Reading.Label]) {
    let cueWinner = knowledge.types.firstIndex { $0.id == cues.winner.id } ?? ordinaryIndex
    guard let blend, let ranked = blend.types(verdict, ruleWinner: cueWinner, scores: scores, ordinary: ordinaryIndex) else {
      return cues
    }
    let labels = ranked.map {
      Reading.Label(
        id: knowledge.types[$0.index].id, name: knowledge.types[$0.index].name, confidence: min(1, $0.score).rounded(toPlaces: 2))
    }
    return (labels[0], Array(labels.dropFirst().prefix(3)))
  }

  /// Non-zero scores by type id (empty, with no allocation, for most ordinary lines).
  private func scoresByID(_ scores: [Double]) -> [String: Double] {
    var result: [String: Double] = [:]
    for (index, score) in scores.enumerated() where score > 0 { result[knowledge.types[index].id] = score }
    return result
  }

  /// The amount named right after a compensation cue ("赔五百"), or just before it ("五百块的补偿").
  private func amount(near fired: FiredCue, in folded: NormalizedText) -> Int? {
    func window(_ range: Range<Int>) -> Substring {
      var view = String.UnicodeScalarView()
      for value in folded.scalars[range.clamped(to: 0..<folded.count)] { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
      return Substring(String(view))
    }
    return AmountParser.firstAmount(in: window(fired.start..<(fired.end + 10)))
      ?? AmountParser.firstAmount(in: window((fired.start - 8)..<fired.start))
  }

  /// `1 - e^(-score/threshold)`: 0.63 at the threshold, 0.86 at twice it.
  static func confidence(_ score: Double, threshold: Double) -> Double {
    (1 - exp(-score / max(threshold, 0.1))).rounded(toPlaces: 2)
  }

  private func pickType(_ scores: [Double]) -> (winner: Reading.Label, alternatives: [Reading.Label]) {
    let threshold = knowledge.classifier.typeThreshold
    let total = scores.reduce(0, +)
    var labels: [(index: Int, score: Double, label: Reading.Label)] = []
    for (index, score) in scores.enumerated() where score > 0 && index != ordinaryIndex {
      let share = score / total
      let confidence = (Self.confidence(score, threshold: threshold) * share).rounded(toPlaces: 2)
      labels.append((index, score, .init(id: knowledge.types[index].id, name: knowledge.types[index].name, confidence: confidence)))
    }
    labels.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    let strongest = labels.first.map { Self.confidence($0.score, threshold: threshold) } ?? 0
    let ordinary = knowledge.types.isEmpty
      ? Reading.Label(id: "ordinary", name: "普通客户", confidence: 1)
      : Reading.Label(
        id: knowledge.types[ordinaryIndex].id, name: knowledge.types[ordinaryIndex].name,
        confidence: (1 - strongest).rounded(toPlaces: 2))
    if let top = labels.first, top.score >= threshold {
      return (top.label, Array(labels.dropFirst().prefix(2).map(\.label)) + [ordinary])
    }
    return (ordinary, Array(labels.prefix(3).map(\.label)))
  }

  private static func target(_ owner: CueOwner, _ knowledge: KnowledgeBase) -> String {
    switch owner {
    case .type(let index): "type:" + knowledge.types[index].id
    case .situation(let index): "situation:" + knowledge.situations[index].id
    case .demeanor(let index): "demeanor:" + knowledge.demeanors[index].id
    case .demand(let index): "demand:" + knowledge.demands[index].id
    case .emotion(let level): "emotion:\(level)"
    case .stage(let index): "stage:" + knowledge.stages[index].id
    case .forbidden(let index): "forbidden:" + knowledge.forbidden[index].id
    }
  }
}

extension Double {
  func rounded(toPlaces places: Int) -> Double {
    let factor = pow(10, Double(places))
    return (self * factor).rounded() / factor
  }
}
