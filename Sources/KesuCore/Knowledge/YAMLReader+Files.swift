import Yams

/// One reader per knowledge file: each turns the file's top-level mapping into model values.
extension YAMLReader {
  func readClassifier(_ root: Fields) -> ClassifierSettings {
    checkKeys(
      root,
      allowed: [
        "version", "negation", "intensifiers", "intensifier_bump", "type_threshold", "situation_threshold",
        "complaint_emotion", "across_turns", "learned",
      ])
    var settings = ClassifierSettings()
    settings.location = location(of: root.keys.first)
    if let negation = mapping(root[field: "negation"], what: "'negation'") {
      checkKeys(negation, allowed: ["words", "window", "except"])
      settings.negationWords = stringList(negation, "words")
      settings.notNegations = stringList(negation, "except")
      settings.negationWindow = int(negation, "window", range: 0...20) ?? 3
    }
    settings.intensifiers = stringList(root, "intensifiers")
    settings.intensifierBump = int(root, "intensifier_bump", range: 1...20) ?? 2
    settings.typeThreshold = double(root, "type_threshold", range: 0.1...100) ?? 2
    settings.situationThreshold = double(root, "situation_threshold", range: 0.1...100) ?? 1
    settings.complaintEmotion = int(root, "complaint_emotion", range: 0...3) ?? 0
    if let turns = mapping(root[field: "across_turns"], what: "'across_turns'") {
      checkKeys(turns, allowed: ["decay", "persistent_repeats", "illogical_changes", "time_killer_turns", "time_killer_length"])
      settings.turnDecay = double(turns, "decay", range: 0...1) ?? settings.turnDecay
      settings.persistentRepeats = int(turns, "persistent_repeats", range: 2...20) ?? settings.persistentRepeats
      settings.illogicalChanges = int(turns, "illogical_changes", range: 1...20) ?? settings.illogicalChanges
      settings.timeKillerTurns = int(turns, "time_killer_turns", range: 1...20) ?? settings.timeKillerTurns
      settings.timeKillerLength = int(turns, "time_killer_length", range: 1...1000) ?? settings.timeKillerLength
    }
    if let learned = mapping(root[field: "learned"], what: "'learned'") {
      checkKeys(learned, allowed: ["emotion_rule_weight", "type_rule_weight", "situation_rule_weight", "situation_threshold", "safety_threshold"])
      settings.learnedTypeRuleWeight = double(learned, "type_rule_weight", range: 0...10) ?? settings.learnedTypeRuleWeight
      settings.learnedEmotionRuleWeight = double(learned, "emotion_rule_weight", range: 0...10) ?? settings.learnedEmotionRuleWeight
      settings.learnedSituationRuleWeight =
        double(learned, "situation_rule_weight", range: 0...10) ?? settings.learnedSituationRuleWeight
      settings.learnedSituationThreshold = double(learned, "situation_threshold", range: 0...10) ?? settings.learnedSituationThreshold
      settings.learnedSafetyThreshold = double(learned, "safety_threshold", range: 0...10) ?? settings.learnedSafetyThreshold
    }
    return settings
  }

  func readSettings(_ root: Fields) -> Settings {
    checkKeys(root, allowed: ["version", "company", "agent", "follow_up_hours", "compensation_norm"])
    var settings = Settings()
    settings.company = string(root, "company") ?? ""
    settings.agent = string(root, "agent") ?? ""
    settings.followUpHours = int(root, "follow_up_hours", range: 1...720) ?? 48
    settings.compensationNorm = int(root, "compensation_norm", range: 0...100_000_000) ?? 500
    return settings
  }

