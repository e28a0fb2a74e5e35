import Foundation
import Testing

@testable import KesuCore

@Suite struct ClassifierTests {
  let classifier = TestSupport.engine.classifier

  @Test func anOrdinaryComplaintIsOrdinary() {
    for text in ["我家宽带从昨天开始就上不了网,麻烦帮我看一下", "这个月话费怎么多扣了50元?", "你好,我想问一下退款什么时候到账"] {
      #expect(classifier.classify(text).type.id == "ordinary", "\(text)")
    }
  }

  @Test func negationCancelsACompensationDemand() {
    let negated = classifier.classify("我不是要赔偿,就想尽快修好")
    #expect(!negated.situations.contains { $0.id == "compensation" })
    #expect(!negated.demands.contains { $0.id == "compensation" })
    let plain = classifier.classify("你们必须赔偿我的损失")
    #expect(plain.situations.contains { $0.id == "compensation" })
  }

  /// What a negation takes back stays taken back although the learned weights, which read
  /// 赔偿 and 12315 without the 不, would put it back.
  @Test func theWeightsDoNotUndoANegation() {
    func ids(_ text: String) -> [String] { classifier.classify(text).situations.map(\.id) }
    #expect(!ids("我不是要赔偿").contains("compensation"))
    #expect(!ids("我不要赔偿,修好就行").contains("compensation"))
    #expect(!ids("我没打算去12315").contains("external-threat"))
    #expect(!ids("不用叫经理,你帮我查一下就行").contains("escalation-request"))
    #expect(ids("不赔钱我就去12315").contains("external-threat"))
    #expect(ids("我不要赔钱,你们再倒贴我两百块").contains("compensation"))  // takes it back, then asks again
  }

  /// An agent's note that says how the customer is settles the level: the weights, which read
  /// 客户 as a calm note, brought 客户很生气 down to displeased.
  @Test func aNoteOfTheCustomersStateSettlesTheLevel() {
    for (text, level) in [("客户很生气", 2), ("客户非常愤怒", 2), ("客户很生气,说宽带断了三天", 2), ("客户骂人了", 3)] {
      #expect(classifier.classify(text).emotion.level == level, "\(text)")
    }
    // Someone else's state is not the customer's.
    #expect(classifier.classify("客户称装修工人骂人了").emotion.level == 1)
    // A customer who says they are angry, or swears, stays so whatever polite tail follows (the
    // weights read 帮我 and 能不能 as calm: these came out 0 and 1).
    #expect(classifier.classify("我很生气,但我还是希望你能帮我解决").emotion.level == 2)
    #expect(classifier.classify("妈的,又扣我钱,能不能给我退了").emotion.level == 3)
  }

  /// A note that the customer is calm settles the level the other way: 客户要求 (a displeased
  /// note) and the weights read these as displeased. The complaint it reports is still read.
  @Test func aNoteThatTheCustomerIsCalmKeepsTheLevelCalm() {
    for text in ["客户要求退款,态度平和", "客户很客气,说不着急", "客户语气平和,要求核实账单"] {
      #expect(classifier.classify(text).emotion.level == 0, "\(text)")
    }
    // Only a note: the caller's own 我不着急 followed by a complaint is displeased.
    #expect(classifier.classify("我不着急,可你们也太慢了吧,一个礼拜了").emotion.level == 1)
    let late = classifier.classify("客户反映游戏充值后钻石到账延迟,已等待48小时,语气平和")
    #expect(late.emotion.level == 0)
    #expect(late.situations.contains { $0.id == "delay" })
    // A firm anger cue still counts, and so does a crime.
    #expect(classifier.classify("客户很生气,但语气平和地要求退款").emotion.level == 2)
    #expect(classifier.classify("客户语气平静,说不退钱就找人砸了营业厅").emotion.level == 3)
  }

  /// The weights alone add no crime or emergency to a line too short to say one: 好吧那算了 was
  /// reported as criminal, with emotion 3.
  @Test func aShortLineIsNoCrimeOnTheWeightsAlone() {
    let reading = classifier.classify("好吧那算了")
    #expect(reading.situations.isEmpty)
    #expect(reading.emotion.level <= 1)
  }

  @Test func criminalIsAlwaysReported() {
    let reading = classifier.classify("不赔钱我就找人砸了你们营业厅")
    #expect(reading.situations.contains { $0.id == "criminal" })
  }

