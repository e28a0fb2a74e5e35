import Foundation
import Testing

@testable import KesuCore

@Suite struct LearnedModelTests {
  let engine = TestSupport.engine

  func utterance(_ text: String, emotion: Int, situations: Set<String> = []) -> LabelledSet.Utterance {
    LabelledSet.Utterance(line: 0, text: text, type: "ordinary", situations: situations, emotion: emotion)
  }

  /// A tiny training set: 气死/受不了 upset, 请问/麻烦 calm, 扣费/账单 billing.
  var tinySet: [LabelledSet.Utterance] {
    [
      utterance("气死我了你们这什么服务", emotion: 3), utterance("真是气死人了", emotion: 3),
      utterance("受不了了气死", emotion: 3), utterance("我受不了你们了", emotion: 2),
      utterance("请问一下营业时间", emotion: 0), utterance("麻烦问一下怎么办理", emotion: 0),
      utterance("请问麻烦帮我查一下", emotion: 0), utterance("麻烦请问地址在哪", emotion: 0),
      utterance("这个月扣费不对", emotion: 1, situations: ["billing"]),
      utterance("账单上多扣费了", emotion: 1, situations: ["billing"]),
      utterance("账单扣费有问题", emotion: 1, situations: ["billing"]),
      utterance("扣费太多账单看不懂", emotion: 1, situations: ["billing"]),
      utterance("帮我看看账单扣费", emotion: 1, situations: ["billing"]),
    ]
  }

  func train(_ set: [LabelledSet.Utterance]) -> LearnedModel {
    var trainer = LearnedTrainer()
    trainer.epochs = 200
    trainer.minimumPositives = 3
    return trainer.train(set, knowledge: engine.knowledge, source: "tiny")
  }

  func probabilities(_ model: LearnedModel, _ text: String) -> [Float] {
    model.probabilities(model.features(TextNormalizer.shared.normalize(text).scalars))
  }

  @Test func theTableFindsEveryGramAndNothingElse() {
    let grams: [[UInt32]] = [[0x6295], [0x6295, 0x8BC9], [0x6C14, 0x6B7B, 0x4E86], [0x61], [0x10_FFFF, 0x61]]
    let keys = grams.map(key)
    #expect(Set(keys).count == keys.count)
    let table = GramTable(keys)
    for (row, key) in keys.enumerated() {
      #expect(table.lookup(key) == Int32(row))
      #expect(GramTable.scalars(of: key) == grams[row])
    }
    #expect(table.lookup(key([0x8BC9, 0x6295])) == GramTable.unknown)
    // 气死了 is known, so 气 and 气死 are kept as prefixes (no row): a lookup of 气死 must not
    // stop the scan before 气死了. 死 begins nothing known.
    #expect(table.lookup(key([0x6C14])) == GramTable.prefixOnly)
    #expect(table.lookup(key([0x6C14, 0x6B7B])) == GramTable.prefixOnly)
    #expect(table.lookup(key([0x6B7B])) == GramTable.unknown)
  }

  func key(_ gram: [UInt32]) -> UInt64 { gram.withUnsafeBufferPointer { GramTable.key($0, start: 0, length: $0.count) } }

  @Test func aTrigramWhosePrefixesHaveNoRowIsStillFound() {
    // Only the trigram has a row: the features must reach it through its two prefixes.
    let trigram = key([0x6C14, 0x6B7B, 0x4E86])
    let model = LearnedModel(
      outputs: ["emotion:0", "emotion:1", "emotion:2", "emotion:3"], grams: [trigram], idf: [1], weights: [0, 0, 0, 1],
      bias: [0, 0, 0, 0], source: "test")
    let features = model.features(TextNormalizer.shared.normalize("真气死了").scalars)
    #expect(features == [LearnedModel.Feature(row: 0, value: 1, start: 1, length: 3)])
  }

  /// A safety line teaches the criminal output (and nothing else) wording no labelled row holds.
  @Test func safetyLinesTeachTheCriminalOutput() throws {
    var set = tinySet
    for text in ["我要砸了你们的店", "小心我砸你们店", "我找人砸你们店"] {
      set.append(LabelledSet.Utterance(line: 0, text: text, type: "ordinary", situations: ["criminal"], emotion: 3))
    }
    let safety = try LabelledSet.safetyLines(
      "text\tcriminal\temergency\tpattern\n往你们水箱里倒农药\tY\tN\tpoison\n水箱里倒农药吧\tY\t?\tpoison\n水箱漏水了\tN\tN\tnear\n",
      file: "s.tsv")
    var trainer = LearnedTrainer()
    trainer.epochs = 200
    trainer.minimumPositives = 3
    let without = trainer.train(set, knowledge: engine.knowledge, source: "tiny")
    let with = trainer.train(set, safety: safety, knowledge: engine.knowledge, source: "tiny")
    let criminal = try #require(with.output("situation:criminal"))
    #expect(without.output("situation:criminal") == criminal)
    let before = probabilities(without, "往水箱里倒农药")[criminal]
    let after = probabilities(with, "往水箱里倒农药")[criminal]
    #expect(after > before + 0.2, "\(before) → \(after)")
  }

