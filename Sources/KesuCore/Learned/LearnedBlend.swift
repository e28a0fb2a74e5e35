/// How the classifier joins its cues' verdict with the learned model (docs/KNOWLEDGE.md,
/// "Learned weights"): for each emotion level, type and situation the model has an output for,
/// the model's probability plus a fixed bonus when the cues chose it. Emotion is the level with
/// the highest sum, the type likewise among `ordinary` and the types some cue of the utterance
/// scored (the model never names a type no cue saw); a situation is reported when its sum
/// reaches the threshold. Safety situations and everything the model has no output for stay with
/// the cues alone.
struct LearnedBlend: Sendable {
  let model: LearnedModel
  let emotionRuleWeight: Double
  let typeRuleWeight: Double
  let situationRuleWeight: Double
  let situationThreshold: Double
  /// What the weights alone need to add a crime or an emergency.
  let safetyThreshold: Double
  /// Output index per emotion level (0…3), per type and per situation of the knowledge base, if any.
  let emotionOutputs: [Int?]
  let typeOutputs: [Int?]
  let situationOutputs: [Int?]
  /// Safety situations and those that escalate a case (`EscalationStatus.escalates`): a cue
  /// reports them whatever the model says; the model may only add them.
  let keptOnCue: [Bool]

  init(model: LearnedModel, knowledge: KnowledgeBase) {
    self.model = model
    let settings = knowledge.classifier
    emotionRuleWeight = settings.learnedEmotionRuleWeight
    typeRuleWeight = settings.learnedTypeRuleWeight
    situationRuleWeight = settings.learnedSituationRuleWeight
    situationThreshold = settings.learnedSituationThreshold
    safetyThreshold = settings.learnedSafetyThreshold
    emotionOutputs = (0...3).map { model.output("emotion:\($0)") }
    typeOutputs = knowledge.types.map { model.output("type:" + $0.id) }
    situationOutputs = knowledge.situations.map { model.output("situation:" + $0.id) }
    keptOnCue = knowledge.situations.map { $0.safety || EscalationStatus.escalates($0, in: knowledge) }
  }

  /// The model's reading of one normalised utterance.
  struct Verdict {
    /// What the model read (`LearnedText`): the normalised text with identifiers masked.
    var text: [UInt32]
    var features: [LearnedModel.Feature]
    var probabilities: [Float]
  }

  func verdict(_ scalars: [UInt32]) -> Verdict {
    let text = LearnedText.of(scalars)
    let features = model.features(text)
    return Verdict(text: text, features: features, probabilities: model.probabilities(features))
  }

  /// The level with the highest probability plus bonus; the cues' level on a tie.
  func emotion(_ verdict: Verdict, ruleLevel: Int) -> Int {
    func score(_ level: Int) -> Double {
      guard let output = emotionOutputs[level] else { return -.infinity }
      return Double(verdict.probabilities[output]) + (level == ruleLevel ? emotionRuleWeight : 0)
    }
    var best = ruleLevel
    for level in 0...3 where score(level) > score(best) { best = level }
    return best
  }

  /// Types by blended score, best first (ties to the earlier type): `ordinary` and every type
  /// whose cues scored here. Nil when the model has no type outputs.
  func types(_ verdict: Verdict, ruleWinner: Int, scores: [Double], ordinary: Int) -> [(index: Int, score: Double)]? {
    guard typeOutputs.contains(where: { $0 != nil }) else { return nil }
    var ranked: [(index: Int, score: Double)] = []
    for (index, output) in typeOutputs.enumerated() where index == ordinary || scores[index] > 0 {
      let learned = output.map { Double(verdict.probabilities[$0]) } ?? 0
      ranked.append((index, learned + (index == ruleWinner ? typeRuleWeight : 0)))
    }
    return ranked.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
  }

  /// The blended score of situation `index` (nil when the model has no output for it).
  func situation(_ index: Int, _ verdict: Verdict, ruleFired: Bool) -> Double? {
    guard let output = situationOutputs[index] else { return nil }
    let blended = Double(verdict.probabilities[output]) + (ruleFired ? situationRuleWeight : 0)
    return ruleFired && keptOnCue[index] ? max(blended, situationThreshold) : blended
  }

  /// The n-grams that pushed each target's output up most (two at most per target), as
  /// (target, start, end) in the normalised text. Only n-grams a person reads as a piece of
  /// wording are named: Chinese characters alone, or letters and digits alone (not 5投, not 款,我,
  /// not the `#` of a masked phone number).
  func carriers(_ verdict: Verdict, outputs: [Int]) -> [(target: String, start: Int, end: Int)] {
    let readable = verdict.features.filter { feature in
      let gram = verdict.text[Int(feature.start)..<Int(feature.start + feature.length)]
      return gram.allSatisfy(TextNormalizer.isHan) || (gram.count > 1 && gram.allSatisfy { TextNormalizer.isLetter($0) || TextNormalizer.isDigit($0) })
    }
    guard !readable.isEmpty else { return [] }
    var result: [(target: String, start: Int, end: Int)] = []
    for output in outputs {
      // The two that push most, and the two longer than one character that do: a single
      // character is named only when no longer n-gram pushes.
      var any = TopTwo()
      var longer = TopTwo()
      for feature in readable {
        let push = model.contribution(feature, to: output)
        guard push > 0.05 else { continue }
        any.offer(feature, push)
        if feature.length > 1 { longer.offer(feature, push) }
      }
      for feature in (longer.isEmpty ? any : longer).best {
        result.append((model.outputs[output], Int(feature.start), Int(feature.start + feature.length)))
      }
    }
    return result
  }

  /// The two features with the highest push seen so far; the earlier one wins a tie.
  private struct TopTwo {
    var first: (feature: LearnedModel.Feature, push: Float)?
    var second: (feature: LearnedModel.Feature, push: Float)?

    var isEmpty: Bool { first == nil }
    var best: [LearnedModel.Feature] { [first?.feature, second?.feature].compactMap { $0 } }

    mutating func offer(_ feature: LearnedModel.Feature, _ push: Float) {
      if push > first?.push ?? -.infinity {
        second = first
        first = (feature, push)
      } else if push > second?.push ?? -.infinity {
        second = (feature, push)
      }
    }
  }
}
