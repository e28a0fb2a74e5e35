/// Advice for one utterance judged on its own (`kesu classify`), remembered by what decides it —
/// type, situations, emotion level, a supervisor or an over-the-norm compensation demand — so a
/// stream of a million lines does not run the advisor a million times.
public final class UtteranceAdvice {
  let advisor: Advisor
  private var cache: [String: (advice: Advice, json: [UInt8])] = [:]

  public init(advisor: Advisor) { self.advisor = advisor }

  public func advise(_ reading: Reading) -> Advice { adviseWithJSON(reading).advice }

  /// The advice and its JSON fields (`JSONWriter.adviceFragment`), both cached.
  public func adviseWithJSON(_ reading: Reading) -> (advice: Advice, json: [UInt8]) {
    let norm = advisor.knowledge.settings.compensationNorm
    var key = reading.type.id + "|" + String(reading.emotion.level) + "|"
    for situation in reading.situations { key += situation.id + "," }
    for demand in reading.demands {
      if demand.id == "supervisor" { key += "|supervisor" }
      if demand.id == "compensation", (demand.amount ?? 0) > norm { key += "|over-norm" }
    }
    if let cached = cache[key] { return cached }
    var state = CallState(startedAt: .distantPast)
    state.turns.append(CallTurn(speaker: .customer, text: reading.text, reading: reading))
    let advice = advisor.advise(state)
    let entry = (advice, JSONWriter.adviceFragment(advice))
    if cache.count < 10_000 { cache[key] = entry }
    return entry
  }
}
