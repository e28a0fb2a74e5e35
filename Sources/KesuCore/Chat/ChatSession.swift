import Foundation

/// The chat's logic, with no terminal in it: a line in, a reply out. A plain line is what the
/// customer said; `>` starts what the agent says; `/` starts a command. The readline shell,
/// the pseudo-terminal test and a pipe all drive this same type.
public struct ChatSession {
  public let engine: Engine
  public var conversation: Conversation
  public var style: Style
  public var columns: Int
  /// Where `/record` keeps cases; opened on first use.
  public var casesPath: String
  var store: CaseStore?
  /// The case this call is attached to (after `/record` or `/open`).
  public internal(set) var caseRecord: CaseRecord?
  public internal(set) var notes: [String] = []
  var now: () -> Date

  public init(
    engine: Engine, style: Style = .plain, columns: Int = 80, casesPath: String = CaseStore.defaultPath(),
    now: @escaping () -> Date = Date.init
  ) {
    self.engine = engine
    self.conversation = Conversation(engine: engine, state: CallState(startedAt: now()))
    self.style = style
    self.columns = columns
    self.casesPath = casesPath
    self.now = now
  }

  var knowledge: KnowledgeBase { engine.knowledge }
  var readingView: ReadingView { ReadingView(knowledge: knowledge, style: style, columns: columns) }
  var stateView: CallStateView { CallStateView(knowledge: knowledge, style: style) }

  /// The first screen: what to type.
  public var welcome: String {
    [
      style.bold("客诉助手 Kesu") + style.dim("  直接输入客户说的话,回车即得建议"),
      "  " + style.cyan(">") + "坐席的话   检查禁语、记录完成的阶段",
      "  " + style.cyan("/use N") + "     采用第N条建议      " + style.cyan("/state") + " 通话进度   " + style.cyan("/help") + " 全部命令",
      style.dim("  Ctrl-C 清空当前行 · Ctrl-D 结束并显示交接摘要"),
    ].joined(separator: "\n")
  }

  public mutating func handle(_ input: String) -> ChatReply {
    let line = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if line.isEmpty { return ChatReply("") }
    if let command = ChatCommandLine.parse(line) { return run(command) }
    if line.hasPrefix(">") || line.hasPrefix("＞") {
      let text = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { return .error("'>' 后面写坐席要说的话,例如 >非常抱歉给您添麻烦了") }
      return agentLine(text)
    }
    return customerLine(line)
  }

  mutating func customerLine(_ text: String) -> ChatReply {
    let (reading, advice) = conversation.customer(text)
    let estimate = conversation.typeEstimate
    let hant = ScriptConverter.looksTraditional(text)
    return ChatReply(readingView.render(reading, advice: advice, type: (estimate.id, estimate.confidence), hant: hant))
  }

  mutating func agentLine(_ text: String, wording: String? = nil) -> ChatReply {
    let check = wording == nil ? conversation.agent(text) : conversation.agent(text, wording: wording)
    var lines = [CheckView(knowledge: knowledge, style: style).render(check)]
    let next = conversation.advisor.advise(conversation.state)
    if !next.nextStep.isEmpty { lines.append(style.dim("下一步 ") + next.nextStep) }
    return ChatReply(lines.joined(separator: "\n"))
  }

  /// Ends the session (Ctrl-D, `/quit`): the hand-over summary.
  public func farewell() -> String {
    conversation.state.turns.isEmpty ? "再见。" : stateView.summary(conversation, notes: notes)
  }

