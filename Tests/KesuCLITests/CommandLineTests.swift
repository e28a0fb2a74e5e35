import Foundation
import Testing

@Suite struct CommandLineTests {
  @Test func classifyJSONIsOneLinePerInputLineInOrder() throws {
    let input = "我家宽带断了三天了\n\n你叫什么名字?你几点下班?\n"
    let result = try Kesu.run(["classify", "--json"], input: input)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutLines
    #expect(lines.count == 3)
    let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    #expect(objects[0]["text"] as? String == "我家宽带断了三天了")
    #expect(objects[1]["error"] as? String == "empty line")
    #expect((objects[2]["type"] as? [String: Any])?["id"] as? String == "stalker")
    for key in ["text", "type", "alternatives", "situations", "emotion", "demeanor", "evidence", "suggestions", "avoid"] {
      #expect(objects[0].keys.contains(key), "missing \(key)")
    }
  }

  @Test func invalidUTF8IsReplacedAnsweredAndReported() throws {
    var input = Data("你好\n".utf8)
    input += Data([0xE4, 0xBD, 0x20, 0xFF]) + Data("网断了\n".utf8)
    let result = try Kesu.run(["classify", "--json"], input: input)
    #expect(result.status == 3)
    #expect(result.stdoutLines.count == 2)
    #expect(result.stderr.contains("<stdin>:2: invalid UTF-8"))
  }

  @Test func badInputGetsDistinctExitCodes() throws {
    #expect(try Kesu.run(["classify"], input: "").status == 4)
    #expect(try Kesu.run(["classify"], input: "\n  \n").status == 4)
    #expect(try Kesu.run(["classify"], input: Data([0x61, 0x00, 0x62, 0x0A])).status == 6)
    let unknown = try Kesu.run(["frobnicate"], input: "")
    #expect(unknown.status == 64)
    #expect(try Kesu.run(["analyze", "/nonexistent/call.txt"], input: "").status == 66)
    let long = try Kesu.run(["classify", "--json"], input: String(repeating: "投诉", count: 600_000) + "\n")
    #expect(long.status == 5)
    #expect(long.stdoutLines.count == 1)
  }

  @Test func checkExitsOneOnAViolation() throws {
    let bad = try Kesu.run(["check", "这是我们公司的规定"], input: "")
    #expect(bad.status == 1)
    #expect(bad.stdout.contains("改说"))
    #expect(try Kesu.run(["check", "非常抱歉给您添麻烦了"], input: "").status == 0)
    let json = try Kesu.run(["check", "--json"], input: "这事不归我管\n我马上为您处理\n")
    #expect(json.status == 1)
    let first = try JSONSerialization.jsonObject(with: Data(json.stdoutLines[0].utf8)) as! [String: Any]
    let violations = first["violations"] as! [[String: Any]]
    #expect(violations.first?["family"] as? String == "not-my-business")
  }

