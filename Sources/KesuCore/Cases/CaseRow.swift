import Foundation
import GRDB

/// Between `CaseRecord` and a row of the `cases` table: lists and the call state as JSON text.
enum CaseRow {
  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .secondsSince1970
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
    guard let text, !text.isEmpty else { return nil }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return try decoder.decode(type, from: Data(text.utf8))
  }

  static func arguments(_ r: CaseRecord) throws -> StatementArguments {
    [
      r.openedAt.timeIntervalSince1970, r.updatedAt.timeIntervalSince1970, r.status.rawValue, r.customer, r.type,
      try json(r.situations), try json(r.demands), r.promised, r.followUpDue?.timeIntervalSince1970, r.escalationLevel,
      r.notes, try r.state.map(json), r.closedAt?.timeIntervalSince1970, r.closeNote, r.source, try json(r.revealed),
    ]
  }

  static func record(_ row: Row) throws -> CaseRecord {
    var r = CaseRecord(openedAt: Date(timeIntervalSince1970: row["opened_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    r.id = row["id"]
    r.status = CaseRecord.Status(rawValue: row["status"]) ?? .open
    r.customer = row["customer"]
    r.type = row["type"]
    r.situations = try decode([String].self, row["situations"]) ?? []
    r.demands = try decode([String].self, row["demands"]) ?? []
    r.promised = row["promised"]
    r.followUpDue = (row["follow_up_due"] as Double?).map(Date.init(timeIntervalSince1970:))
    r.escalationLevel = row["escalation_level"]
    r.notes = row["notes"]
    r.state = try decode(CallState.self, row["state_json"])
    r.closedAt = (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
    r.closeNote = row["close_note"]
    r.source = row["source"]
    r.revealed = try decode([String].self, row["revealed"]) ?? []
    return r
  }
}
