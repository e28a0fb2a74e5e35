/// How well the classifier reports the two safety situations on a safety set (`text	criminal
/// emergency	pattern`): recall of each, and false alarms on the lines without it. Such a set is
/// cheap to write (two labels a line), so it can be large and varied where the full labelled
/// sets hold a dozen threats each.
public struct SafetyEvaluation: Sendable {
  public struct Miss: Sendable {
    public var line: LabelledSet.SafetyLine
    /// "criminal missed", "emergency not expected" …
    public var problems: [String]
    public var situations: [String]
  }

  public struct Counts: Sendable, Equatable {
    public var expected = 0
    public var found = 0
    public var others = 0
    public var falseAlarms = 0

    public var recall: Double { ClassifierEvaluation.ratio(found, expected) }
    public var falseAlarmRate: Double { others == 0 ? 0 : Double(falseAlarms) / Double(others) }
  }

  public var total = 0
  public var criminal = Counts()
  public var emergency = Counts()
  public var misses: [Miss] = []

  public init(classifier: Classifier, lines: [LabelledSet.SafetyLine]) {
    for line in lines {
      let situations = classifier.classify(line.text).situations.map(\.id)
      total += 1
      var problems: [String] = []
      for (id, expected, counts) in [("criminal", line.criminal, \Self.criminal), ("emergency", line.emergency, \Self.emergency)] {
        guard let expected else { continue }
        let found = situations.contains(id)
        if expected {
          self[keyPath: counts].expected += 1
          if found { self[keyPath: counts].found += 1 } else { problems.append("\(id) missed") }
        } else {
          self[keyPath: counts].others += 1
          if found {
            self[keyPath: counts].falseAlarms += 1
            problems.append("\(id) not expected")
          }
        }
      }
      if !problems.isEmpty { misses.append(Miss(line: line, problems: problems, situations: situations)) }
    }
  }
}
