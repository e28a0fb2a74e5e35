import Foundation

/// One case as a JSON line (`kesu cases export --json`). Personal numbers stay masked unless
/// `reveal` is set.
extension JSONWriter {
  public static func caseRecord(_ record: CaseRecord, now: Date, reveal: Bool = false) -> String {
    let iso = ISO8601DateFormatter()
    var writer = JSONWriter()
    writer.beginObject()
    writer.int("id", record.id.map(Int.init))
    writer.string("status", record.status.rawValue)
    writer.string("opened_at", iso.string(from: record.openedAt))
    writer.string("updated_at", iso.string(from: record.updatedAt))
    writer.string("customer", record.customer)
    writer.string("type", record.type)
    writer.beginArray("situations")
    for id in record.situations { writer.string(nil, id) }
    writer.endArray()
    writer.beginArray("demands")
    for demand in record.demands { writer.string(nil, demand) }
    writer.endArray()
    writer.string("promised", record.promised)
    writer.string("follow_up_due", record.followUpDue.map { iso.string(from: $0) })
    writer.bool("overdue", record.isOverdue(now: now))
    writer.int("escalation_level", record.escalationLevel)
    writer.string("notes", record.notes)
    writer.string("source", record.source)
    writer.string("closed_at", record.closedAt.map { iso.string(from: $0) })
    writer.string("close_note", record.closeNote)
    writer.beginArray("turns")
    for turn in record.state?.turns ?? [] {
      writer.beginObject()
      writer.string("speaker", turn.speaker.rawValue)
      writer.string("text", turn.text)
      writer.endObject()
    }
    writer.endArray()
    if reveal {
      writer.beginArray("revealed")
      for value in record.revealed { writer.string(nil, value) }
      writer.endArray()
    }
    writer.endObject()
    return writer.text
  }
}
