/// Checks what no single file can: unique ids, references that resolve, the ladder and the
/// levels complete. Reports into the same sink as the readers.
struct KnowledgeValidator {
  let base: KnowledgeBase
  let sink: DiagnosticSink
  /// Kinds whose file could not be read: references to them are not checked.
  var unreadable: Set<Reference.Kind> = []

  func validate() {
    checkUnique(base.types.map { ($0.id, $0.location) }, what: "type")
    checkUnique(base.situations.map { ($0.id, $0.location) }, what: "situation")
    checkUnique(base.demeanors.map { ($0.id, $0.location) }, what: "demeanor")
    checkUnique(base.demands.map { ($0.id, $0.location) }, what: "demand")
    checkUnique(base.emotions.map { ($0.id, $0.location) }, what: "emotion level")
    checkUnique(base.emotions.map { (String($0.level), $0.location) }, what: "emotion level number")
    checkUnique(base.stages.map { ($0.id, $0.location) }, what: "stage")
    checkUnique(base.forbidden.map { ($0.id, $0.location) }, what: "forbidden family")
    checkUnique(base.principles.map { ($0.id, $0.location) }, what: "principle")
    checkUnique(base.lists.map { ($0.id, $0.location) }, what: "list")
    checkUnique(base.ladder.map { ($0.id, $0.location) }, what: "ladder rung")
    checkUnique(base.ladder.map { (String($0.level), $0.location) }, what: "ladder level")
    checkUnique(base.triggers.map { ($0.id, $0.location) }, what: "trigger")
    checkUnique(base.quiz.map { ($0.id, $0.location) }, what: "quiz question")
    checkUnique(base.wording.map { ($0.id, $0.location) }, what: "wording")
    checkUnique(base.scenarios.map { ($0.id, $0.location) }, what: "scenario")
    checkUnique(allCues.map { ($0.id, $0.location) }, what: "cue")
    checkReferences()
    checkLevels()
    checkWording()
  }

  private var allCues: [Cue] {
    var cues: [Cue] = base.types.flatMap(\.cues)
    cues += base.situations.flatMap(\.cues)
    cues += base.demeanors.flatMap(\.cues)
    cues += base.demands.flatMap(\.cues)
    cues += base.emotions.flatMap(\.cues)
    cues += base.stages.flatMap(\.cues)
    cues += base.forbidden.flatMap(\.cues)
    return cues
  }

  private func checkUnique(_ items: [(String, SourceLocation)], what: String) {
    var seen: [String: SourceLocation] = [:]
    for (id, location) in items {
      if let first = seen[id] {
        sink.error("duplicate \(what) id '\(id)' (first defined at \(first.file):\(first.line))", at: location)
      } else {
        seen[id] = location
      }
    }
  }

  private func checkReferences() {
    let known: [Reference.Kind: [String]] = [
      .type: base.types.map(\.id), .situation: base.situations.map(\.id), .stage: base.stages.map(\.id),
      .family: base.forbidden.map(\.id), .principle: base.principles.map(\.id),
    ]
    for reference in sink.references where !unreadable.contains(reference.kind) {
      let ids = known[reference.kind] ?? []
      guard !ids.contains(reference.id) else { continue }
      var message = "unknown \(reference.kind.rawValue) '\(reference.id)'"
      if let guess = closestMatch(to: reference.id, in: ids) { message += " (did you mean '\(guess)'?)" }
      sink.error(message, at: reference.location)
    }
  }

  private func checkLevels() {
    for level in 0...3 where base.emotion(level) == nil && !base.emotions.isEmpty {
      sink.error("emotion level \(level) is missing", at: base.emotions[0].location)
    }
    if !base.types.contains(where: { $0.id == "ordinary" }), let first = base.types.first {
      sink.error("the type 'ordinary' is missing", at: first.location)
    }
    for situation in base.situations {
      if let level = situation.escalateTo, base.rung(level) == nil, !base.ladder.isEmpty {
        sink.error("situation '\(situation.id)' escalates to level \(level), which the ladder lacks", at: situation.location)
      }
    }
    for trigger in base.triggers where base.rung(trigger.level) == nil && !base.ladder.isEmpty {
      sink.error("trigger '\(trigger.id)' names level \(trigger.level), which the ladder lacks", at: trigger.location)
    }
  }

  private func checkWording() {
    for wording in base.wording where wording.emotionMin > wording.emotionMax {
      sink.error("wording '\(wording.id)': emotion_min is above emotion_max", at: wording.location)
    }
  }
}
