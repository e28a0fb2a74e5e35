import Foundation
import Testing

/// The chat through a real pseudo-terminal, with `LANG` unset as in a bare container.
@Suite(.serialized) struct ChatTerminalTests {
  func environment() -> [String: String] {
    var environment = Kesu.environment()
    for key in ["LANG", "LC_ALL", "LC_CTYPE"] { environment.removeValue(forKey: key) }
    return environment
  }

  @Test func aCallFromFirstLineToSummary() throws {
    let terminal = try PseudoTerminal(arguments: ["chat"], environment: environment())
    #expect(terminal.waitFor("直接输入客户说的话"), "\(terminal.output)")
    #expect(terminal.waitFor("› "))

    var mark = terminal.output.count
    terminal.send("你叫什么名字?你几点下班?\r")
    #expect(terminal.waitFor("跟踪狂型", after: mark), "\(terminal.output)")
    #expect(terminal.waitFor("1. ", after: mark))

    mark = terminal.output.count
    terminal.send(">这是我们公司的规定\r")
    #expect(terminal.waitFor("改说", after: mark), "\(terminal.output)")

    // Chinese editing: type two characters, erase one with Backspace, finish the word.
    mark = terminal.output.count
    terminal.send("/chec\t")
    #expect(terminal.waitFor("/check", after: mark))
    terminal.send(" 不知道道\u{7F}\r")
    #expect(terminal.waitFor("禁语", after: mark), "\(terminal.output)")
    #expect(terminal.output.dropFirst(mark).contains("不知道"))

    // Ctrl-C on a half-typed line keeps the session.
    mark = terminal.output.count
    terminal.send("半句话")
    terminal.send("\u{03}")
    #expect(terminal.waitFor("^C", after: mark), "\(terminal.output.dropFirst(mark))")
    terminal.send("/undo\r")
    #expect(terminal.waitFor("已撤回", after: mark), "\(terminal.output)")
    #expect(!terminal.output.dropFirst(mark).contains("半句话/undo"))

    mark = terminal.output.count
    terminal.send("/state\r")
    #expect(terminal.waitFor("通话进度", after: mark))

    mark = terminal.output.count
    terminal.send("\u{04}")
    #expect(terminal.waitFor("交接摘要", after: mark), "\(terminal.output)")
    #expect(terminal.waitForExit() == 0)
    #expect(!terminal.output.contains("\u{1B}[200~"))
  }

  @Test func practiceWithChineseInput() throws {
    let terminal = try PseudoTerminal(arguments: ["coach", "--practice", "sales-attitude"], environment: environment())
    #expect(terminal.waitFor("你的回答"), "\(terminal.output)")
    var mark = terminal.output.count
    terminal.send("非常抱歉给您带来不好的体验,我理解您的心情\r")
    #expect(terminal.waitFor("本轮", after: mark), "\(terminal.output)")
    mark = terminal.output.count
    terminal.send("q\r")
    #expect(terminal.waitFor("练习结束", after: mark), "\(terminal.output)")
    #expect(terminal.waitForExit() == 0)
  }
}
