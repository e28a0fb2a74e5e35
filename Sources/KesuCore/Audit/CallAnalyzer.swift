/// Replays one call of a transcript through a `Conversation` (the chat's own state, so the flags
/// are the live session's) and renders each turn and the audit, as JSON Lines or for a person.
public struct CallAnalyzer: Sendable {
  public enum Output: Sendable { case json, text(Style, columns: Int) }

  public let engine: Engine
  public let output: Output

  public init(engine: Engine, output: Output) {
    self.engine = engine
    self.output = output
  }

  /// The rendered lines of the call and its audit, and the conversation it built.
  public func analyze(_ call: TranscriptParser.Call) -> (lines: [String], audit: CallAudit, conversation: Conversation) {
    var conversation = Conversation(engine: engine)
    var lines: [String] = []
    let knowledge = engine.knowledge
    if case .text(let style, _) = output { lines.append(style.bold("━━ 通话 \(call.id) ━━")) }
    for turn in call.turns {
      switch turn.speaker {
      case .customer:
        let (reading, advice) = conversation.customer(turn.text, line: turn.line)
        switch output {
        case .json: lines.append(JSONWriter.turn(turn, reading: reading, advice: advice, check: nil))
        case .text(let style, let columns):
          lines.append(style.dim("\(turn.line)") + " 客户:" + reading.text)
          let view = ReadingView(knowledge: knowledge, style: style, columns: columns)
          let estimate = conversation.typeEstimate
          lines.append(indent(view.render(reading, advice: advice, type: (estimate.id, estimate.confidence))))
        }
      case .agent:
        let check = conversation.agent(turn.text, line: turn.line)
        switch output {
        case .json: lines.append(JSONWriter.turn(turn, reading: nil, advice: nil, check: check))
        case .text(let style, _):
          lines.append(style.dim("\(turn.line)") + " 坐席:" + check.text)
          if !check.violations.isEmpty || !check.stages.isEmpty {
            lines.append(indent(CheckView(knowledge: knowledge, style: style).render(check)))
          }
        }
      }
    }
    let audit = CallAudit(call: call.id, conversation: conversation)
    switch output {
    case .json: lines.append(JSONWriter.summary(audit, knowledge: knowledge))
    case .text(let style, _): lines.append(AuditView(knowledge: knowledge, style: style).render(audit))
    }
    return (lines, audit, conversation)
  }

  func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
  }
}
