import Foundation
import Testing

@testable import KesuCore

@Suite struct TranscriptTests {
  func parse(_ text: String, format: TranscriptFormat? = nil) -> (calls: [TranscriptParser.Call], warnings: [String]) {
    var parser = TranscriptParser(source: "t", format: format)
    var calls: [TranscriptParser.Call] = []
    for (index, line) in text.components(separatedBy: "\n").enumerated() { calls += parser.feed(line, line: index + 1) }
    calls += parser.finish()
    return (calls, parser.warnings)
  }

  @Test func speakerLinesWithTimestampsContinuationsAndCalls() {
    let text = """
      [00:00:01] 客户:你们的网又断了
      已经三天了
      00:00:09 坐席：非常抱歉
      Caller: still broken
      ---
      Agent: hello
      """
    let (calls, warnings) = parse(text)
    #expect(warnings.isEmpty)
    #expect(calls.count == 2)
    #expect(calls[0].turns.map(\.speaker) == [.customer, .agent, .customer])
    #expect(calls[0].turns[0].text == "你们的网又断了已经三天了")
    #expect(calls[0].turns[0].line == 1)
    #expect(calls[0].turns[1].text == "非常抱歉")
    #expect(calls[1].turns.map(\.speaker) == [.agent])
    #expect(calls[1].turns[0].line == 6)
  }

  @Test func unknownSpeakerIsReportedOnceAsTheCustomer() {
    let (calls, warnings) = parse("张三:我要投诉\n坐席:您请说\n张三:网断了")
    #expect(warnings == ["t:1: unknown speaker '张三'; treated as the customer"])
    #expect(calls[0].turns.map(\.speaker) == [.customer, .agent, .customer])
  }

  @Test func jsonLinesSplitCallsByTheirId() {
    let text = """
      {"speaker": "customer", "text": "网断了", "call": "a", "extra": 1}
      {"speaker": "agent", "text": "抱歉", "call": "a"}
      not json
      {"speaker": "customer", "text": "账单不对", "call": "b"}
      """
    let (calls, warnings) = parse(text)
    #expect(calls.map(\.id) == ["a", "b"])
    #expect(calls[0].turns.count == 2)
    #expect(warnings.count == 1 && warnings[0].hasPrefix("t:3:"))
  }

  @Test func webVTTVoiceSpans() {
    let text = """
      WEBVTT

      1
      00:00:01.000 --> 00:00:03.000
      <v Customer>我的宽带断了</v>

      2
      00:00:03.500 --> 00:00:05.000
      <v Agent>非常抱歉给您添麻烦了
      """
    let (calls, _) = parse(text)
    #expect(calls.count == 1)
    #expect(calls[0].turns.map(\.speaker) == [.customer, .agent])
    #expect(calls[0].turns[0].text == "我的宽带断了")
    #expect(calls[0].turns[0].line == 5)
  }

  @Test func replayingATranscriptGivesTheChatsFlags() {
    let engine = TestSupport.engine
    let text = """
      客户:你们的宽带断了三天了!气死我了!!!
      坐席:这是我们公司的规定
      客户:我要找你们领导,要赔五千块
      坐席:非常抱歉,我理解您的心情
      """
    let call = parse(text).calls[0]
    let analyzed = CallAnalyzer(engine: engine, output: .json).analyze(call).conversation
    var chat = ChatSession(engine: engine, casesPath: "/nonexistent/kesu.sqlite")
    for turn in call.turns { _ = chat.handle(turn.speaker == .agent ? ">" + turn.text : turn.text) }
    let live = chat.conversation
    #expect(analyzed.state.violations.map(\.violation) == live.state.violations.map(\.violation))
    #expect(analyzed.state.stagesDone == live.state.stagesDone)
    #expect(analyzed.state.situations == live.state.situations)
    #expect(analyzed.typeEstimate == live.typeEstimate)
    #expect(analyzed.escalation == live.escalation)
  }

  @Test func theAuditScoreAddsUpFromItsParts() {
    let engine = TestSupport.engine
    let good = parse("""
      坐席:您好,请问有什么可以帮您?
      客户:我家宽带断了
      坐席:非常抱歉给您添麻烦了,我理解您的心情
      坐席:我跟您确认一下,是您家宽带从昨天起上不了网,对吗?
      客户:对
      坐席:我马上为您安排师傅今天下午上门维修
      坐席:感谢您的耐心,我们会在48小时内给您回电确认
      """).calls[0]
    let audit = CallAnalyzer(engine: engine, output: .json).analyze(good).audit
    #expect(audit.score == audit.parts.reduce(0) { $0 + $1.points })
    #expect(audit.parts.reduce(0) { $0 + $1.max } == 100)
    #expect(audit.score == 100, "\(audit.parts)")
    let poor = parse("客户:我家宽带断了\n坐席:这不归我管,你去找别的部门").calls[0]
    let poorAudit = CallAnalyzer(engine: engine, output: .json).analyze(poor).audit
    #expect(poorAudit.violations.count >= 2)
    #expect(poorAudit.violations.allSatisfy { $0.line == 2 })
    #expect(poorAudit.score < 40)
  }
}
