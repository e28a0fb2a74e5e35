import Foundation
import GRDB
import Testing

@testable import KesuCore

@Suite struct CaseStoreTests {
  let engine = TestSupport.engine

  func conversation(_ lines: [String]) -> Conversation {
    var call = Conversation(engine: engine)
    for line in lines { if line.hasPrefix(">") { call.agent(String(line.dropFirst())) } else { call.customer(line) } }
    return call
  }

  @Test func lifecycleOpenUpdateFollowUpOverdueCloseExport() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("data/kesu.sqlite").path
    let store = try CaseStore(path: path)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var call = conversation(["我的手机13812345678停机三天了,要赔五百"])
    call.promiseFollowUp(hours: 2, now: now.addingTimeInterval(-3 * 3600))
    var record = CaseRecord.from(call, revealed: ["13812345678"], now: now)
    record.id = try store.save(record)
    #expect(record.id == 1)
    #expect(record.customer == "138****5678")
    #expect(record.isOverdue(now: now))

    var later = conversation(["网断了"])
    later.promiseFollowUp(hours: 48, now: now)
    try store.save(CaseRecord.from(later, now: now))
    try store.save(CaseRecord.from(conversation(["没有约定时间的"]), now: now))

    let open = try store.openCases()
    #expect(open.map(\.id) == [1, 2, 3])  // overdue first, then due, then no due time

    record.notes = "已联系"
    try store.save(record)
    #expect(try store.get(1).notes == "已联系")

    try store.close(1, note: "客户满意")
    #expect(try store.get(1).status == .closed)
    #expect(try store.openCases().map(\.id) == [2, 3])
    #expect(throws: CaseStoreError.self) { try store.close(99, note: "") }

    var exported: [String] = []
    try store.forEach { exported.append(JSONWriter.caseRecord($0, now: now)) }
    #expect(exported.count == 3)
    #expect(!exported.joined().contains("13812345678"))
    var revealed: [String] = []
    try store.forEach { revealed.append(JSONWriter.caseRecord($0, now: now, reveal: true)) }
    #expect(revealed[0].contains("13812345678"))
  }

  @Test func fileAndFolderAreTheOwnersOnly() throws {
    let folder = TestSupport.temporaryFolder().appendingPathComponent("private")
    let path = folder.appendingPathComponent("kesu.sqlite").path
    _ = try CaseStore(path: path)
    let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
    #expect(fileMode == 0o600)
    #expect(folderMode == 0o700)
  }

  @Test func anOlderDatabaseIsMigrated() throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("old.sqlite").path
    let old = try CaseStore(path: path, migrateUpTo: "v1-cases")
    try old.queue.write { db in
      try db.execute(sql: "INSERT INTO cases (opened_at, updated_at, type) VALUES (1, 1, 'emotional')")
    }
    let store = try CaseStore(path: path)
    let record = try store.get(1)
    #expect(record.type == "emotional")
    #expect(record.source == "chat")
  }

  @Test func aForeignOrCorruptFileIsRefusedAndKept() throws {
    let folder = TestSupport.temporaryFolder()
    let garbage = folder.appendingPathComponent("garbage.sqlite").path
    let bytes = Data("this is not a database, it is a shopping list\n".utf8) + Data(repeating: 7, count: 4096)
    try bytes.write(to: URL(fileURLWithPath: garbage))
    #expect(throws: CaseStoreError.self) { try CaseStore(path: garbage) }
    #expect(FileManager.default.contents(atPath: garbage) == bytes)

    let foreign = folder.appendingPathComponent("foreign.sqlite").path
    let queue = try DatabaseQueue(path: foreign)
    try queue.write { db in try db.execute(sql: "CREATE TABLE recipes (name TEXT)") }
    do {
      _ = try CaseStore(path: foreign)
      Issue.record("a foreign database was accepted")
    } catch {
      #expect("\(error)".contains("not Kesu's"))
    }
  }

  @Test func twoWritersAtOnceBothSucceed() async throws {
    let path = TestSupport.temporaryFolder().appendingPathComponent("shared.sqlite").path
    _ = try CaseStore(path: path)
    let engine = self.engine
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<2 {
        group.addTask {
          let store = try CaseStore(path: path)
          for index in 0..<50 {
            var call = Conversation(engine: engine)
            call.customer("写入者\(writer)第\(index)件:网断了")
            try store.save(CaseRecord.from(call))
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try CaseStore(path: path).count() == 100)
  }
}
