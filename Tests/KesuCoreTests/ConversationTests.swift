import Foundation
import Testing

@testable import KesuCore

@Suite struct ConversationTests {
  let engine = TestSupport.engine

  func wordings(_ advice: Advice) -> [Wording] {
    advice.suggestions.compactMap { s in engine.knowledge.wording.first { $0.id == s.id } }
  }

  @Test func angryCustomerIsCalmedBeforeAnySolution() {
    var call = Conversation(engine: engine)
    let (reading, advice) = call.customer("你们的宽带断了三天了!气死我了!!!")
    #expect(reading.emotion.level >= 2)
    #expect(advice.focus.first == "listen")
    #expect(!wordings(advice).contains { $0.stage == "solve" })
    #expect(advice.nextStep == engine.knowledge.principle("emotion-first")?.name)

    let check = call.agent("真的非常抱歉,我理解您的心情,断网三天换作是我也会着急。")
    #expect(check.stages.contains("apologize") && check.stages.contains("listen"))
    let next = call.advise()
    #expect(next.focus.first == "confirm")

    call.agent("我跟您确认一下,您家的宽带从周一开始一直上不了网,对吗?")
    #expect(call.state.stagesDone.contains("confirm"))
    #expect(call.advise().focus.first == "solve")
  }

  /// A calm customer who has named no problem is greeted and asked what they need, not
  /// apologised to; once a problem is named, the apology comes first.
  @Test func aGreetingIsAnsweredWithAGreeting() {
    var call = Conversation(engine: engine)
    let (_, advice) = call.customer("你好,在吗")
    #expect(advice.focus.first == "greet")
    #expect(wordings(advice).first?.stage == "greet")
    #expect(!wordings(advice).contains { $0.stage == "apologize" })
    call.agent("您好,请问有什么可以帮您?")
    #expect(call.advise().focus.first == "listen")
    let (_, problem) = call.customer("我的快递三天了还没到")
    #expect(problem.focus.first == "apologize")
  }

  @Test func anApologyComesEarly() {
    var call = Conversation(engine: engine)
    let (_, advice) = call.customer("我的快递三天了还没到")
    #expect(advice.focus.first == "apologize")
    #expect(wordings(advice).first?.stage == "apologize")
  }