  @Test func theTrainerLearnsWhatItIsShownAndIsDeterministic() {
    let model = train(tinySet)
    let types = engine.knowledge.types.map { "type:" + $0.id }
    #expect(model.outputs == ["emotion:0", "emotion:1", "emotion:2", "emotion:3"] + types + ["situation:billing"])
    #expect(model.typeOutputs == 4..<(4 + types.count))
    let billing = 4 + types.count
    let upset = probabilities(model, "气死了")
    #expect(upset[3] == upset[0..<4].max())
    #expect(abs(upset[0..<4].reduce(0, +) - 1) < 0.001)
    let calm = probabilities(model, "请问麻烦你")
    #expect(calm[0] == calm[0..<4].max())
    #expect(calm[4] == calm[model.typeOutputs].max())  // every line of the set was ordinary
    #expect(probabilities(model, "账单扣费")[billing] > 0.5)
    #expect(probabilities(model, "请问")[billing] < 0.5)
    #expect(train(tinySet).weights == model.weights)
  }

  @Test func theFileReadsBackAsTheSameModel() throws {
    let model = train(tinySet)
    let sink = DiagnosticSink()
    let back = try #require(
      LearnedModelFile.read(
        LearnedModelFile.text(model), file: "learned.tsv", types: Set(engine.knowledge.types.map(\.id)),
        situations: Set(engine.knowledge.situations.map(\.id)), sink: sink))
    #expect(sink.isEmpty)
    #expect(back.outputs == model.outputs)
    #expect(back.grams == model.grams)
    #expect(back.source == "tiny")
    for (a, b) in zip(back.weights, model.weights) { #expect(abs(a - b) <= 0.00006) }
    #expect(abs(probabilities(back, "气死了")[3] - probabilities(model, "气死了")[3]) < 0.001)
  }

