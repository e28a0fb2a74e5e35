/// The 依据 line of a reading: the original text with the deciding characters highlighted, then
/// each piece of evidence as `宽带断了→故障中断` (a cue) or `就去≈外部投诉威胁` (the learned weights).
///
/// A person is shown only what decided the reading: evidence for the type, the situations, the
/// emotion level, the demeanor and the demands it reports, and the intensifiers. A hint that
/// stayed under its threshold (再不 toward 涉嫌犯罪), a lower emotion level or a type that lost is
/// left out, and so is a span inside a longer one for the same conclusion (宽带断 inside
/// 宽带断了). `--json`, `kb test` and the chat's `/why` keep every rule that fired.
extension ReadingView {
  func highlighted(_ reading: Reading) -> String {
    let shown = Self.decidingEvidence(reading)
    let scalars = Array(reading.text.unicodeScalars)
    var marked = [Bool](repeating: false, count: scalars.count)
    for item in shown where item.start < item.end {
      for index in item.start..<min(item.end, scalars.count) { marked[index] = true }
    }
    var result = ""
    var index = 0
    while index < scalars.count {
      var run = String.UnicodeScalarView()
      let on = marked[index]
      while index < scalars.count, marked[index] == on {
        run.append(scalars[index])
        index += 1
      }
      result += on ? style.highlight(String(run)) : String(run)
    }
    let rules = shown.map { $0.matched + $0.arrow + targetName($0.target) }
    return rules.isEmpty ? result : result + "  " + style.dim(rules.joined(separator: " "))
  }

  /// The evidence for what the reading concludes, without spans that a longer one for the same
  /// conclusion covers; in the reading's order (by position).
  static func decidingEvidence(_ reading: Reading) -> [Reading.Evidence] {
    var concluded: Set<String> = ["type:" + reading.type.id, "emotion:\(reading.emotion.level)", "intensifier"]
    for situation in reading.situations { concluded.insert("situation:" + situation.id) }
    for demand in reading.demands { concluded.insert("demand:" + demand.id) }
    if let demeanor = reading.demeanor { concluded.insert("demeanor:" + demeanor.id) }
    let deciding = reading.evidence.filter { concluded.contains($0.target) }
    return deciding.enumerated().filter { index, item in
      !deciding.enumerated().contains { other, cover in
        other != index && cover.target == item.target && cover.start <= item.start && item.end <= cover.end
          && (cover.end - cover.start > item.end - item.start || other < index)
      }
    }.map(\.element)
  }
}
