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

  @Test func compensationAmountIsRead() {
    let reading = classifier.classify("要赔五千块,少一分都不行")
    #expect(reading.demands.first { $0.id == "compensation" }?.amount == 5000)
  }

  @Test func badInputIsAnsweredInBoundedTime() {
    let inputs = [
      "", "!!!!!!!!!!!!??????", "hello this is only english", "\u{7}\u{1B}[31m控制字符\u{0}",
      String(repeating: "我要投诉你们", count: 800_000),  // about 5 MB
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