  /// Each mistake in learned.tsv, with the line it is on.
  @Test(arguments: [
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\tsituation:biling", 1,
     "unknown output 'situation:biling'"),
    ("gram\tidf\temotion:1\temotion:0\temotion:2\temotion:3", 1, "must begin with emotion:0"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\ttype:ordinary\tsituation:billing\ttype:stalker", 1,
     "the type: outputs must come together"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\ttype:stalkr", 1, "unknown output 'type:stalkr'"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n(bias)\t-\t0\t0\t0\t0\n好\t1\t0\t0\t0", 3,
     "expected 6 tab-separated columns, found 5"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n(bias)\t-\t0\t0\t0\t0\n好\t1\t0\tx\t0\t0", 3,
     "'x' in column 4 is not a number"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n(bias)\t-\t0\t0\t0\t0\n好\t1\t0\t0\t0\t0\n好\t1\t0\t0\t0\t0", 4,
     "'好' is already on line 3"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n(bias)\t-\t0\t0\t0\t0\n好好好好\t1\t0\t0\t0\t0", 3,
     "an n-gram has 1 to 3 characters"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n(bias)\t-\t0\t0\t0\t0\n好\t-2\t0\t0\t0\t0", 3,
     "the idf '-2' is not a positive number"),
    ("gram\tidf\temotion:0\temotion:1\temotion:2\temotion:3\n好\t1\t0\t0\t0\t0", 1, "no (bias) line"),
    ("# nothing but a comment", 1, "no 'gram<TAB>idf<TAB>…' header line"),
  ])
  func aMistakeIsReportedWithItsLine(text: String, line: Int, message: String) {
    let sink = DiagnosticSink()
    let model = LearnedModelFile.read(
      text, file: "Knowledge/learned.tsv", types: ["ordinary", "stalker"], situations: ["billing"], sink: sink)
    #expect(model == nil)
    #expect(sink.diagnostics.contains { $0.line == line && $0.message.contains(message) }, "\(sink.diagnostics)")
  }

  @Test func aDamagedFileStopsTheLoadWithFileAndLine() throws {
    let folder = TestSupport.knowledgeCopy()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let file = folder.appendingPathComponent("learned.tsv")
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    lines[10] = lines[10].replacingOccurrences(of: "\t", with: "\tnan-ish\t", options: [], range: lines[10].range(of: "\t"))
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder.path, displayRoot: "Knowledge") }
    do {
      _ = try KnowledgeLoader.load(directory: folder.path, displayRoot: "Knowledge")
    } catch {
      #expect(error.diagnostics.map(\.description).contains { $0.hasPrefix("Knowledge/learned.tsv:11:1: error: expected") })
    }
    try Data([0x67, 0xFF, 0xFE]).write(to: file)
    do {
      _ = try KnowledgeLoader.load(directory: folder.path, displayRoot: "Knowledge")
      Issue.record("invalid UTF-8 loaded")
    } catch {
      #expect(error.diagnostics.map(\.description) == ["Knowledge/learned.tsv:1:1: error: not valid UTF-8"])
    }
  }

  @Test func withoutTheFileTheCuesDecideAlone() throws {
    let folder = TestSupport.knowledgeCopy()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("learned.tsv"))
    let engine = try Engine.load(directory: folder.path)
    #expect(engine.knowledge.learned == nil)
    let reading = engine.classifier.classify("你们这个月电费多扣了我两百块")
    #expect(reading.situations.map(\.id).contains("billing"))
    #expect(!reading.evidence.contains { $0.rule == "learned" })
  }

  /// The weights must never have seen the held-out set or the set kept unseen.
  @Test func theRepositoryWeightsCameFromTuningSetsOnly() throws {
    let model = try #require(engine.knowledge.learned)
    #expect(model.source.contains("classifier-tune.tsv"))
    #expect(!model.source.contains("held"))
    #expect(!model.source.contains("unseen"))
    #expect(model.outputs.contains("situation:criminal"))
  }

  @Test func learnedEvidenceNamesReadableWordingInTheOriginalText() {
    let text = "我這個月的賬單怎麼又多扣了一百多塊錢，你們給個說法"
    let reading = engine.classifier.classify(text)
    let learned = reading.evidence.filter { $0.rule == "learned" }
    #expect(!learned.isEmpty)
    let scalars = Array(text.unicodeScalars)
    for evidence in learned {
      #expect(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])) == evidence.matched)
      #expect(evidence.matched.unicodeScalars.allSatisfy { $0.properties.isIdeographic })
      #expect(evidence.target == "emotion:\(reading.emotion.level)" || reading.situations.contains { "situation:" + $0.id == evidence.target })
    }
  }

  /// Never brand a customer on the weights alone: every type the classifier names on a labelled
  /// set is one some cue of the line scored.
  @Test func theTypeIsOrdinaryOrOneACueScored() throws {
    let rows = try LabelledSet.utterances(
      TestSupport.fixture("classifier-unseen-o.tsv"), file: "classifier-unseen-o.tsv", knowledge: engine.knowledge)
    #expect(rows.count > 100)
    var changedByWeights = 0
    for row in rows {
      let reading = engine.classifier.classify(row.text)
      #expect(reading.type.id == "ordinary" || reading.typeScores[reading.type.id, default: 0] > 0, "\(row.text)")
      let top = reading.typeScores.max { $0.value < $1.value }
      let cuesAlone = top.map { $0.value >= engine.knowledge.classifier.typeThreshold ? $0.key : "ordinary" } ?? "ordinary"
      if cuesAlone != reading.type.id { changedByWeights += 1 }
    }
    #expect(changedByWeights > 0)  // the weights do take part
  }

  /// Safety and escalation situations: a cue reports them whatever the weights say (the weights
  /// may only add them). Here every cue-reported criminal, emergency and repeat-complaint line of
  /// a tuning set must stay reported with the weights turned off and on.
  @Test func aSafetyOrEscalationCueIsReportedWhateverTheWeightsSay() throws {
    let folder = TestSupport.knowledgeCopy()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("learned.tsv"))
    let cuesAlone = try Engine.load(directory: folder.path).classifier
    let kept: Set<String> = ["criminal", "emergency", "repeat-complaint", "external-threat", "escalation-request"]
    var checked = 0
    for line in TestSupport.fixture("classifier-tune-f.tsv").split(separator: "\n").dropFirst() {
      let text = String(line.split(separator: "\t").first ?? "")
      let byCues = Set(cuesAlone.classify(text).situations.map(\.id)).intersection(kept)
      let withWeights = Set(engine.classifier.classify(text).situations.map(\.id))
      #expect(byCues.isSubset(of: withWeights), "\(text)")
      checked += byCues.count
    }
    #expect(checked > 20)
    #expect(engine.classifier.classify("不赔钱我就找人去你们经理家门口堵他").situations.map(\.id).contains("criminal"))
  }
}
