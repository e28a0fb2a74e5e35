import Foundation
import Testing

@Suite struct CasesCLITests {
  func transcript(calls: Int) -> String {
    (0..<calls).map { index in
      "客户:我的手机1381234\(String(format: "%04d", index))停机了,要赔五百\n坐席:非常抱歉,我马上为您处理\n---\n"
    }.joined()
  }

  @Test func recordListShowCloseExport() throws {
    let db = Kesu.temporaryFolder().appendingPathComponent("kesu.sqlite").path
    let environment = Kesu.environment()
    let recorded = try Kesu.run(["analyze", "--record", "--db", db], input: Data(transcript(calls: 3).utf8), environment: environment)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let list = try Kesu.run(["cases", "--db", db], input: Data(), environment: environment)
    #expect(list.stdoutLines.count == 3)
    #expect(list.stdout.contains("138****0000"))
    #expect(!list.stdout.contains("13812340000"))
    let show = try Kesu.run(["cases", "show", "1", "--db", db, "--reveal"], input: Data(), environment: environment)
    #expect(show.stdout.contains("13812340000"))
    #expect(try Kesu.run(["cases", "close", "1", "--note", "已回访", "--db", db], input: Data(), environment: environment).status == 0)
    #expect(try Kesu.run(["cases", "close", "42", "--db", db], input: Data(), environment: environment).status == 64)
    let export = try Kesu.run(["cases", "export", "--json", "--db", db], input: Data(), environment: environment)
    #expect(export.stdoutLines.count == 3)
    #expect(export.stdoutLines[0].contains("\"status\":\"closed\""))
  }

  @Test func aCorruptDatabaseIsRefusedAndKept() throws {
    let db = Kesu.temporaryFolder().appendingPathComponent("kesu.sqlite")
    let bytes = Data(repeating: 0x42, count: 8192)
    try bytes.write(to: db)
    let result = try Kesu.run(["cases", "--db", db.path], input: "")
    #expect(result.status == 70)
    #expect(result.stderr.contains("not a SQLite database"))
    #expect(FileManager.default.contents(atPath: db.path) == bytes)
  }

  /// SIGKILL in the middle of writing cases: the file stays intact and every case the process
  /// reported as committed is there.
  @Test func killedMidWriteLosesNothingCommitted() throws {
    let folder = Kesu.temporaryFolder()
    let db = folder.appendingPathComponent("kesu.sqlite").path
    let input = folder.appendingPathComponent("calls.txt")
    try transcript(calls: 3000).write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Kesu.binary)
    process.arguments = ["analyze", "--record", "--db", db, "--json", input.path]
    process.environment = Kesu.environment()
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var reported = Data()
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      reported += stderr.fileHandleForReading.availableData
      if String(decoding: reported, as: UTF8.self).components(separatedBy: "recorded case").count > 40 { break }
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    reported += stderr.fileHandleForReading.readDataToEndOfFile()
    let ids = String(decoding: reported, as: UTF8.self).components(separatedBy: "\n").compactMap { line -> Int? in
      guard let range = line.range(of: "recorded case #") else { return nil }
      return Int(line[range.upperBound...])
    }
    #expect(ids.count >= 40)
    #expect(process.terminationReason == .uncaughtSignal)
    let export = try Kesu.run(["cases", "export", "--json", "--db", db], input: "")
    #expect(export.status == 0, "\(export.stderr)")
    let stored = Set(export.stdoutLines.compactMap { line -> Int? in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
    })
    for id in ids { #expect(stored.contains(id), "case \(id) was reported committed but is missing") }
  }

  @Test func twoProcessesWritingAtOnceBothSucceed() throws {
    let db = Kesu.temporaryFolder().appendingPathComponent("kesu.sqlite").path
    let data = Data(transcript(calls: 40).utf8)
    let results = ResultBox()
    let threads = (0..<2).map { _ in
      Thread {
        let result = try? Kesu.run(["analyze", "--record", "--db", db], input: data)
        results.append(result?.status ?? -1)
      }
    }
    threads.forEach { $0.start() }
    let deadline = Date().addingTimeInterval(60)
    while results.count < 2, Date() < deadline { usleep(10_000) }
    #expect(results.statuses == [0, 0])
    let export = try Kesu.run(["cases", "export", "--db", db], input: "")
    #expect(export.stdoutLines.count == 80)
  }
}

final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int32] = []
  func append(_ value: Int32) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return values.count
  }
  var statuses: [Int32] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
