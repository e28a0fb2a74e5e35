import Foundation
import Testing

@testable import KesuCore

/// `kesu kb agree`: a second person's labels of the same lines, measured with kb test's figures.
@Suite struct AgreementTests {
  let knowledge = TestSupport.engine.knowledge

  func rows(_ text: String) throws -> [LabelledSet.Utterance] {
    try LabelledSet.utterances("text\ttype\tsituations\temotion\n" + text, file: "x.tsv", knowledge: knowledge)
  }

  @Test func countsWhereTheSecondLabellerDiffers() throws {
    let first = try rows("宽带断了三天\tordinary\toutage\t1\n我是VIP你们就这么对我\tcustomer-is-king\tservice-attitude\t2\n请问几点开门\tordinary\t-\t0\n")
    let second = try rows("宽带断了三天\tordinary\toutage,delay\t1\n我是VIP你们就这么对我\tordinary\tservice-attitude\t2\n请问几点开门\tordinary\t-\t0\n")
    let agreement = try ClassifierEvaluation(labels: first, other: second, otherFile: "y.tsv", knowledge: knowledge)
    #expect(agreement.total == 3)
    #expect(agreement.typeCorrect == 2)
    #expect(agreement.emotionExact == 3)
    #expect(agreement.situationCounts["outage"]! == (1, 0, 0))
    #expect(agreement.situationCounts["delay"]! == (0, 1, 0))
    #expect(agreement.misses.map(\.utterance.line) == [2, 3])
    #expect(agreement.misses[1].problems == ["type ordinary ≠ customer-is-king"])
    let report = EvaluationReport.classifier(agreement, knowledge: knowledge, secondLabeller: true)
    #expect(report.contains("disagreements (2):"))
    #expect(report.contains("column = second file"))
    #expect(!report.contains("evidence:"))

    let same = try ClassifierEvaluation(labels: first, other: first, otherFile: "x.tsv", knowledge: knowledge)
    #expect(same.misses.isEmpty && same.situationF1 == 1 && same.typeAccuracy == 1)
  }

  @Test func linesThatAreNotTheSameAreAnError() throws {
    let first = try rows("宽带断了三天\tordinary\toutage\t1\n")
    let other = try rows("宽带断了四天\tordinary\toutage\t1\n")
    #expect {
      try ClassifierEvaluation(labels: first, other: other, otherFile: "y.tsv", knowledge: knowledge)
    } throws: { error in
      "\(error)".hasPrefix("y.tsv:2: error: the text differs from line 2 of the first file")
    }
    let longer = try rows("宽带断了三天\tordinary\toutage\t1\n请问几点开门\tordinary\t-\t0\n")
    #expect(throws: LabelledSet.FormatError.self) {
      try ClassifierEvaluation(labels: first, other: longer, otherFile: "y.tsv", knowledge: knowledge)
    }
  }

  /// The second labellers' files pair line by line with the sets they label again, and give the
  /// figures Tests/Fixtures/README.md reports ("How far people agree").
  @Test func theSecondLabellersFilesPairWithTheirSets() throws {
    func set(_ name: String) throws -> [LabelledSet.Utterance] {
      try LabelledSet.utterances(TestSupport.fixture(name), file: name, knowledge: knowledge)
    }
    func agreement(_ first: String, _ second: String) throws -> ClassifierEvaluation {
      try ClassifierEvaluation(labels: set(first), other: set("agreement/" + second), otherFile: second, knowledge: knowledge)
    }
    let a = try agreement("classifier-held.tsv", "classifier-held-by-A.tsv")
    let b = try agreement("classifier-held.tsv", "classifier-held-by-B.tsv")
    let c = try agreement("classifier-unseen-o.tsv", "classifier-unseen-o-by-C.tsv")
    #expect((a.total, b.total, c.total) == (248, 248, 200))
    #expect(String(format: "%.3f %.3f %.3f", a.situationF1, b.situationF1, c.situationF1) == "0.861 0.838 0.942")
    #expect(String(format: "%.3f %.3f %.3f", a.angryF1, b.angryF1, c.angryF1) == "0.674 0.781 0.806")
  }
}
