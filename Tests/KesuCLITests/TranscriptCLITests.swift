import Foundation
import Testing

@Suite struct TranscriptCLITests {
  static let folder = Kesu.fixtures.appendingPathComponent("transcripts")

  static var transcripts: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".vtt") }.sorted()
  }

  /// Each transcript's call summaries must equal the golden file (regenerate with
  /// `scripts/update-golden.sh` after a deliberate change, and review the diff).
  @Test(arguments: transcripts) func summariesMatchTheGoldenFiles(name: String) throws {
    let path = Self.folder.appendingPathComponent(name).path
    let result = try Kesu.run(["analyze", "--json", path], input: "")
    #expect(result.status == 0, "\(result.stderr)")
    let summaries = result.stdoutLines.filter { $0.hasPrefix("{\"summary\"") }
    let golden = try String(contentsOf: Self.folder.appendingPathComponent("expected/\(name).json"), encoding: .utf8)
    #expect(summaries.joined(separator: "\n") + "\n" == golden)
  }

  @Test func aDozenTranscriptsInEveryFormat() {
    let names = Self.transcripts
    #expect(names.count >= 12)
    #expect(names.contains { $0.hasSuffix(".jsonl") } && names.contains { $0.hasSuffix(".vtt") })
  }

  @Test func pipingIntoKesuAnalyses() throws {
    let input = "客户:你们的宽带断了三天了\n坐席:这是我们公司的规定\n"
    let result = try Kesu.run([], input: input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("审核"))
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test func severalFilesKeepTheirOrderAndGetATable() throws {
    let names = Self.transcripts.prefix(3).map { Self.folder.appendingPathComponent($0).path }
    let result = try Kesu.run(["analyze", "--json"] + names, input: "")
    #expect(result.status == 0)
    let calls = result.stdoutLines.compactMap { line -> String? in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
      return object["call"] as? String
    }
    let fileOrder = calls.map { $0.split(separator: "#").first.map(String.init) ?? "" }
    var seen: [String] = []
    for file in fileOrder where seen.last != file { seen.append(file) }
    #expect(seen == names.map { ($0 as NSString).lastPathComponent })
    #expect(result.stdoutLines.last?.hasPrefix("{\"table\"") == true)
  }

  @Test func troubleIsReportedButWhatWasReadStillCounts() throws {
    let folder = Kesu.temporaryFolder()
    let blank = folder.appendingPathComponent("blank.txt")
    try "\n\n\n".write(to: blank, atomically: true, encoding: .utf8)
    let good = folder.appendingPathComponent("good.txt")
    try "客户:网断了\n坐席:非常抱歉\n".write(to: good, atomically: true, encoding: .utf8)
    let result = try Kesu.run(["analyze", "--json", good.path, blank.path, folder.appendingPathComponent("missing.txt").path], input: "")
    #expect(result.status == 66)
    #expect(result.stdout.contains("{\"summary\""))
    #expect(result.stderr.contains("blank.txt: empty input"))
    #expect(result.stderr.contains("missing.txt: no such file"))
  }
}