  @Test func emergencyIsAlwaysReported() {
    let reading = classifier.classify("电梯突然掉下去了,我孩子被困在里面!")
    #expect(reading.situations.contains { $0.id == "emergency" })
  }

  @Test func evidencePointsAtTheOriginalCharacters() {
    let text = "ＶＩＰ客戶說：你叫什麼名字？"
    let reading = classifier.classify(text)
    let scalars = Array(text.unicodeScalars)
    #expect(!reading.evidence.isEmpty)
    for item in reading.evidence {
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[item.start..<item.end])
      #expect(String(slice) == item.matched)
    }
  }

  @Test func traditionalInputReadsLikeSimplified() {
    let simplified = classifier.classify("你们的服务太差了,气死我了!!!")
    let traditional = classifier.classify("你們的服務太差了，氣死我了！！！")
    #expect(simplified.type.id == traditional.type.id)
    #expect(simplified.emotion == traditional.emotion)
    #expect(simplified.situations.map(\.id) == traditional.situations.map(\.id))
  }

  @Test func intensifiersRaiseEmotion() {
    let calm = classifier.classify("网络有点慢")
    let loud = classifier.classify("网络太慢了!!!到底怎么回事??")
    #expect(loud.emotion.level > calm.emotion.level)
  }

  /// A polite question is calm; a reported problem makes a customer at least displeased, asked
  /// politely or not (the labelled sets' authors mostly say so, and the learned weights follow
  /// them); anger still shows through politeness.
  /// A phone or order number is no hotline: neither the cues nor the learned weights read
  /// 12345 inside 13912345678 as a threat to go to the regulator.
  @Test func anIdentifierIsNotAHotline() {
    for text in ["我的手机号是13912345678", "订单号123456789,麻烦查一下", "账号1231542"] {
      let reading = classifier.classify(text)
      #expect(!reading.situations.contains { $0.id == "external-threat" }, "\(text): \(reading.situations.map(\.id))")
    }
    #expect(classifier.classify("再不处理我就打12345").situations.contains { $0.id == "external-threat" })
  }

  @Test func aPoliteQuestionStaysCalm() {
    let question = classifier.classify("请问你们营业厅周末开门吗?")
    let polite = classifier.classify("请问这个月账单怎么多了十块?")
    let plain = classifier.classify("这个月账单怎么多了十块?")
    let angry = classifier.classify("请问你们到底管不管?")
    #expect(polite.situations.map(\.id) == ["billing"] && plain.situations.map(\.id) == ["billing"])
    #expect(question.emotion.level == 0)
    #expect(question.situations.isEmpty, "a plain question names no problem: \(question.situations.map(\.id))")
    #expect(classifier.classify("请问营业厅周末几点开门").situations.isEmpty)
    #expect(polite.emotion.level <= 1)
    #expect(plain.emotion.level == 1)
    #expect(angry.emotion.level >= 2)
  }

  /// With nothing to read, the learned weights would give the commonest level of the labelled
  /// sets (displeased): a greeting or a filler keeps the cues' calm.
  @Test func aLineWithNothingInItIsCalm() {
    for text in ["hello", "ok", "嗯嗯", "。。。", "在吗"] {
      #expect(classifier.classify(text).emotion.level == 0, "\(text)")
    }
    #expect(classifier.classify("投诉").situations.isEmpty)  // the weights alone read three situations into it
    #expect(classifier.classify("my internet is down again").emotion.level >= 1)
  }

  @Test func compensationAmountIsRead() {
    let reading = classifier.classify("要赔五千块,少一分都不行")
    #expect(reading.demands.first { $0.id == "compensation" }?.amount == 5000)
  }

  @Test func badInputIsAnsweredInBoundedTime() {
    let inputs = [
      "", "!!!!!!!!!!!!??????", "hello this is only english", "\u{7}\u{1B}[31m控制字符\u{0}",
      String(repeating: "我要投诉你们", count: 280_000),  // 5 MB of UTF-8, every character inside a cue
    ]
    for input in inputs {
      let reading = classifier.classify(input)
      #expect(reading.emotion.level >= 0 && reading.emotion.level <= 3)
    }
  }

  @Test func everyCueExampleFires() {
    // The same rule `kb lint` applies, as a test a coach can rely on.
    let problems = KnowledgeLint.check(TestSupport.engine).filter { $0.message.contains("example") }
    #expect(problems.isEmpty, "\(problems.map(\.description))")
  }
}

