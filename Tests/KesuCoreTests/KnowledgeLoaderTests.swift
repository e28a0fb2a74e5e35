import Foundation
import Testing

@testable import KesuCore

@Suite struct KnowledgeLoaderTests {
  /// Loads a broken copy and returns its diagnostics as text, paths relative to the copy.
  func diagnostics(after breaking: (URL) throws -> Void) throws -> [String] {
    let folder = TestSupport.knowledgeCopy()
    try breaking(folder)
    do {
      _ = try KnowledgeLoader.load(directory: folder.path, displayRoot: "Knowledge")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  func replace(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(old), "fixture text '\(old)' not in \(file.lastPathComponent)")
    try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
  }

  /// Puts one cue at the top of the first `cues:` list of a file.
  func insertCue(_ cue: String, in file: URL) throws {
    var text = try String(contentsOf: file, encoding: .utf8)
    let anchor = try #require(text.range(of: "    cues:\n"))
    text.insert(contentsOf: "      - " + cue + "\n", at: anchor.upperBound)
    try text.write(to: file, atomically: true, encoding: .utf8)
  }

  func line(of text: String, in file: URL) throws -> Int {
    let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
  }

  @Test func theRepositoryKnowledgeLoads() throws {
    let knowledge = TestSupport.engine.knowledge
    #expect(knowledge.types.map(\.id) == [
      "ordinary", "no-common-sense", "know-it-all", "customer-is-king", "lecturer", "stalker", "emotional", "time-killer",
      "perfectionist", "paranoid", "persistent", "illogical",
    ])
    #expect(knowledge.situations.count == 14)
    #expect(knowledge.forbidden.count == 11)
    #expect(knowledge.stageOrder == ["greet", "apologize", "listen", "record", "confirm", "solve", "escalate", "thank", "follow-up"])
    #expect(knowledge.ladder.map(\.id) == ["team-leader", "dept-deputy", "dept-head", "company-vp", "company-gm"])
  }

  @Test func countsTheIssuesAskFor() {
    let k = TestSupport.engine.knowledge
    for type in k.types {
      let fitting = k.wording.filter { type.id == "ordinary" ? $0.types.isEmpty : $0.types.contains(type.id) }
      #expect(fitting.count >= 5, "type \(type.id) has \(fitting.count) suggestions")
    }
    for situation in k.situations {
      let fitting = k.wording.filter { $0.situations.contains(situation.id) }
      #expect(fitting.count >= 3, "situation \(situation.id) has \(fitting.count) suggestions")
    }
    for family in k.forbidden { #expect(!family.instead.isEmpty, "family \(family.id) has no alternative") }
    #expect(k.scenarios.count >= 8)
    #expect(Set(k.scenarios.map(\.type)).count >= 8)
    let covered = Set(k.scenarios.flatMap(\.situations))
    for id in ["criminal", "compensation", "external-threat", "emergency"] { #expect(covered.contains(id), "no scenario for \(id)") }
    #expect(k.quiz.count >= 6)
    #expect(k.quiz.contains { $0.source.hasPrefix("000") })
  }

  @Test func malformedYAMLIsReportedWithItsLine() throws {
    let found = try diagnostics { folder in
      let file = folder.appendingPathComponent("stages.yaml")
      var text = try String(contentsOf: file, encoding: .utf8)
      text += "\n  - id: broken\n    name: [unclosed\n"
      try text.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("Knowledge/stages.yaml:") == true)
    #expect(found.first?.contains("error: malformed YAML") == true)
  }

  @Test func unknownReferenceSuggestsTheClosestId() throws {
    var expectedLine = 0
    let found = try diagnostics { folder in
      let file = folder.appendingPathComponent("situations.yaml")
      try replace(file, "principle: final-handling", "principle: final-handlin")
      expectedLine = try line(of: "principle: final-handlin", in: file)
    }
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("Knowledge/situations.yaml:\(expectedLine):") == true)
    #expect(found.first?.hasSuffix("error: unknown principle 'final-handlin' (did you mean 'final-handling'?)") == true)
  }

  /// A comma inside `[…]` always separates: a phrase written with one is split silently unless
  /// lint says so. Quoted, or with a space after the comma, nothing is reported.
  @Test func aPhraseSplitAtACommaIsReported() throws {
    var expectedLine = 0
    let found = try diagnostics { folder in
      let file = folder.appendingPathComponent("demeanors.yaml")
      try insertCue("any: [没啥事儿,就问问, \"要赔,马上\", 正常, 另一个]", in: file)
      expectedLine = try line(of: "没啥事儿,就问问", in: file)
    }
    #expect(found == [
      "Knowledge/demeanors.yaml:\(expectedLine):15: error: '没啥事儿,就问问' is read as two phrases; quote it if it is one, or write a space after the comma"
    ])
  }

  @Test func duplicateIdNamesBothPlaces() throws {
    var second = 0
    var first = 0
    let found = try diagnostics { folder in
      let file = folder.appendingPathComponent("types.yaml")
      first = try line(of: "id: stalker", in: file)
      try replace(file, "  - id: emotional\n", "  - id: stalker\n")
      let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
      second = (lines.indices.filter { lines[$0].contains("id: stalker") }.last ?? 0) + 1
    }
    #expect(found.contains { $0.hasPrefix("Knowledge/types.yaml:\(second):") && $0.contains("error: duplicate type id 'stalker' (first defined at Knowledge/types.yaml:\(first))") }, "\(found)")
  }

  @Test func wrongVersionIsRefused() throws {
    let found = try diagnostics { folder in
      try replace(folder.appendingPathComponent("escalation.yaml"), "version: 1", "version: 2")
    }
    #expect(found == ["Knowledge/escalation.yaml:1:10: error: unsupported version '2' (expected 1)"])
  }

  @Test func missingFileIsNamed() throws {
    let found = try diagnostics { folder in
      try FileManager.default.removeItem(at: folder.appendingPathComponent("forbidden.yaml"))
    }
    #expect(found.contains("Knowledge/forbidden.yaml:1:1: error: missing file"))
  }

  @Test func unknownKeyGetsADidYouMean() throws {
    let found = try diagnostics { folder in
      try replace(folder.appendingPathComponent("settings.yaml"), "follow_up_hours:", "follow_up_hour:")
    }
    #expect(found.count == 1)
    #expect(found.first?.contains("follow_up_hour") == true && found.first?.contains("follow_up_hours") == true)
  }

  @Test func everyMistakeIsCollectedNotJustTheFirst() throws {
    let found = try diagnostics { folder in
      try replace(folder.appendingPathComponent("escalation.yaml"), "version: 1", "version: 2")
      try FileManager.default.removeItem(at: folder.appendingPathComponent("forbidden.yaml"))
    }
    #expect(found.count >= 2)
  }

  /// A cue naming a family that words.yaml does not define is reported where it is named, with
  /// the closest family as a hint, once (not again as an empty cue); a family naming another
  /// family is refused.
  @Test func anUnknownWordFamilyIsReported() throws {
    var cueLine = 0
    var anyLine = 0
    var wordsLine = 0
    let found = try diagnostics { folder in
      let file = folder.appendingPathComponent("demeanors.yaml")
      try insertCue("all: [$staf, 下班]", in: file)
      try insertCue("any: [$staf]", in: file)
      anyLine = try line(of: "any: [$staf]", in: file)
      cueLine = try line(of: "$staf, 下班", in: file)
      let words = folder.appendingPathComponent("words.yaml")
      try replace(words, "  harm: [揍,", "  harm: [$staff, 揍,")
      wordsLine = try line(of: "$staff, 揍", in: words)
    }
    #expect(found == [
      "Knowledge/words.yaml:\(wordsLine):10: error: '$staff': a family lists phrases, it cannot name another family",
      "Knowledge/demeanors.yaml:\(anyLine):15: error: unknown word family '$staf' (did you mean '$staff'?)",
      "Knowledge/demeanors.yaml:\(cueLine):15: error: unknown word family '$staf' (did you mean '$staff'?)",
    ])
  }

  @Test func theShippedKnowledgePassesLint() {
    let problems = KnowledgeLint.check(TestSupport.engine)
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
  }

  @Test func lintCatchesAnExampleThatDoesNotFire() throws {
    let folder = TestSupport.knowledgeCopy()
    let file = folder.appendingPathComponent("demands.yaml")
    try replace(file, "examples: [赶紧把钱退给我", "examples: [天气不错, 赶紧把钱退给我")
    let engine = try Engine.load(directory: folder.path)
    let problems = KnowledgeLint.check(engine).map(\.message)
    #expect(problems == ["cue 'refund-money' does not fire on its example '天气不错'"])
  }

  /// Each cue that fires adds its weight to its entry: one phrase in two `any:` cues of one
  /// demeanor would count twice, and lint says where.
  @Test func lintCatchesAPhraseCountedTwiceByOneEntry() throws {
    let folder = TestSupport.knowledgeCopy()
    let file = folder.appendingPathComponent("demeanors.yaml")
    try replace(file, "        examples: [你们必须今天之内给我解决, 赶紧给我处理]\n", """
              examples: [你们必须今天之内给我解决, 赶紧给我处理]
            - id: demanding-again
              any: [限期, 立刻]

      """)
    let cueLine = try line(of: "- id: demanding-again", in: file)
    let earlierLine = try line(of: "- id: demanding-words", in: file)
    let problems = KnowledgeLint.check(try Engine.load(directory: folder.path)).filter { $0.file == file.path }
    #expect(problems.map(\.line) == [cueLine])
    #expect(problems.map(\.message) == [
      "phrase '立刻' of cue 'demanding-again' is also in cue 'demanding-words' (line \(earlierLine)) of the same entry: it would count twice"
    ])
  }
}
