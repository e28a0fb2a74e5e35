/// Totals across several calls (or files): per forbidden family, per type, per situation, and
/// the mean score.
public struct AuditTable: Sendable {
  public private(set) var calls = 0
  public private(set) var scoreSum = 0
  public private(set) var families: [String: Int] = [:]
  public private(set) var types: [String: Int] = [:]
  public private(set) var situations: [String: Int] = [:]
  public private(set) var missing: [String: Int] = [:]

  public init() {}

  public mutating func add(_ audit: CallAudit) {
    calls += 1
    scoreSum += audit.score
    for flag in audit.violations { families[flag.violation.family, default: 0] += 1 }
    types[audit.type.id, default: 0] += 1
    for id in audit.situations { situations[id, default: 0] += 1 }
    for id in audit.stagesMissing { missing[id, default: 0] += 1 }
  }

  public var meanScore: Double { calls == 0 ? 0 : Double(scoreSum) / Double(calls) }

  static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
    counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
  }

  public func render(knowledge: KnowledgeBase, style: Style = .plain) -> String {
    var lines = [style.bold("汇总 \(calls)通 · 平均分 \(String(format: "%.1f", meanScore))")]
    func section(_ title: String, _ counts: [String: Int], _ name: (String) -> String) {
      guard !counts.isEmpty else { return }
      lines.append("  \(title):" + Self.sorted(counts).map { "\(name($0.0)) \($0.1)" }.joined(separator: " · "))
    }
    section("禁语", families) { knowledge.family($0)?.name ?? $0 }
    section("类型", types) { knowledge.type($0)?.name ?? $0 }
    section("情况", situations) { knowledge.situation($0)?.name ?? $0 }
    section("常缺", missing) { knowledge.stage($0)?.name ?? $0 }
    return lines.joined(separator: "\n")
  }

  public func json() -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginObject("table")
    writer.int("calls", calls)
    writer.double("mean_score", (meanScore * 10).rounded() / 10)
    for (name, counts) in [("families", families), ("types", types), ("situations", situations), ("missing_stages", missing)] {
      writer.beginObject(name)
      for (key, value) in Self.sorted(counts) { writer.int(key, value) }
      writer.endObject()
    }
    writer.endObject()
    writer.endObject()
    return writer.text
  }
}