  mutating func run(_ command: ChatCommandLine) -> ChatReply {
    let argument = command.argument
    switch command.name {
    case "/help":
      let width = ChatCommandLine.all.map { TextLayout.width(of: $0.usage) }.max() ?? 0
      return ChatReply(
        (ChatCommandLine.all.map {
          style.cyan($0.usage) + String(repeating: " ", count: width - TextLayout.width(of: $0.usage) + 2) + $0.help
        } + ["直接输入 = 客户的话;>开头 = 坐席的话"]).joined(separator: "\n"))
    case "/why": return why()
    case "/state": return ChatReply(stateView.state(conversation))
    case "/summary": return ChatReply(stateView.summary(conversation, notes: notes))
    case "/types":
      return ChatReply(
        knowledge.types.filter { $0.id != "ordinary" }.map {
          style.bold($0.name) + " " + style.dim($0.id) + "  " + $0.strategy.prefix(30) + ($0.strategy.count > 30 ? "…" : "")
        }.joined(separator: "\n"))
    case "/type":
      guard let type = knowledge.type(argument) else { return unknown("type", argument, knowledge.types.map(\.id)) }
      return ChatReply(EntryView(knowledge: knowledge, style: style).render(type))
    case "/check":
      guard !argument.isEmpty else { return .error("用法:/check 要检查的话") }
      return ChatReply(CheckView(knowledge: knowledge, style: style).render(engine.checker.check(argument)))
    case "/use":
      guard let number = Int(argument) else { return .error("用法:/use N(N 是建议的编号)") }
      guard let suggestion = conversation.lastAdvice?.suggestions[safe: number - 1] else {
        return .error("没有第\(number)条建议")
      }
      return agentLine(suggestion.text, wording: suggestion.id)
    case "/escalate":
      conversation.escalate()
      let level = conversation.escalation.level
      return ChatReply("已升级到" + (knowledge.rung(level)?.name ?? "第\(level)级"))
    case "/undo":
      guard let turn = conversation.undo() else { return .error("没有可以撤回的话") }
      return ChatReply("已撤回(\(turn.speaker == .customer ? "客户" : "坐席")):" + turn.text)
    case "/set": return set(argument)
    case "/reset":
      conversation = Conversation(engine: engine, state: CallState(startedAt: now()))
      caseRecord = nil
      notes = []
      return ChatReply("新的通话开始了。")
    case "/save": return save(argument)
    case "/load": return load(argument)
    case "/followup": return followUp(argument)
    case "/note":
      guard !argument.isEmpty else { return .error("用法:/note 备注内容") }
      notes.append(FactMasker.mask(argument).text)
      return ChatReply("已记下备注。")
    case "/record": return record()
    case "/case":
      guard let caseRecord else { return ChatReply("本通话还没有案件,用 /record 保存。") }
      return ChatReply(CaseView(knowledge: knowledge, style: style).detail(caseRecord, now: now()))
    case "/open": return openCase(argument)
    case "/quit", "/exit": return ChatReply(farewell(), quit: true)
    default:
      let hint = closestMatch(to: command.name, in: ChatCommandLine.names).map { " (did you mean '\($0)'?)" } ?? ""
      return .error("unknown command '\(command.name)'\(hint)")
    }
  }

  func unknown(_ kind: String, _ id: String, _ ids: [String]) -> ChatReply {
    if id.isEmpty { return .error("用法:/\(kind == "type" ? "type" : "set situation") ID,可选:" + ids.joined(separator: " ")) }
    let hint = closestMatch(to: id, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
    return .error("unknown \(kind) '\(id)'\(hint)")
  }

  mutating func set(_ argument: String) -> ChatReply {
    let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return .error("用法:/set type ID 或 /set situation ID") }
    switch parts[0] {
    case "type":
      guard let type = knowledge.type(parts[1]) else { return unknown("type", parts[1], knowledge.types.map(\.id)) }
      conversation.state.typeOverride = type.id
      return ChatReply("本通话按\(type.name)处理:" + type.strategy)
    case "situation":
      guard let situation = knowledge.situation(parts[1]) else {
        return unknown("situation", parts[1], knowledge.situations.map(\.id))
      }
      if !conversation.state.situationOverrides.contains(situation.id) { conversation.state.situationOverrides.append(situation.id) }
      return ChatReply("已加上情况:" + situation.name)
    default:
      return .error("unknown setting '\(parts[0])' (did you mean '\(closestMatch(to: parts[0], in: ["type", "situation"]) ?? "type")'?)")
    }
  }

  func why() -> ChatReply {
    guard let reading = conversation.state.lastReading, let advice = conversation.lastAdvice else {
      return ChatReply("还没有回答过,先输入客户说的话。")
    }
    var lines = [style.bold("依据")]
    if reading.evidence.isEmpty { lines.append("  没有规则触发:按普通客户处理") }
    for item in reading.evidence {
      lines.append("  「\(item.matched)」 \(item.rule) → \(item.target)")
    }
    let estimate = conversation.typeEstimate
    let scores = estimate.scores.filter { $0.value > 0 }.sorted { $0.value > $1.value }.prefix(3)
      .map { "\($0.key) \(String(format: "%.1f", $0.value))" }
    lines.append(style.bold("类型") + "  按通话累计(越早的话权重越低):" + (scores.isEmpty ? "无" : scores.joined(separator: ", ")))
    for pattern in estimate.patterns { lines.append("  " + pattern) }
    lines.append(style.bold("思路"))
    lines += advice.reasoning.map { "  " + $0 }
    for (index, suggestion) in advice.suggestions.enumerated() {
      lines.append("  \(index + 1). \(suggestion.id):\(suggestion.why)")
    }
    return ChatReply(lines.joined(separator: "\n"))
  }

  mutating func followUp(_ argument: String) -> ChatReply {
    let text = argument.isEmpty ? "\(knowledge.settings.followUpHours)h" : argument
    guard let deadline = FollowUpTime.parse(text, now: now()) else {
      return .error("看不懂回复时间 '\(argument)';例如 /followup 24h、/followup 明天下午3点、/followup 2026-11-25 15:00")
    }
    conversation.state.followUp = FollowUpPromise(deadline: deadline, note: "")
    return ChatReply("已约定 \(CallStateView.time(deadline)) 前回复客户。")
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
