import Foundation

/// The text `kesu kb test` prints: figures first, then the confusion matrix, then every miss.
public enum EvaluationReport {
  static func pct(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

  /// `secondLabeller`: the readings are another person's labels (`kesu kb agree`), so the
  /// columns are theirs and there is no evidence to show.
  public static func classifier(_ e: ClassifierEvaluation, knowledge: KnowledgeBase, secondLabeller: Bool = false) -> String {
    var lines = [
      "utterances          \(e.total)",
      "type accuracy       \(pct(e.typeAccuracy))",
      "ordinary kept       \(pct(e.ordinaryRecall))  (\(e.ordinaryCorrect)/\(e.ordinaryTotal))",
      "situation F1        \(String(format: "%.3f", e.situationF1))",
      "emotion exact       \(pct(e.emotionAccuracy))",
      "angry (≥2) F1       \(String(format: "%.3f", e.angryF1))",
      "criminal recall     \(pct(e.criminalRecall))  (\(e.criminalFound)/\(e.criminalTotal))",
      "",
      "per type (accuracy, n):",
    ]
    let types = knowledge.types.map(\.id).filter { e.confusion[$0] != nil }
    for id in types {
      let n = e.confusion[id]?.values.reduce(0, +) ?? 0
      lines.append("  \(id.padding(toLength: 18, withPad: " ", startingAt: 0)) \(pct(e.typeAccuracy(id)))  \(n)")
    }
    lines.append("")
    let columns = secondLabeller ? "second file" : "classifier"
    lines.append("confusion (row = expected, column = \(columns); only non-zero cells):")
    for id in types {
      let row = (e.confusion[id] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
      lines.append("  \(id): " + row.joined(separator: ", "))
    }
    lines.append("")
    lines.append("situations (precision, recall):")
    for id in knowledge.situations.map(\.id) where e.situationCounts[id] != nil {
      lines.append(
        "  \(id.padding(toLength: 18, withPad: " ", startingAt: 0)) \(pct(e.situationPrecision(id)))  \(pct(e.situationRecall(id)))")
    }
    lines.append("")
    lines.append("\(secondLabeller ? "disagreements" : "misses") (\(e.misses.count)):")
    for miss in e.misses {
      lines.append("  line \(miss.utterance.line): \(miss.utterance.text)")
      lines.append("    " + miss.problems.joined(separator: "; "))
      if secondLabeller { continue }
      let evidence = miss.reading.evidence.map { $0.matched + $0.arrow + $0.target }.joined(separator: " ")
      lines.append("    evidence: " + (evidence.isEmpty ? "none" : evidence))
    }
    return lines.joined(separator: "\n")
  }

  public static func safety(_ e: SafetyEvaluation) -> String {
    func counts(_ name: String, _ c: SafetyEvaluation.Counts) -> String {
      "\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) found \(c.found)/\(c.expected) (\(pct(c.recall))), "
        + "false alarms \(c.falseAlarms)/\(c.others) (\(pct(c.falseAlarmRate)))"
    }
    var lines = ["lines      \(e.total)", counts("criminal", e.criminal), counts("emergency", e.emergency), "", "misses (\(e.misses.count)):"]
    for miss in e.misses {
      lines.append("  line \(miss.line.line) [\(miss.line.pattern)]: \(miss.line.text)")
      lines.append("    " + miss.problems.joined(separator: "; ") + "; read as " + (miss.situations.isEmpty ? "-" : miss.situations.joined(separator: ",")))
    }
    return lines.joined(separator: "\n")
  }

  public static func checker(_ e: CheckerEvaluation) -> String {
    var lines = [
      "lines with a violation  \(e.flaggedTotal), flagged \(pct(e.recall)), family exact \(pct(e.familyAccuracy))",
      "clean lines             \(e.cleanTotal), passed \(pct(e.cleanPassRate))",
      "",
      "misses (\(e.misses.count)):",
    ]
    for miss in e.misses {
      let expected = miss.line.families.sorted().joined(separator: ",")
      lines.append(
        "  line \(miss.line.line): \(miss.line.text)\n    expected \(expected.isEmpty ? "-" : expected), found \(miss.found.isEmpty ? "-" : miss.found.joined(separator: ","))")
    }
    return lines.joined(separator: "\n")
  }
}