  @Test func theKnowledgeIsFoundFromAnyDirectory() throws {
    let result = try Kesu.run(["classify", "你们必须赔偿我的损失"], input: Data(), directory: "/")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("赔偿"))
  }

  @Test func brokenKnowledgeIsReportedWithFileAndLine() throws {
    let folder = Kesu.temporaryFolder().appendingPathComponent("Knowledge")
    try FileManager.default.copyItem(at: Kesu.root.appendingPathComponent("Knowledge"), to: folder)
    let file = folder.appendingPathComponent("escalation.yaml")
    let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "version: 1", with: "version: 2")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = try Kesu.run(["classify", "--knowledge", folder.path, "你好"], input: "")
    #expect(result.status == 65)
    #expect(result.stderr.contains("escalation.yaml:1:10: error: unsupported version '2' (expected 1)"))
    let lint = try Kesu.run(["kb", "lint", folder.path], input: "")
    #expect(lint.status == 65)
    #expect(try Kesu.run(["kb", "lint"], input: "").stdout.hasPrefix("ok:"))
  }

  @Test func kbShowAndTest() throws {
    let show = try Kesu.run(["kb", "show", "stalker"], input: "")
    #expect(show.status == 0 && show.stdout.contains("跟踪狂型"))
    let typo = try Kesu.run(["kb", "show", "stalkr"], input: "")
    #expect(typo.status == 64 && typo.stderr.contains("did you mean 'stalker'"))
    let test = try Kesu.run(["kb", "test", Kesu.fixtures.appendingPathComponent("classifier-held.tsv").path], input: "")
    #expect(test.status == 0)
    #expect(test.stdout.contains("type accuracy"))
    #expect(test.stdout.contains("confusion"))
    let safety = try Kesu.run(["kb", "test", Kesu.fixtures.appendingPathComponent("safety/safety-unseen-b.tsv").path], input: "")
    #expect(safety.status == 0 && safety.stdout.contains("criminal   found"))
  }

  @Test func kbAgreeComparesTwoLabellers() throws {
    let folder = Kesu.temporaryFolder()
    let first = folder.appendingPathComponent("a.tsv")
    let second = folder.appendingPathComponent("b.tsv")
    try "text\ttype\tsituations\temotion\n宽带断了三天\tordinary\toutage\t1\n".write(to: first, atomically: true, encoding: .utf8)
    try "text\ttype\tsituations\temotion\n宽带断了三天\tordinary\toutage\t2\n".write(to: second, atomically: true, encoding: .utf8)
    let agree = try Kesu.run(["kb", "agree", first.path, second.path], input: "")
    #expect(agree.status == 0)
    #expect(agree.stdout.contains("emotion exact       0.0%") && agree.stdout.contains("disagreements (1)"))
    try "text\ttype\tsituations\temotion\n宽带好了\tordinary\t-\t0\n".write(to: second, atomically: true, encoding: .utf8)
    let differ = try Kesu.run(["kb", "agree", first.path, second.path], input: "")
    #expect(differ.status == 64 && differ.stderr.contains("b.tsv:2: error: the text differs"))
    let missing = try Kesu.run(["kb", "agree", first.path, folder.appendingPathComponent("none.tsv").path], input: "")
    #expect(missing.status == 66)
  }

  @Test func kbTrainWritesWeightsTheNextCommandUses() throws {
    let folder = Kesu.temporaryFolder().appendingPathComponent("Knowledge")
    try FileManager.default.copyItem(at: Kesu.root.appendingPathComponent("Knowledge"), to: folder)
    let tune = Kesu.fixtures.appendingPathComponent("classifier-tune-b.tsv").path
    let train = try Kesu.run(["kb", "train", "--knowledge", folder.path, "--epochs", "20", tune], input: "")
    #expect(train.status == 0, "\(train.stderr)")
    #expect(train.stdout.contains("n-grams") && train.stdout.contains("from 170 utterances"))
    let written = try String(contentsOf: folder.appendingPathComponent("learned.tsv"), encoding: .utf8)
    #expect(written.contains("# source: 170 utterances from classifier-tune-b.tsv"))
    let classify = try Kesu.run(["classify", "--knowledge", folder.path, "--json", "这个月话费怎么多扣了五十"], input: "")
    #expect(classify.status == 0 && classify.stdout.contains("\"billing\""))

    let held = try Kesu.run(["kb", "train", "--knowledge", folder.path, Kesu.fixtures.appendingPathComponent("classifier-held.tsv").path], input: "")
    #expect(held.status == 64 && held.stderr.contains("measuring set"))
    let tiny = Kesu.temporaryFolder().appendingPathComponent("tiny.tsv")
    try "text\ttype\tsituations\temotion\n你好\tordinary\t-\t0\n".write(to: tiny, atomically: true, encoding: .utf8)
    let few = try Kesu.run(["kb", "train", "--knowledge", folder.path, tiny.path], input: "")
    #expect(few.status == 64 && few.stderr.contains("at least 20"))
    #expect(try String(contentsOf: folder.appendingPathComponent("learned.tsv"), encoding: .utf8) == written)
  }

  @Test func traditionalOutputOnRequest() throws {
    let result = try Kesu.run(["classify", "--script", "hant", "你叫什么名字?你几点下班?"], input: "")
    #expect(result.stdout.contains("跟蹤狂型") || result.stdout.contains("類型"))
  }
}
