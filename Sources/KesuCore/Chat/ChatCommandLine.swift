/// A slash command as typed in the chat: its name, the rest of the line, and the known names
/// for completion and "did you mean".
public struct ChatCommandLine: Sendable, Equatable {
  public var name: String
  public var argument: String

  /// Every command, with a one-line description for `/help`.
  public static let all: [(name: String, usage: String, help: String)] = [
    ("/help", "/help", "这份帮助"),
    ("/why", "/why", "上一个回答用了哪些规则"),
    ("/state", "/state", "通话进度:已做/未做的阶段、诉求、情绪曲线、升级"),
    ("/types", "/types", "十一种客诉类型及对策"),
    ("/type", "/type ID", "某一类型的特征和对策"),
    ("/check", "/check 话术", "只检查一句话有没有禁语,不记入通话"),
    ("/use", "/use N", "采用第N条建议(记为坐席说的话)"),
    ("/escalate", "/escalate", "升级一级"),
    ("/undo", "/undo", "撤回上一句"),
    ("/set", "/set type ID | /set situation ID", "人工指定类型或情况,本通话内有效"),
    ("/followup", "/followup 24h | 明天下午3点", "约定回复时间(默认48小时)"),
    ("/note", "/note 备注", "给案件加备注"),
    ("/record", "/record", "把本通话存为案件(或更新已打开的案件)"),
    ("/case", "/case", "本通话对应的案件"),
    ("/open", "/open ID", "打开已有案件继续处理"),
    ("/summary", "/summary", "交接摘要"),
    ("/save", "/save 文件", "把通话状态存为JSON"),
    ("/load", "/load 文件", "从JSON恢复通话状态"),
    ("/reset", "/reset", "开始新的通话"),
    ("/quit", "/quit", "结束(并显示摘要)"),
  ]

  public static var names: [String] { all.map(\.name) }

  /// Nil when the line is not a command (does not start with `/`).
  public static func parse(_ line: String) -> ChatCommandLine? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("/"), trimmed.count > 1 else { return nil }
    let parts = trimmed.split(separator: " ", maxSplits: 1)
    return ChatCommandLine(
      name: String(parts[0]).lowercased(), argument: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
  }

  /// Names that complete `prefix` (for tab completion).
  public static func completions(of prefix: String) -> [String] { names.filter { $0.hasPrefix(prefix) } }
}
