import Testing

@testable import KesuCore

@Suite struct CoachTests {
  let engine = TestSupport.engine

  @Test func everyScenarioPlaysAndItsGoodRepliesAreClean() {
    for scenario in engine.knowledge.scenarios {
      let replay = ScenarioReplay(scenario: scenario, engine: engine)
      #expect(replay.steps.count == scenario.turns.count)
      for step in replay.steps { #expect(step.goodCheck.violations.isEmpty, "\(scenario.id) turn \(step.number)") }
      #expect(replay.stagesDone.count >= 2, "\(scenario.id): the good agent goes through the call's stages")
      let markdown = ScenarioView(knowledge: engine.knowledge).markdown(replay)
      #expect(markdown.hasPrefix("# 案例:"))
    }
  }

  @Test func practiceJudgesRepliesAndScores() throws {
    let scenario = try #require(engine.knowledge.scenarios.first)
    var model = PracticeSession(scenario: scenario, engine: engine)
    for turn in scenario.turns { _ = model.answer(turn.good) }
    #expect(model.finished)

    var poor = PracticeSession(scenario: scenario, engine: engine)
    let feedback = poor.answer("这是我们公司的规定,我也没办法")
    #expect(feedback.contains("禁语"))
    #expect(feedback.contains("范例"))
    while !poor.finished { _ = poor.answer("这不归我管") }
    #expect(poor.score < model.score)
    #expect(poor.report.contains("练习结束"))
  }

  @Test func solvingBeforeCalmingIsASkippedStep() {
    var call = Conversation(engine: engine)
    call.customer("你们的宽带断了三天了!气死我了!!!")
    let verdict = ReplyJudge(engine: engine).judge("我马上为您安排师傅上门维修", state: call.state)
    #expect(!verdict.skipped.isEmpty)
    #expect(verdict.score < 100)
  }

  @Test func quizIsRepeatableAndScored() {
    let a = Quiz(engine: engine, count: 8, seed: 42)
    let b = Quiz(engine: engine, count: 8, seed: 42)
    #expect(a.items == b.items)
    #expect(a.items.count == 8)
    var session = QuizSession(quiz: a)
    #expect(session.answer("maybe").contains("请回答"))
    for item in a.items {
      let answer = item.isTrueFalse ? (item.answer == 1 ? "O" : "X") : String(Character(Unicode.Scalar(65 + item.answer)!))
      _ = session.answer(answer)
    }
    #expect(session.score == 100)
    var wrong = QuizSession(quiz: a)
    for item in a.items { _ = wrong.answer(item.isTrueFalse ? (item.answer == 1 ? "X" : "O") : (item.answer == 0 ? "B" : "A")) }
    #expect(wrong.score == 0)
    #expect(wrong.missed.count == 8)
  }

  @Test func theSeedQuizKeepsTheSeedsAnswers() {
    let seeded = engine.knowledge.quiz.filter { $0.source.hasPrefix("000") }
    #expect(seeded.count >= 5)
  }
}
