import Foundation

/// The JSON Lines of `kesu analyze --json`: one object per turn, then one summary per call.
extension JSONWriter {
  public static func turn(_ turn: TranscriptTurn, reading: Reading?, advice: Advice?, check: AgentCheck?) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.string("call", turn.call)
    writer.int("line", turn.line)
    writer.string("speaker", turn.speaker.rawValue)
    if let reading {
      writer.readingFields(reading, advice: advice)
    } else {
      writer.string("text", turn.text)
    }
    if let check {
      writer.violationsField(check.violations)
      writer.beginArray("stages")
      for stage in check.stages { writer.string(nil, stage) }
      writer.endArray()
    }
    writer.endObject()
    return writer.text
  }

  public static func summary(_ audit: CallAudit, knowledge: KnowledgeBase) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginObject("summary")
    writer.string("call", audit.call)
    writer.label("type", Reading.Label(id: audit.type.id, name: knowledge.type(audit.type.id)?.name ?? audit.type.id, confidence: audit.type.confidence))
    writer.beginArray("situations")
    for id in audit.situations {
      writer.beginObject()
      writer.string("id", id)
      writer.string("name", knowledge.situation(id)?.name ?? id)
      writer.endObject()
    }
    writer.endArray()
    writer.beginObject("emotion")
    writer.int("peak", audit.emotionPeak)
    writer.int("end", audit.emotionEnd)
    writer.endObject()
    writer.beginArray("demands")
    for demand in audit.demands {
      writer.beginObject()
      writer.string("id", demand.id)
      if let amount = demand.amount { writer.int("amount", amount) } else { writer.null("amount") }
      writer.int("times", demand.times)
      writer.endObject()
    }
    writer.endArray()
    writer.beginObject("stages")
    writer.beginArray("present")
    for id in audit.stagesPresent { writer.string(nil, id) }
    writer.endArray()
    writer.beginArray("missing")
    for id in audit.stagesMissing { writer.string(nil, id) }
    writer.endArray()
    writer.endObject()
    writer.beginArray("violations")
    for flag in audit.violations {
      writer.beginObject()
      if let line = flag.line { writer.int("line", line) } else { writer.null("line") }
      writer.string("family", flag.violation.family)
      writer.string("matched", flag.violation.matched)
      writer.string("instead", flag.violation.instead)
      writer.endObject()
    }
    writer.endArray()
    writer.beginObject("escalation")
    writer.int("level", audit.escalation.level)
    if let rung = knowledge.rung(audit.escalation.level) { writer.string("to", rung.id) } else { writer.null("to") }
    writer.beginArray("reasons")
    for reason in audit.escalation.reasons { writer.string(nil, reason.trigger) }
    writer.endArray()
    writer.endObject()
    if let followUp = audit.followUp {
      writer.beginObject("follow_up")
      writer.string("deadline", ISO8601DateFormatter().string(from: followUp.deadline))
      writer.endObject()
    } else {
      writer.null("follow_up")
    }
    if let turns = audit.turnsBeforeApology { writer.int("turns_before_apology", turns) } else { writer.null("turns_before_apology") }
    writer.int("score", audit.score)
    writer.beginObject("score_breakdown")
    for part in audit.parts {
      writer.beginObject(part.id)
      writer.int("points", part.points)
      writer.int("max", part.max)
      writer.string("note", part.note)
      writer.endObject()
    }
    writer.endObject()
    writer.endObject()
    writer.endObject()
    return writer.text
  }
}
