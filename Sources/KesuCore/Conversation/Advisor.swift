/// Picks the next-best wording from the knowledge base for the state of a call.
///
/// The seeds' order of a good call decides which stage comes next: safety first (criminal,
/// emergency, stalker); calm and acknowledge before anything else while the customer is angry
/// (先处理情绪,后处理事情); greet and ask a calm customer who has named no problem what they
/// need; apologise early (先道歉); listen, confirm, then solve; escalate when
/// the case is beyond the agent; thank and promise a follow-up at the end. Wording that fits the
/// type, the situations and the emotion scores higher; wording already suggested in this call
/// comes last.
public struct Advisor: Sendable {
  public let knowledge: KnowledgeBase

  public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

  public func advise(_ state: CallState, ending: Bool = false) -> Advice {
    let type = TypeEstimate.estimate(state, knowledge: knowledge).id
    let situations = state.situations
    let latest = Set(state.lastReading?.situations.map(\.id) ?? [])
    let emotion = state.emotionNow
    let done = Set(state.stagesDone)
    let escalation = EscalationStatus.of(state, knowledge: knowledge)
    var reasoning: [String] = []

    let safety = situations.filter { knowledge.situation($0)?.safety ?? false }
    let calmFirst = emotion >= 2 && !state.feelingAcknowledged(atLeast: 2)
    let listenedAndConfirmed = done.contains("listen") && done.contains("confirm")
    let overNorm = escalation.reasons.contains { $0.trigger == "beyond-authority" }
    // A calm ordinary customer who has named no problem yet (您好, 在吗, a question) is greeted
    // and asked what they need: an apology for nothing would sound odd.
    let complaint = !situations.isEmpty || emotion >= 1 || type != "ordinary"
    var focus: [String]
    if calmFirst {
      focus = ["listen", "apologize"]
      reasoning.append("情绪\(emotion)级且尚未认同情绪:先处理情绪,后处理事情,暂不谈方案")
    } else if !complaint, !done.contains("solve") {
      focus = done.contains("greet") ? ["listen", "confirm"] : ["greet", "listen"]
      reasoning.append("还没有听到问题或不满:先问候,问清客户要办什么,不必道歉")
    } else if !done.contains("apologize") {
      focus = ["apologize", "listen"]
      reasoning.append("还没有道歉:先道歉(为给客户带来的不便),不必等责任厘清")
    } else if !done.contains("listen") {
      focus = ["listen", "confirm"]
      reasoning.append("还没有认真倾听、认同客户的感受")
    } else if !done.contains("confirm") {
      focus = ["confirm", "record"]
      reasoning.append("还没有复述确认客户的问题")
    } else if escalation.level > 0, !done.contains("escalate") {
      focus = ["escalate", "solve"]
      reasoning.append("需要升级:" + escalation.reasons.map(\.reason).joined(separator: "、"))
    } else if !done.contains("solve") {
      focus = ["solve", "record"]
      reasoning.append("已倾听并确认,可以提出具体解决方案")
    } else if !done.contains("thank") {
      focus = ["thank", "follow-up"]
      reasoning.append("方案已提出,以感谢结束")
    } else {
      focus = ["follow-up", "thank"]
      reasoning.append("约定回访时间(首问负责制)")
    }
    if !safety.isEmpty { reasoning.insert("安全优先:" + safety.joined(separator: ", "), at: 0) }
    if overNorm { reasoning.append("赔偿要求远超常规:控制预期,坚持最终处理原则,可升级但不许诺") }

    // Scored by index: sorting and keeping whole wordings would copy them for every candidate.
    var scored: [(score: Int, index: Int)] = []
    let situationSet = Set(situations)
    let safetySet = Set(safety)
    let suggested = Set(state.suggested)
    let wordings = knowledge.wording
    for index in wordings.indices {
      let wording = wordings[index]
      guard (wording.emotionMin...wording.emotionMax).contains(emotion) else { continue }
      guard wording.types.isEmpty || wording.types.contains(type) else { continue }
      guard wording.situations.isEmpty || wording.situations.contains(where: situationSet.contains) else { continue }
      if calmFirst, wording.stage == "solve" { continue }
      if wording.situations.contains("compensation"), wording.stage == "solve", !listenedAndConfirmed { continue }
      var score = 0
      if let rank = focus.firstIndex(of: wording.stage) { score += 10 - 4 * rank }
      let situationMatch = !wording.situations.isEmpty
      if situationMatch { score += 4 + (wording.situations.contains(where: latest.contains) ? 2 : 0) }
      if !wording.types.isEmpty, type != "ordinary" { score += 3 }
      if wording.situations.contains(where: safetySet.contains) || (type == "stalker" && wording.types.contains("stalker")) {
        score += 20
      }
      if overNorm, wording.principle == "final-handling" { score += 6 }
      if done.contains(wording.stage), !focus.contains(wording.stage) { score -= 8 }
      // Already suggested in this call: still eligible, but after everything else that fits.
      if score > 0 { scored.append((suggested.contains(wording.id) ? score - 100 : score, index)) }
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : wordings[$0.index].id < wordings[$1.index].id }
    var picked: [Wording] = []
    for (_, index) in scored where picked.count < 3 {
      if picked.contains(where: { $0.text == wordings[index].text }) { continue }
      picked.append(wordings[index])
    }

    return Advice(
      suggestions: picked.map {
        .init(id: $0.id, text: knowledge.fill($0.text), stage: $0.stage, why: why($0))
      },
      avoid: avoidList(type: type, situations: situations),
      nextStep: nextStep(type: type, focus: focus, safety: safety, escalation: escalation, calmFirst: calmFirst),
      focus: focus, reminders: reminders(state, done: done, ending: ending), reasoning: reasoning)
  }

  private func why(_ wording: Wording) -> String {
    guard let principle = wording.principle.flatMap(knowledge.principle) else { return wording.why }
    return wording.why.isEmpty ? principle.name : "\(wording.why)(\(principle.name))"
  }

  private func avoidList(type: String, situations: [String]) -> [Advice.Avoid] {
    var ids: [String] = knowledge.type(type)?.avoid ?? []
    for id in situations { ids += knowledge.situation(id)?.avoid ?? [] }
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }.prefix(3).compactMap { id in
      knowledge.family(id).map { .init(family: $0.id, name: $0.name, instead: knowledge.fill($0.instead)) }
    }
  }

  private func nextStep(type: String, focus: [String], safety: [String], escalation: EscalationStatus, calmFirst: Bool)
    -> String
  {
    if let first = safety.first, let situation = knowledge.situation(first) {
      return situation.principle.flatMap(knowledge.principle)?.name ?? situation.name
    }
    // A type whose treatment leads (跟踪狂型: protect yourself) says so before the usual order.
    if let principle = knowledge.type(type)?.principle.flatMap(knowledge.principle), focus.first != "escalate" {
      return principle.name
    }
    if calmFirst, let principle = knowledge.principle("emotion-first") { return principle.name }
    if focus.first == "escalate", let rung = knowledge.rung(max(1, escalation.level)) { return "升级到" + rung.name }
    return focus.first.flatMap(knowledge.stage)?.name ?? ""
  }

  private func reminders(_ state: CallState, done: Set<String>, ending: Bool) -> [String] {
    guard ending || done.contains("solve") else { return [] }
    var reminders: [String] = []
    if !done.contains("thank") { reminders.append("结束前向客户致谢") }
    if !done.contains("follow-up") {
      reminders.append("约定回访时间:\(knowledge.settings.followUpHours)小时内答复(首问负责制)")
    }
    return reminders
  }
}