/// `all:` slots with alternatives, `ordered:` and `not_followed_by:`, on a copy of the knowledge
/// with one extra cue.
@Suite struct CueFormTests {
  func engine(extraCue: String, extraWords: String = "") throws -> Engine {
    let folder = TestSupport.knowledgeCopy()
    let words = folder.appendingPathComponent("words.yaml")
    try (String(contentsOf: words, encoding: .utf8) + extraWords).write(to: words, atomically: true, encoding: .utf8)
    let file = folder.appendingPathComponent("situations.yaml")
    var text = try String(contentsOf: file, encoding: .utf8)
    let anchor = try #require(text.range(of: "  - id: criminal\n"))
    let cues = try #require(text.range(of: "    cues:\n", range: anchor.upperBound..<text.endIndex))
    text.insert(contentsOf: extraCue, at: cues.upperBound)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try Engine.load(directory: folder.path)
  }

  func fires(_ engine: Engine, _ text: String) -> Bool {
    engine.classifier.classify(text).evidence.contains { $0.rule == "test-slots" }
  }

  @Test func anySlotAlternativeFillsTheSlot() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              all: [[叫上, 喊上], 一起来, [讨说法, 评评理]]
              within: 12

      """)
    #expect(fires(engine, "我叫上亲戚一起来讨说法"))
    #expect(fires(engine, "我喊上邻居一起来评评理"))
    #expect(!fires(engine, "我叫上亲戚一起来"))  // the third slot is missing
    #expect(!fires(engine, "叫上喊上"))  // two alternatives of one slot are not two slots
  }

  @Test func orderedSlotsMustComeInOrder() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              all: [[叫上, 喊上], 讨说法]
              within: 12
              ordered: true

      """)
    #expect(fires(engine, "我叫上亲戚来讨说法"))
    #expect(!fires(engine, "讨说法的时候我叫上了他"))
  }

  @Test func aFollowerVetoesTheMatch() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              any: [扬言]
              not_followed_by: [投诉, 曝光]

      """)
    #expect(fires(engine, "客户扬言要带人过来"))
    #expect(!fires(engine, "客户扬言投诉"))
    #expect(!fires(engine, "客户扬言要去曝光"))  // within three characters
    #expect(fires(engine, "客户扬言,要是不赔就去投诉"))  // another clause: the threat stands
    #expect(fires(engine, "客户扬言要带人来砸店再投诉"))  // too far to be what was threatened
  }

  /// A phrase of digits or Latin letters is a word: not inside a longer number or word.
  @Test func digitsAndLettersMatchWholeWords() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              any: ["12345", app, 5g]

      """)
    #expect(fires(engine, "我要打12345"))
    #expect(fires(engine, "12345,我说到做到"))
    #expect(!fires(engine, "我手机号13912345678"))
    #expect(!fires(engine, "订单号123456"))
    #expect(fires(engine, "你们的APP又闪退了"))
    #expect(!fires(engine, "I am not happy"))
    #expect(fires(engine, "办了5G套餐"))  // a letter beside a digit, or a Chinese character, is a boundary
  }

  /// Of two phrases of one slot at the same place, the shorter may be the one that fits.
  @Test func orderedSlotsTryTheShorterAlternative() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              all: [门口, [等她, 等她出来]]
              ordered: true
              within: 4

      """)
    #expect(fires(engine, "我就在门口等她出来"))
    #expect(!fires(engine, "等她出来,我在门口"))  // out of order
  }

  /// A safety situation is reported on one full cue; hints (weight below 1) only together.
  @Test func safetyHintsCountOnlyTogether() throws {
    let engine = try engine(extraCue: """
            - id: test-hint-a
              any: [蓝色卡车]
              weight: 0.5
            - id: test-hint-b
              any: [后院仓库]
              weight: 0.5

      """)
    func criminal(_ text: String) -> Bool { engine.classifier.classify(text).situations.contains { $0.id == "criminal" } }
    #expect(!criminal("那辆蓝色卡车停了一天"))
    #expect(criminal("那辆蓝色卡车一直停在后院仓库"))
  }

  /// 发不发 / 有没有 ask a question: the cue after them is not negated; 不发 still negates.
  @Test func anANotAQuestionDoesNotNegate() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              any: [年终奖]

      """)
    #expect(fires(engine, "你们今年发不发年终奖"))
    #expect(fires(engine, "到底有没有年终奖"))
    #expect(!fires(engine, "今年不发年终奖了"))
  }

  @Test func aPrecursorVetoesTheMatch() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              any: [揍你]
              not_preceded_by: [真想, 恨不得]

      """)
    #expect(fires(engine, "再不退钱我揍你"))
    #expect(!fires(engine, "气得我真想揍你"))
    #expect(!fires(engine, "我恨不得马上揍你"))  // within three characters
    #expect(fires(engine, "我真想,今天就揍你"))  // another clause
    #expect(fires(engine, "我恨不得你们倒闭,明天就揍你"))  // not right before it
  }

  @Test func aLaterPhraseInTheSentenceClearsTheMatch() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              any: [扬言]
              cleared_by: [开玩笑]
              cleared_within: 12

      """)
    #expect(fires(engine, "客户扬言要带人过来"))
    #expect(!fires(engine, "客户扬言要带人过来,后来说是开玩笑的"))  // across a comma
    #expect(fires(engine, "客户扬言要带人过来。我以为他在开玩笑"))  // another sentence
    #expect(fires(engine, "客户扬言要带人过来砸店还要堵门,后来又说是开玩笑"))  // too far
  }

  /// `$family` stands for every word of that family in words.yaml, as a whole slot or as one
  /// alternative among others.
  @Test func aWordFamilyFillsASlot() throws {
    let engine = try engine(extraCue: """
            - id: test-slots
              all: [[$test_staff, 小姑娘], [几点下班, 住哪]]
              within: 10

      """, extraWords: "  test_staff: [快递员, 护士]\n")
    #expect(fires(engine, "那个快递员几点下班"))
    #expect(fires(engine, "你们护士住哪"))
    #expect(fires(engine, "那个小姑娘住哪啊"))
    #expect(!fires(engine, "我几点下班你管得着吗"))  // no staff word
  }
}

