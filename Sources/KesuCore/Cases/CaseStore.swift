import Foundation
import GRDB

public enum CaseStoreError: Error, CustomStringConvertible {
  case notADatabase(String)
  case foreign(String)
  case notFound(Int64)
  case io(String)

  public var description: String {
    switch self {
    case .notADatabase(let path): "\(path): not a SQLite database (corrupt or another kind of file); left untouched"
    case .foreign(let path): "\(path): a SQLite database that is not Kesu's case store; left untouched"
    case .notFound(let id): "no case \(id)"
    case .io(let message): message
    }
  }
}

/// The case records in SQLite through GRDB. Every write is one transaction; two processes may
/// write at once (each waits for the other's lock); the file and its folder are the owner's only.
public final class CaseStore: Sendable {
  public let path: String
  let queue: DatabaseQueue

  /// `$XDG_DATA_HOME/kesu/kesu.sqlite`, default `~/.local/share/kesu/kesu.sqlite`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
    return (base as NSString).appendingPathComponent("kesu/kesu.sqlite")
  }

  public init(path: String, migrateUpTo lastMigration: String? = nil) throws(CaseStoreError) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    do {
      if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      }
      if !FileManager.default.fileExists(atPath: path) {
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        guard fd >= 0 else { throw CaseStoreError.io("\(path): cannot create (\(String(cString: strerror(errno))))") }
        Glibc.close(fd)
      }
    } catch let error as CaseStoreError {
      throw error
    } catch {
      throw .io("\(folder): cannot create folder (\(error.localizedDescription))")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
    } catch {
      throw .notADatabase(path)
    }
    do {
      let foreign = try queue.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return !tables.isEmpty && !tables.contains("grdb_migrations")
      }
      if foreign { throw CaseStoreError.foreign(path) }
      // Two processes opening a new file at once may both decide to migrate; the loser's
      // CREATE fails once the winner has committed. Trying again sees the migrations applied.
      let migrator = Self.migrator
      var attempt = 0
      while true {
        do {
          if let lastMigration { try migrator.migrate(queue, upTo: lastMigration) } else { try migrator.migrate(queue) }
          break
        } catch {
          attempt += 1
          if attempt >= 5 { throw error }
          usleep(50_000)
        }
      }
    } catch let error as CaseStoreError {
      throw error
    } catch {
      throw .io("\(path): \(error)")
    }
  }

  /// The schema, one migration per version; an older file is brought up to date, never rejected.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-cases") { db in
      try db.create(table: "cases") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("opened_at", .double).notNull()
        t.column("updated_at", .double).notNull()
        t.column("status", .text).notNull().defaults(to: "open")
        t.column("customer", .text).notNull().defaults(to: "")
        t.column("type", .text).notNull().defaults(to: "ordinary")
        t.column("situations", .text).notNull().defaults(to: "[]")
        t.column("demands", .text).notNull().defaults(to: "[]")
        t.column("promised", .text).notNull().defaults(to: "")
        t.column("follow_up_due", .double)
        t.column("escalation_level", .integer).notNull().defaults(to: 0)
        t.column("notes", .text).notNull().defaults(to: "")
        t.column("state_json", .text)
        t.column("closed_at", .double)
        t.column("close_note", .text).notNull().defaults(to: "")
      }
      try db.create(index: "cases_due", on: "cases", columns: ["status", "follow_up_due"])
    }
    migrator.registerMigration("v2-source-and-revealed") { db in
      try db.alter(table: "cases") { t in
        t.add(column: "source", .text).notNull().defaults(to: "chat")
        t.add(column: "revealed", .text).notNull().defaults(to: "[]")
      }
    }
    return migrator
  }

  /// Inserts a new case or updates the one with the record's id; returns the id.
  @discardableResult
  public func save(_ record: CaseRecord) throws -> Int64 {
    try queue.write { db in
      let arguments = try CaseRow.arguments(record)
      if let id = record.id {
        try db.execute(
          sql: """
            UPDATE cases SET opened_at = ?, updated_at = ?, status = ?, customer = ?, type = ?, situations = ?, demands = ?,
            promised = ?, follow_up_due = ?, escalation_level = ?, notes = ?, state_json = ?, closed_at = ?, close_note = ?,
            source = ?, revealed = ? WHERE id = ?
            """, arguments: arguments + [id])
        guard db.changesCount == 1 else { throw CaseStoreError.notFound(id) }
        return id
      }
      try db.execute(
        sql: """
          INSERT INTO cases (opened_at, updated_at, status, customer, type, situations, demands, promised, follow_up_due,
          escalation_level, notes, state_json, closed_at, close_note, source, revealed)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: arguments)
      return db.lastInsertedRowID
    }
  }

  public func get(_ id: Int64) throws -> CaseRecord {
    guard let row = try queue.read({ db in try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id]) })
    else { throw CaseStoreError.notFound(id) }
    return try CaseRow.record(row)
  }

  /// Open cases, the ones with a due time first (earliest, so overdue ones lead), then the rest.
  public func openCases(limit: Int = 50) throws -> [CaseRecord] {
    try queue.read { db in
      var rows = try Row.fetchAll(
        db,
        sql: "SELECT * FROM cases WHERE status = 'open' AND follow_up_due IS NOT NULL ORDER BY follow_up_due LIMIT ?",
        arguments: [limit])
      if rows.count < limit {
        rows += try Row.fetchAll(
          db, sql: "SELECT * FROM cases WHERE status = 'open' AND follow_up_due IS NULL ORDER BY id LIMIT ?",
          arguments: [limit - rows.count])
      }
      return try rows.map(CaseRow.record)
    }
  }

  public func close(_ id: Int64, note: String, now: Date = Date()) throws {
    try queue.write { db in
      try db.execute(
        sql: "UPDATE cases SET status = 'closed', closed_at = ?, close_note = ?, updated_at = ? WHERE id = ?",
        arguments: [now.timeIntervalSince1970, note, now.timeIntervalSince1970, id])
      guard db.changesCount == 1 else { throw CaseStoreError.notFound(id) }
    }
  }

  public func count(status: CaseRecord.Status? = nil) throws -> Int {
    try queue.read { db in
      if let status {
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE status = ?", arguments: [status.rawValue]) ?? 0
      }
      return try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
    }
  }

  /// Every case in id order, one at a time (for export: memory stays flat).
  public func forEach(_ body: (CaseRecord) throws -> Void) throws {
    try queue.read { db in
      let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM cases ORDER BY id")
      while let row = try cursor.next() { try body(try CaseRow.record(row)) }
    }
  }

  /// Many records in one transaction (benchmarks and imports).
  public func saveAll(_ records: [CaseRecord]) throws {
    try queue.write { db in
      for record in records {
        try db.execute(
          sql: """
            INSERT INTO cases (opened_at, updated_at, status, customer, type, situations, demands, promised, follow_up_due,
            escalation_level, notes, state_json, closed_at, close_note, source, revealed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: try CaseRow.arguments(record))
      }
    }
  }

  /// SQLite's own check of the file.
  public func integrityCheck() throws -> String {
    try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
  }
}