  @Test func compensationFarAboveTheNormIsEscalatedNotPromised() {
    var call = Conversation(engine: engine)
    call.customer("停电害我冰箱里的东西全坏了,你们必须赔我五千块!")
    call.agent("非常抱歉给您造成了损失,我理解您的心情。")
    call.agent("我跟您确认一下,是昨晚停电导致冰箱里的食物坏了,对吗?")
    let status = call.escalation
    #expect(status.level >= 1)
    #expect(status.reasons.contains { $0.trigger == "beyond-authority" })
    let advice = call.advise()
    #expect(advice.focus.first == "escalate")
    #expect(advice.reasoning.contains { $0.contains("控制预期") })
    for wording in wordings(advice) { #expect(!wording.text.contains("5000") && !wording.text.contains("五千")) }
  }

  /// The reasons read as escalation.yaml words them, and a supervisor asked for twice (as a
  /// situation and as a demand) is one reason.
  @Test func escalationReasonsAreWordedOnce() {
    var call = Conversation(engine: engine)
    call.customer("这事我已经投诉过三次了,还没解决,再不处理我就去12315,叫你们经理来!")
    let reasons = call.escalation.reasons
    let known = Dictionary(uniqueKeysWithValues: engine.knowledge.triggers.map { ($0.id, $0.reason) })
    #expect(reasons.map(\.trigger).filter { $0 == "supervisor-request" }.count == 1, "\(reasons)")
    #expect(reasons.contains { $0.trigger == "external-threat" })
    for reason in reasons { #expect(reason.reason == known[reason.trigger], "\(reason)") }
  }

  @Test func criminalPutsSafetyFirst() {
    var call = Conversation(engine: engine)
    let (reading, advice) = call.customer("不赔钱我就找人砸了你们营业厅")
    #expect(reading.situations.contains { $0.id == "criminal" })
    #expect(wordings(advice).contains { $0.situations.contains("criminal") })
    #expect(advice.nextStep == engine.knowledge.principle("protect-yourself")?.name)
    #expect(call.escalation.level == 3)
  }

  @Test func stalkerGetsAFirmBoundary() {
    var call = Conversation(engine: engine)
    let (reading, advice) = call.customer("你叫什么名字?你几点下班?我在门口等你")
    #expect(reading.type.id == "stalker")
    #expect(wordings(advice).contains { $0.types.contains("stalker") })
  }

  @Test func theSameDemandAgainAndAgainIsPersistent() {
    var call = Conversation(engine: engine)
    call.customer("我要退款")
    call.agent("好的,我来帮您看一下。")
    call.customer("我就是要退款")
    call.customer("别的我不管,赶紧把钱退给我")
    #expect(call.typeEstimate.id == "persistent")
    #expect(call.typeEstimate.patterns.contains { $0.hasPrefix("persistent") })
  }

  @Test func changingDemandsAreIllogical() {
    var call = Conversation(engine: engine)
    call.customer("我要退款")
    call.customer("算了不退了,你们给我派人来修")
    call.customer("修什么修,赔我五百块")
    call.customer("五百不够,赔两千")
    #expect(call.typeEstimate.id == "illogical")
  }

  @Test func noWordingIsSuggestedTwiceWhileAnotherFits() {
    var call = Conversation(engine: engine)
    let first = call.customer("我家网又断了").advice
    let second = call.customer("还是上不了网").advice
    #expect(Set(first.suggestions.map(\.id)).isDisjoint(with: second.suggestions.map(\.id)))
  }

  @Test func theEndOfTheCallRemindsThanksAndFollowUp() {
    var call = Conversation(engine: engine)
    call.customer("我家网又断了")
    call.agent("非常抱歉,给您添麻烦了。我马上为您安排师傅上门维修。")
    let advice = call.advise(ending: true)
    #expect(advice.reminders.contains { $0.contains("致谢") })
    #expect(advice.reminders.contains { $0.contains("48") })
    call.agent("感谢您的耐心,我们会在48小时内给您回电。")
    #expect(call.advise(ending: true).reminders.isEmpty)
  }

  @Test func theAgentsOverrideHolds() {
    var call = Conversation(engine: engine)
    call.state.typeOverride = "know-it-all"
    call.customer("我家网又断了")
    #expect(call.typeEstimate.id == "know-it-all")
    let advice = call.advise()
    let typeAvoid = engine.knowledge.type("know-it-all")?.avoid ?? []
    #expect(Array(advice.avoid.map(\.family).prefix(typeAvoid.count)) == Array(typeAvoid.prefix(3)))
  }

  @Test func followUpDefaultsToFortyEightHours() {
    var call = Conversation(engine: engine)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    call.promiseFollowUp(now: now)
    #expect(call.state.followUp?.deadline == now.addingTimeInterval(48 * 3600))
    #expect(call.state.stagesDone.contains("follow-up"))
  }

  @Test func factsAreMaskedInTheState() {
    var call = Conversation(engine: engine)
    call.customer("我的手机号是13812345678,赶紧给我开机")
    #expect(call.state.turns[0].text.contains("138****5678"))
    #expect(!call.state.turns[0].text.contains("13812345678"))
    #expect(call.state.facts.first?.value == "138****5678")
  }

  @Test func theStateSurvivesJSON() throws {
    var call = Conversation(engine: engine)
    call.customer("你们必须赔偿我的损失,要赔五百")
    call.agent("非常抱歉,这是我们公司的规定")
    call.state.typeOverride = "emotional"
    call.state.situationOverrides = ["delay"]
    call.promiseFollowUp(now: Date(timeIntervalSince1970: 1_800_000_000))
    let data = try CallStateFile.encode(call.state)
    let back = try CallStateFile.decode(data)
    #expect(try CallStateFile.encode(back) == data)
    #expect(back.turns.count == 2)
    #expect(back.violations.count == call.state.violations.count)
    #expect(back.demands == call.state.demands)
    #expect(back.followUp == call.state.followUp)
  }

  @Test func perTurnCostStaysSmallLateInACall() {
    // Not a timing test: a 200-turn call keeps working and advising.
    var call = Conversation(engine: engine)
    for index in 0..<100 {
      call.customer("第\(index)次说:网还是断的,太慢了")
      call.agent("非常抱歉,我马上为您处理。")
    }
    #expect(call.state.turns.count == 200)
    #expect(!call.advise().suggestions.isEmpty)
  }
}
