import Testing

@testable import KesuCore

/// Safety sets (`text	criminal	emergency	pattern`): recall of crimes and emergencies on varied
/// wording, and false alarms on the near misses.
@Suite struct SafetyEvaluationTests {
  let engine = TestSupport.engine

  func lines(_ body: String) throws -> [LabelledSet.SafetyLine] {
    try LabelledSet.safetyLines("text\tcriminal\temergency\tpattern\n" + body, file: "x.tsv")
  }

  @Test func countsRecallAndFalseAlarms() throws {
    let set = try lines(
      "信不信我砸了你们营业厅\tY\tN\tsmash\n楼道里一股很浓的煤气味,我不敢开灯\tN\tY\tgas\n气死我了,宽带又断了\tN\tN\tidiom\n"
        + "我带了一桶汽油在你们大厅里\tY\t?\tarmed-now\n")
    let e = SafetyEvaluation(classifier: engine.classifier, lines: set)
    #expect(e.total == 4)
    #expect(e.criminal == .init(expected: 2, found: 2, others: 2, falseAlarms: 0))
    // The `?` of the last line is not counted either way.
    #expect(e.emergency == .init(expected: 1, found: 1, others: 2, falseAlarms: 0))
    #expect(e.misses.isEmpty)
    #expect(EvaluationReport.safety(e).contains("criminal   found 2/2 (100.0%), false alarms 0/2 (0.0%)"))
  }

  @Test func aValueOtherThanYNOrQuestionMarkIsAnError() {
    #expect {
      try lines("你好\tyes\tN\t-\n")
    } throws: { error in
      "\(error)" == "x.tsv:2: error: column 2 must be Y, N or ?, found 'yes'"
    }
  }

  /// The safety sets of Tests/Fixtures/safety (README there): the learned weights train on
  /// `-a`, `-c` to `-f`, `-h` to `-m`, `-p`, `-q`, `-s` and `-t` (and cues were written for `-a`'s patterns);
  /// `-b`, `-g`, `-n` and `-r`, by other authors, were never tuned on. Guards a little under today's figures.
  @Test func safetySetsDoNotRegress() throws {
    func evaluation(_ name: String) throws -> SafetyEvaluation {
      SafetyEvaluation(
        classifier: engine.classifier, lines: try LabelledSet.safetyLines(TestSupport.fixture("safety/" + name), file: name))
    }
    for set in ["a", "c", "d", "e", "f", "h", "i", "j", "k", "l", "m", "p", "q", "s", "t"] {
      let name = "safety-tune-\(set).tsv"
      let tuned = try evaluation(name)
      #expect(tuned.criminal.recall >= 0.95 && tuned.emergency.recall >= 0.95, "\(EvaluationReport.safety(tuned))")
      #expect(tuned.criminal.falseAlarmRate <= 0.07 && tuned.emergency.falseAlarmRate <= 0.1, "\(name)")
    }
    // The four never tuned on, a little under today's figures (criminal and emergency found:
    // b 53/55 and 33/35; g 58/61 and 44/47; n 58/60 and 48/48; r 61/64 and 46/48; criminal
    // false alarms b 5/105, g 12/132, n 6/137, r 11/137: retraining moves a line or two of these
    // either way, so the alarm guards leave two lines of room).
    let floors: [(set: String, criminal: Double, emergency: Double, criminalAlarms: Double, emergencyAlarms: Double)] = [
      ("b", 0.9, 0.9, 0.07, 0.07), ("g", 0.88, 0.88, 0.1, 0.07), ("n", 0.93, 0.95, 0.06, 0.07), ("r", 0.9, 0.9, 0.095, 0.09),
    ]
    for floor in floors {
      let unseen = try evaluation("safety-unseen-\(floor.set).tsv")
      #expect(unseen.criminal.recall >= floor.criminal && unseen.emergency.recall >= floor.emergency, "\(EvaluationReport.safety(unseen))")
      #expect(unseen.criminal.falseAlarmRate <= floor.criminalAlarms && unseen.emergency.falseAlarmRate <= floor.emergencyAlarms, "-\(floor.set)")
    }
  }
}