@Suite struct ReadingViewTests {
  let engine = TestSupport.engine

  /// An ordinary customer who cites a law calmly scores one weak know-it-all cue: the block
  /// must not put 卖弄知识型 beside them.
  @Test func aRunnerUpIsShownOnlyWhenItCameClose() {
    let view = ReadingView(knowledge: engine.knowledge)
    let calm = engine.classifier.classify("消费者权益保护法好像有七天无理由退货,我这个还没拆封,能退吗?")
    #expect(calm.type.id == "ordinary")
    #expect(calm.typeScores.values.contains { $0 > 0 }, "the example should carry a weak cue: \(calm.typeScores)")
    #expect(!view.render(calm, advice: nil).contains("其次"))
  }

  /// The 依据 line shows what decided the reading: not a criminal hint that stayed under its
  /// threshold, not a lower emotion level, not a span inside a longer one for the same situation.
  @Test func evidenceShowsWhatDecidedTheReading() throws {
    let view = ReadingView(knowledge: engine.knowledge, columns: 400)
    let reading = engine.classifier.classify("俺家宽带断了三天了！！！打了两回电话都没人来，再不修好俺就去12315投诉你们")
    let targets = reading.evidence.map(\.target)
    try #require(targets.contains("situation:criminal"), "the example should carry a criminal hint: \(targets)")
    try #require(targets.contains("emotion:1") && reading.emotion.level == 2)
    try #require(reading.evidence.contains { $0.matched == "宽带断" } && reading.evidence.contains { $0.matched == "宽带断了" })
    #expect(!reading.situations.contains { $0.id == "criminal" })

    let shown = view.render(reading, advice: nil, evidence: true)
    #expect(!shown.contains("涉嫌犯罪"))
    #expect(!shown.contains("情绪1"))
    #expect(!shown.contains(" 宽带断→故障中断"))
    #expect(shown.contains("宽带断了→故障中断"))
    #expect(shown.contains("12315→外部投诉威胁"))
    #expect(shown.contains("→情绪2"))
    #expect(shown.contains("→诉求:"))
  }
}
