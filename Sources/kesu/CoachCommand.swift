import ArgumentParser
import Foundation
import KesuCore

struct CoachCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coach",
    abstract: "Scenarios for training: list them, play one turn by turn, practise, or replay a real call.",
    discussion: "Without ID, lists the scenarios. On a terminal, Enter goes on and q stops.")

  @OptionGroup var global: GlobalOptions
  @Flag(name: .long, help: "Play without pausing (for a projector or a file).") var auto = false
  @Flag(name: .long, help: "Write a printable Markdown handout.") var markdown = false
  @Flag(name: .long, help: "Practise: type your own reply at each customer turn.") var practice = false
  @Option(name: .long, help: "Turn a transcript into an annotated replay.") var from: String?
  @Argument(help: "The scenario to play.") var id: String?

  func run() throws {
    let engine = try global.loadEngine()
    let knowledge = engine.knowledge
    let style = Terminal.style
    if let from { return try replayTranscript(from, engine: engine) }
    guard let id else {
      for scenario in knowledge.scenarios {
        let type = knowledge.type(scenario.type)?.name ?? scenario.type
        let situations = scenario.situations.map { knowledge.situation($0)?.name ?? $0 }.joined(separator: "、")
        print(global.display("\(style.bold(scenario.id))  \(scenario.title) · \(type) · \(situations) · \(scenario.turns.count)轮"))
      }
      print(global.display(style.dim("kesu coach ID 演示 · --practice 练习 · --markdown 讲义")))
      return
    }
    guard let scenario = knowledge.scenario(id) else {
      let hint = closestMatch(to: id, in: knowledge.scenarios.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
      Terminal.error("kesu: no scenario '\(id)'\(hint); 'kesu coach' lists them")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    if practice { return runPractice(scenario, engine: engine) }
    let replay = ScenarioReplay(scenario: scenario, engine: engine)
    let view = ScenarioView(knowledge: knowledge, style: markdown ? .plain : style)
    if markdown {
      print(global.display(view.markdown(replay)))
      return
    }
    let pause = !auto && Terminal.stdinIsTTY
    let answers = pause ? AnswerSource() : nil
    defer { answers?.finish() }
    print(global.display(view.header(replay)))
    for step in replay.steps {
      print("")
      print(global.display(view.step(step, of: replay.steps.count)))
      if let answers, step.number < replay.steps.count {
        guard let input = answers.read(prompt: "回车继续,q 退出 › "), input.trimmingCharacters(in: .whitespaces).lowercased() != "q"
        else { return }
      }
    }
    print("")
    print(global.display(view.ending(replay)))
  }

  func runPractice(_ scenario: Scenario, engine: Engine) {
    var session = PracticeSession(scenario: scenario, engine: engine, style: Terminal.style)
    let answers = AnswerSource()
    defer { answers.finish() }
    print(global.display(session.introduction))
    while !session.finished {
      print("")
      print(global.display(session.prompt))
      guard let reply = answers.read(prompt: "你的回答 › ") else { break }
      if reply.trimmingCharacters(in: .whitespaces).lowercased() == "q" { break }
      if !answers.interactive { print("你的回答 › " + reply) }
      print(global.display(session.answer(reply)))
    }
    print("")
    print(global.display(session.report))
  }

  /// A real call, annotated: Kesu's reading and suggestions at each customer turn, the agent's
  /// actual reply judged like a trainee's.
  func replayTranscript(_ path: String, engine: Engine) throws {
    let contents = try readWholeFile(path)
    var parser = TranscriptParser(source: path)
    var calls: [TranscriptParser.Call] = []
    for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      calls += parser.feed(String(line), line: index + 1)
    }
    calls += parser.finish()
    for warning in parser.warnings { Terminal.error("kesu: " + warning) }
    guard !calls.isEmpty else {
      Terminal.error("kesu: \(path): no turns found")
      throw ExitCode(ExitStatus.emptyInput.rawValue)
    }
    let style = Terminal.style
    let judge = ReplyJudge(engine: engine)
    let view = ReadingView(knowledge: engine.knowledge, style: style, columns: Terminal.columns)
    for call in calls {
      var conversation = Conversation(engine: engine)
      print(global.display(style.bold("━━ 复盘 \(call.id) ━━")))
      for turn in call.turns {
        if turn.speaker == .customer {
          let (reading, advice) = conversation.customer(turn.text, line: turn.line)
          print(global.display("\(turn.line) 客户:\(turn.text)"))
          print(global.display(view.render(reading, advice: advice, evidence: true)))
        } else {
          let verdict = judge.judge(turn.text, state: conversation.state)
          conversation.agent(turn.text, line: turn.line)
          print(global.display("\(turn.line) 坐席:\(turn.text)"))
          print(global.display("  " + (verdict.score >= 80 ? style.green("✓") : style.red("✗")) + " \(verdict.score) " + verdict.reasons.joined(separator: ";")))
        }
      }
      print(global.display(AuditView(knowledge: engine.knowledge, style: style).render(CallAudit(call: call.id, conversation: conversation))))
    }
  }
}