  func readTypes(_ root: Fields) -> [ComplainantType] {
    checkKeys(root, allowed: ["version", "types"])
    return entries(root, "types").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "name", "name_hant", "marks", "strategy", "avoid", "emotion_min", "principle", "cues"])
      guard let id = id(entry, owner: node) else { return nil }
      return ComplainantType(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        marks: string(entry, "marks", required: true, owner: node) ?? "",
        strategy: string(entry, "strategy", required: true, owner: node) ?? "",
        avoid: references(entry, "avoid", kind: .family), emotionMin: int(entry, "emotion_min", range: 0...3) ?? 0,
        principle: reference(entry, "principle", kind: .principle), cues: cues(entry, ownerID: id, negatable: true),
        location: location(of: node))
    }
  }

  func readSituations(_ root: Fields) -> [Situation] {
    checkKeys(root, allowed: ["version", "situations"])
    return entries(root, "situations").compactMap { node, entry in
      checkKeys(
        entry,
        allowed: [
          "id", "name", "name_hant", "principle", "escalate_to", "safety", "avoid", "emotion_min", "negation_denies", "cues",
        ])
      guard let id = id(entry, owner: node) else { return nil }
      let cues = cues(entry, ownerID: id, negatable: true)
      if cues.isEmpty { error("situation '\(id)' has no cues", at: node) }
      return Situation(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        principle: reference(entry, "principle", kind: .principle), escalateTo: int(entry, "escalate_to", range: 1...9),
        safety: bool(entry, "safety") ?? false, avoid: references(entry, "avoid", kind: .family),
        emotionMin: int(entry, "emotion_min", range: 0...3) ?? 0, negationDenies: bool(entry, "negation_denies") ?? false,
        cues: cues, location: location(of: node))
    }
  }

  func readDemands(_ root: Fields) -> [DemandKind] {
    checkKeys(root, allowed: ["version", "demands"])
    return entries(root, "demands").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "name", "name_hant", "cues"])
      guard let id = id(entry, owner: node) else { return nil }
      return DemandKind(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        cues: cues(entry, ownerID: id, negatable: true), location: location(of: node))
    }
  }

  func readDemeanors(_ root: Fields) -> [Demeanor] {
    checkKeys(root, allowed: ["version", "demeanors"])
    return entries(root, "demeanors").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "name", "name_hant", "description", "cues"])
      guard let id = id(entry, owner: node) else { return nil }
      return Demeanor(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        description: string(entry, "description") ?? "", cues: cues(entry, ownerID: id, negatable: true),
        location: location(of: node))
    }
  }

  func readEmotions(_ root: Fields) -> [EmotionLevel] {
    checkKeys(root, allowed: ["version", "levels"])
    return entries(root, "levels").compactMap { node, entry in
      checkKeys(entry, allowed: ["level", "id", "name", "name_hant", "cues"])
      guard let id = id(entry, owner: node), let level = int(entry, "level", range: 0...3, required: true, owner: node)
      else { return nil }
      return EmotionLevel(
        level: level, id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        cues: cues(entry, ownerID: id, negatable: false), location: location(of: node))
    }
  }

  func readStages(_ root: Fields) -> [Stage] {
    checkKeys(root, allowed: ["version", "stages"])
    return entries(root, "stages").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "name", "name_hant", "order", "description", "cues"])
      guard let id = id(entry, owner: node) else { return nil }
      return Stage(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant", required: true, owner: node) ?? id,
        order: int(entry, "order", range: 0...99, required: true, owner: node) ?? 0,
        description: string(entry, "description") ?? "", cues: cues(entry, ownerID: id, negatable: false),
        location: location(of: node))
    }
  }

  func readForbidden(_ root: Fields) -> [ForbiddenFamily] {
    checkKeys(root, allowed: ["version", "families"])
    return entries(root, "families").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "name", "seed", "instead", "why", "cues"])
      guard let id = id(entry, owner: node) else { return nil }
      let cues = cues(entry, ownerID: id, negatable: false)
      if cues.isEmpty { error("forbidden family '\(id)' has no cues", at: node) }
      return ForbiddenFamily(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id, seed: stringList(entry, "seed"),
        instead: string(entry, "instead", required: true, owner: node) ?? "", why: string(entry, "why") ?? "",
        cues: cues, location: location(of: node))
    }
  }

  func readPrinciples(_ root: Fields) -> ([Principle], [PrincipleList]) {
    checkKeys(root, allowed: ["version", "principles", "lists"])
    let principles = entries(root, "principles").compactMap { node, entry -> Principle? in
      checkKeys(entry, allowed: ["id", "name", "summary", "source"])
      guard let id = id(entry, owner: node) else { return nil }
      return Principle(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        summary: string(entry, "summary", required: true, owner: node) ?? "", source: string(entry, "source") ?? "",
        location: location(of: node))
    }
    let lists = root[field: "lists"] == nil ? [] : entries(root, "lists").compactMap { node, entry -> PrincipleList? in
      checkKeys(entry, allowed: ["id", "name", "items"])
      guard let id = id(entry, owner: node) else { return nil }
      return PrincipleList(
        id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        items: stringList(entry, "items", required: true, owner: node), location: location(of: node))
    }
    return (principles, lists)
  }

  func readEscalation(_ root: Fields) -> ([EscalationLevel], [EscalationTrigger]) {
    checkKeys(root, allowed: ["version", "ladder", "triggers"])
    let ladder = entries(root, "ladder").compactMap { node, entry -> EscalationLevel? in
      checkKeys(entry, allowed: ["level", "id", "name", "name_hant"])
      guard let id = id(entry, owner: node), let level = int(entry, "level", range: 1...9, required: true, owner: node)
      else { return nil }
      return EscalationLevel(
        level: level, id: id, name: string(entry, "name", required: true, owner: node) ?? id,
        nameHant: string(entry, "name_hant") ?? string(entry, "name") ?? id, location: location(of: node))
    }
    let triggers = root[field: "triggers"] == nil ? [] : entries(root, "triggers").compactMap { node, entry -> EscalationTrigger? in
      checkKeys(entry, allowed: ["id", "reason", "level"])
      guard let id = id(entry, owner: node), let level = int(entry, "level", range: 1...9, required: true, owner: node)
      else { return nil }
      return EscalationTrigger(
        id: id, reason: string(entry, "reason", required: true, owner: node) ?? "", level: level,
        location: location(of: node))
    }
    return (ladder, triggers)
  }

  func readQuiz(_ root: Fields) -> [QuizQuestion] {
    checkKeys(root, allowed: ["version", "questions"])
    return entries(root, "questions").compactMap { node, entry in
      checkKeys(entry, allowed: ["id", "statement", "answer", "explanation", "source"])
      guard let id = id(entry, owner: node), let statement = string(entry, "statement", required: true, owner: node)
      else { return nil }
      guard let answer = bool(entry, "answer") else {
        if entry[field: "answer"] == nil { error("missing 'answer'", at: node) }
        return nil
      }
      return QuizQuestion(
        id: id, statement: statement, answer: answer,
        explanation: string(entry, "explanation", required: true, owner: node) ?? "",
        source: string(entry, "source") ?? "", location: location(of: node))
    }
  }

  func readWording(_ root: Fields) -> [Wording] {
    checkKeys(root, allowed: ["version", "wording"])
    return entries(root, "wording").compactMap { node, entry in
      checkKeys(
        entry,
        allowed: ["id", "text", "stage", "types", "situations", "emotion_min", "emotion_max", "principle", "why"])
      guard let id = id(entry, owner: node), let text = string(entry, "text", required: true, owner: node),
        let stage = reference(entry, "stage", kind: .stage, required: true, owner: node)
      else { return nil }
      return Wording(
        id: id, text: text, stage: stage, types: references(entry, "types", kind: .type),
        situations: references(entry, "situations", kind: .situation),
        emotionMin: int(entry, "emotion_min", range: 0...3) ?? 0, emotionMax: int(entry, "emotion_max", range: 0...3) ?? 3,
        principle: reference(entry, "principle", kind: .principle), why: string(entry, "why") ?? "", location: location(of: node))
    }
  }

  func readScenario(_ root: Fields) -> Scenario? {
    checkKeys(root, allowed: ["version", "id", "title", "source", "type", "situations", "turns"])
    let owner = root.keys.first ?? Node("")
    guard let id = id(root, owner: owner) else { return nil }
    let turns = sequence(root, "turns", required: true, in: owner).compactMap { node -> Scenario.Turn? in
      guard let turn = mapping(node, what: "a turn") else { return nil }
      checkKeys(turn, allowed: ["customer", "expect", "good", "principle", "poor", "fault"])
      guard let customer = string(turn, "customer", required: true, owner: node),
        let good = string(turn, "good", required: true, owner: node)
      else { return nil }
      var expectation: Scenario.Expectation?
      if let expect = mapping(turn[field: "expect"], what: "'expect'") {
        checkKeys(expect, allowed: ["type", "situations", "emotion"])
        expectation = Scenario.Expectation(
          type: reference(expect, "type", kind: .type),
          situations: expect[field: "situations"] == nil ? nil : references(expect, "situations", kind: .situation),
          emotion: int(expect, "emotion", range: 0...3))
      }
      return Scenario.Turn(
        customer: customer, expect: expectation, good: good, principle: reference(turn, "principle", kind: .principle),
        poor: string(turn, "poor"), fault: string(turn, "fault"), location: location(of: node))
    }
    if turns.isEmpty, root[field: "turns"] != nil { error("scenario '\(id)' has no turns", at: root[field: "turns"]) }
    return Scenario(
      id: id, title: string(root, "title", required: true, owner: owner) ?? id, source: string(root, "source") ?? "",
      type: reference(root, "type", kind: .type, required: true, owner: owner) ?? "ordinary",
      situations: references(root, "situations", kind: .situation),
      turns: turns, location: location(of: owner))
  }
}
