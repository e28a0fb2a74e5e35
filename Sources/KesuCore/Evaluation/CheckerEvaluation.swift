/// How well the forbidden-phrase checker does on labelled agent lines: recall on lines with a
/// violation, and how many clean lines pass untouched.
public struct CheckerEvaluation: Sendable {
  public struct Miss: Sendable {
    public var line: LabelledSet.AgentLine
    public var found: [String]
  }

  public var flaggedTotal = 0
  public var flaggedFound = 0
  public var cleanTotal = 0
  public var cleanPassed = 0
  public var familyCorrect = 0
  public var misses: [Miss] = []

  public init(checker: PhraseChecker, lines: [LabelledSet.AgentLine]) {
    for line in lines {
      let found = Set(checker.check(line.text).violations.map(\.family))
      if line.families.isEmpty {
        cleanTotal += 1
        if found.isEmpty { cleanPassed += 1 } else { misses.append(Miss(line: line, found: found.sorted())) }
      } else {
        flaggedTotal += 1
        if !found.isEmpty { flaggedFound += 1 }
        if found == line.families { familyCorrect += 1 } else { misses.append(Miss(line: line, found: found.sorted())) }
      }
    }
  }

  /// Lines with a violation that were flagged at all.
  public var recall: Double { ClassifierEvaluation.ratio(flaggedFound, flaggedTotal) }
  public var cleanPassRate: Double { ClassifierEvaluation.ratio(cleanPassed, cleanTotal) }
  /// Flagged lines whose families were named exactly.
  public var familyAccuracy: Double { ClassifierEvaluation.ratio(familyCorrect, flaggedTotal) }
}
