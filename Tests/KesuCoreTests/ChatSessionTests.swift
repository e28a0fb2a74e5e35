import Foundation
import Testing

@testable import KesuCore

@Suite struct ChatSessionTests {
  func session() -> ChatSession {
    ChatSession(engine: TestSupport.engine, casesPath: TestSupport.temporaryFolder().appendingPathComponent("kesu.sqlite").path)
  }

  @Test func aCustomerLineGetsTypeAndSuggestions() {
    var chat = session()
    let reply = chat.handle("你们的宽带断了三天了!气死我了!!!")
    #expect(reply.text.contains("类型"))
    #expect(reply.text.contains("1. "))
    #expect(reply.text.contains("下一步"))
    for line in reply.text.split(separator: "\n") { #expect(TextLayout.width(of: String(line)) <= 80, "\(line)") }
  }

  @Test func anAgentLineIsChecked() {
    var chat = session()
    _ = chat.handle("我家网断了")
    let reply = chat.handle(">这是我们公司的规定")
    #expect(reply.text.contains("搬出规定") || reply.text.contains("规定"))
    #expect(reply.text.contains("改说"))
    #expect(chat.conversation.state.agentTurns.count == 1)
  }

  @Test func unknownCommandSuggestsTheClosest() {
    var chat = session()
    let reply = chat.handle("/stat")
    #expect(reply.kind == .error)
    #expect(reply.text == "unknown command '/stat' (did you mean '/state'?)")
  }

  @Test func useUndoAndState() {
    var chat = session()
    _ = chat.handle("我家网断了")
    let first = chat.conversation.lastAdvice?.suggestions.first
    _ = chat.handle("/use 1")
    #expect(chat.conversation.state.turns.last?.wording == first?.id)
    #expect(chat.handle("/use 9").kind == .error)
    _ = chat.handle("/undo")
    #expect(chat.conversation.state.turns.count == 1)
    let state = chat.handle("/state").text
    #expect(state.contains("未完成"))
  }

  @Test func overridesHoldForTheCall() {
    var chat = session()
    _ = chat.handle("/set type stalker")
    _ = chat.handle("我家网断了")
    #expect(chat.conversation.typeEstimate.id == "stalker")
    #expect(chat.handle("/set type stalkr").text.contains("did you mean 'stalker'"))
    _ = chat.handle("/set situation emergency")
    #expect(chat.conversation.state.situations.contains("emergency"))
  }

  @Test func saveAndLoadRoundTrip() throws {
    var chat = session()
    _ = chat.handle("我的手机13812345678停机了,赶紧给我开机")
    _ = chat.handle(">非常抱歉给您添麻烦了")
    let file = TestSupport.temporaryFolder().appendingPathComponent("call.json").path
    #expect(chat.handle("/save \(file)").kind == .normal)
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    #expect(!saved.contains("13812345678"))
    var other = session()
    #expect(other.handle("/load \(file)").kind == .normal)
    #expect(other.conversation.state.turns.count == 2)
    #expect(other.handle("/load /nonexistent.json").kind == .error)
  }

  @Test func recordFollowUpAndReopenACase() throws {
    var chat = session()
    _ = chat.handle("我的手机13812345678停机了,要赔五百")
    #expect(chat.handle("/followup 明天下午3点").kind == .normal)
    _ = chat.handle("/note 客户希望短信通知")
    #expect(chat.handle("/record").text.hasPrefix("已建案件 #1"))
    #expect(chat.handle("/record").text.hasPrefix("已更新案件 #1"))
    #expect(chat.handle("/case").text.contains("138****5678"))
    _ = chat.handle("/reset")
    let reopened = chat.handle("/open 1")
    #expect(reopened.text.contains("客户希望短信通知"))
    #expect(chat.conversation.state.turns.count == 1)
  }

  @Test func quitEndsWithTheSummary() {
    var chat = session()
    _ = chat.handle("我家网断了")
    let reply = chat.handle("/quit")
    #expect(reply.quit)
    #expect(reply.text.contains("交接摘要"))
  }
}
