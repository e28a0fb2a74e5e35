import Foundation
import Testing

@Suite struct CoachCLITests {
  @Test func listsAndPlaysEveryScenarioAutomatically() throws {
    let list = try Kesu.run(["coach"], input: "")
    #expect(list.status == 0)
    let ids = list.stdoutLines.dropLast().compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(ids.count >= 8)
    for id in ids {
      let play = try Kesu.run(["coach", id, "--auto"], input: "")
      #expect(play.status == 0, "\(id): \(play.stderr)")
      #expect(play.stdout.contains("推荐"))
      #expect(play.stdout.contains("好的坐席走过的阶段"))
    }
    let first = try #require(ids.first)
    let handout = try Kesu.run(["coach", first, "--markdown"], input: "")
    #expect(handout.stdout.hasPrefix("# 案例"))
  }

  @Test func practiceThroughAPipe() throws {
    let good = try Kesu.run(
      ["coach", "sales-attitude", "--practice"],
      input: "非常抱歉给您带来不好的体验,我理解您的心情\n这不归我管\n\n\n\n\n")
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stdout.contains("练习结束"))
    #expect(good.stdout.contains("禁语"))
    #expect(good.stdout.contains("范例"))
  }

  @Test func quizThroughAPipeIsRepeatable() throws {
    let first = try Kesu.run(["quiz", "--count", "5", "--seed", "7"], input: "O\nX\nA\nO\nB\n")
    let second = try Kesu.run(["quiz", "--count", "5", "--seed", "7"], input: "O\nX\nA\nO\nB\n")
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.contains("得分"))
    #expect(try Kesu.run(["quiz", "--count", "0"], input: "").status == 64)
  }

  @Test func replayARealTranscript() throws {
    let folder = Kesu.temporaryFolder()
    let file = folder.appendingPathComponent("call.txt")
    try "客户:你们的网断了三天了!气死我了\n坐席:这不归我管\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try Kesu.run(["coach", "--from", file.path], input: "")
    #expect(result.status == 0)
    #expect(result.stdout.contains("复盘"))
    #expect(result.stdout.contains("审核"))
  }
}
